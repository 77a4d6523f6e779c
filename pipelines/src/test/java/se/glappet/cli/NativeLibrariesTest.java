package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

  @Test
  void namesTheLibraryAsDuckDbsDriverDoes() {
    assertEquals("libduckdb_java.so_linux_amd64", NativeLibraries.duckDbLibraryName("Linux", "amd64"));
    assertEquals("libduckdb_java.so_linux_amd64", NativeLibraries.duckDbLibraryName("Linux", "x86_64"));
    assertEquals("libduckdb_java.so_linux_arm64", NativeLibraries.duckDbLibraryName("Linux", "aarch64"));
    assertEquals("libduckdb_java.so_osx_universal", NativeLibraries.duckDbLibraryName("Mac OS X", "aarch64"));
    assertEquals("libduckdb_java.so_windows_amd64", NativeLibraries.duckDbLibraryName("Windows 11", "amd64"));
    assertNull(NativeLibraries.duckDbLibraryName("SunOS", "sparcv9"));
    assertNull(NativeLibraries.duckDbLibraryName("Linux", "ppc64le"));
  }

  @Test
  void copiesTheJarWithoutItsLibrariesAndUnpacksThisPlatformsNextToIt(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("m2/duckdb_jdbc-9.9.9.jar");
    Files.createDirectories(jar.getParent());
    byte[] linux = "linux library".getBytes(StandardCharsets.UTF_8);
    try (OutputStream raw = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(raw)) {
      put(out, "org/duckdb/DuckDBDriver.class", "driver".getBytes(StandardCharsets.UTF_8));
      put(out, "libduckdb_java.so_linux_amd64", linux);
      put(out, "libduckdb_java.so_osx_universal", "osx library".getBytes(StandardCharsets.UTF_8));
      put(out, "META-INF/services/java.sql.Driver", "org.duckdb.DuckDBDriver\n".getBytes(StandardCharsets.UTF_8));
    }
    String cp = String.join(File.pathSeparator, "/a/first.jar", jar.toString(), "/b/last.jar");
    Path folder = dir.resolve("native");
    String result = NativeLibraries.prepare(cp, folder, "libduckdb_java.so_linux_amd64");

    Path copy = folder.resolve("duckdb_jdbc-9.9.9.jar");
    assertEquals(String.join(File.pathSeparator, "/a/first.jar", copy.toAbsolutePath().toString(), "/b/last.jar"), result);
    assertArrayEquals(linux, Files.readAllBytes(folder.resolve("libduckdb_java.so_linux_amd64")));
    assertFalse(Files.exists(folder.resolve("libduckdb_java.so_osx_universal")));
    try (JarFile j = new JarFile(copy.toFile())) {
      List<String> names = new ArrayList<>();
      Collections.list(j.entries()).forEach(e -> names.add(e.getName()));
      assertEquals(List.of("org/duckdb/DuckDBDriver.class", "META-INF/services/java.sql.Driver"), names);
      assertArrayEquals("driver".getBytes(StandardCharsets.UTF_8),
          j.getInputStream(j.getEntry("org/duckdb/DuckDBDriver.class")).readAllBytes());
    }
  }

  @Test
  void leavesTheClassPathAsItIsWhenThereIsNothingToUnpack(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("duckdb_jdbc-9.9.9.jar");
    try (OutputStream raw = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(raw)) {
      put(out, "libduckdb_java.so_linux_amd64", new byte[] {1});
    }
    String cp = String.join(File.pathSeparator, "/a/first.jar", jar.toString());
    assertEquals(cp, NativeLibraries.prepare(cp, dir.resolve("n1"), "libduckdb_java.so_linux_riscv64"));
    assertEquals(cp, NativeLibraries.prepare(cp, dir.resolve("n2"), null));
    assertEquals("/a/first.jar", NativeLibraries.prepare("/a/first.jar", dir.resolve("n3"), "libduckdb_java.so_linux_amd64"));
  }

  /**
   * The real driver of the build, in a separate JVM on the prepared class path: it loads the
   * library from the folder (the temporary folder gets no copy) and answers a query.
   */
  @Test
  void theRealDriverLoadsTheUnpackedLibrary(@TempDir Path dir) throws Exception {
    String library = NativeLibraries.duckDbLibraryName(System.getProperty("os.name"), System.getProperty("os.arch"));
    String cp = NativeLibraries.prepare(System.getProperty("java.class.path"), dir.resolve("native"), library);
    assertTrue(cp.contains(dir.resolve("native").toString()), "the copy is on the class path: " + library);
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", cp, DuckDbProbe.class.getName());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals("42", out.strip());
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(), files.map(Path::getFileName).map(Path::toString)
          .filter(n -> n.startsWith("libduckdb")).toList(), "nothing unpacked into the temporary folder");
    }
  }

  /** Runs in the child JVM of {@link #theRealDriverLoadsTheUnpackedLibrary}. */
  public static final class DuckDbProbe {
    public static void main(String[] args) throws Exception {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
          java.sql.ResultSet r = c.createStatement().executeQuery("SELECT 6 * 7")) {
        r.next();
        System.out.println(r.getInt(1));
      }
    }
  }

  private static void put(JarOutputStream out, String name, byte[] data) throws Exception {
    out.putNextEntry(new JarEntry(name));
    out.write(data);
    out.closeEntry();
  }
}
