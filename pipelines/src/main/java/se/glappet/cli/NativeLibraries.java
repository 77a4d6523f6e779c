package se.glappet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Unpacks DuckDB's native library once after a build instead of on every run. DuckDB's JDBC
 * driver, when its jar holds the library for this platform (a 57 MB file, 19 MB compressed), unpacks
 * it into the temporary folder and loads it from there on every start: 0.26 CPU seconds and 0.1
 * system seconds of each batch, whose dashboard reads the published files with DuckDB. When the
 * jar lacks it, the driver loads the file of the same name from the jar's folder instead (after
 * {@code System.loadLibrary("duckdb_java")} finds none on the library path).
 *
 * <p>So the launcher ({@code ./glappet}) runs this once after each build: it writes into a folder
 * a copy of the DuckDB jar without the libraries and, next to it, this platform's library, and
 * prints the class path with the copy in place of the original, which the launcher then uses.
 * The driver's classes are the same bytes; only where the library comes from changes. On a
 * platform whose library the jar does not hold, or when anything fails, the class path is printed
 * unchanged.
 *
 * <p>Usage: {@code NativeLibraries CLASSPATH FOLDER}; prints the class path to use.
 */
public final class NativeLibraries {
  private NativeLibraries() {}

  /** The prefix of the library entries in DuckDB's JDBC jar. */
  static final String DUCKDB_LIBRARY_PREFIX = "libduckdb_java.so_";

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: NativeLibraries CLASSPATH FOLDER");
      System.exit(2);
    }
    String classpath = args[0];
    try {
      classpath = prepare(classpath, Paths.get(args[1]), duckDbLibraryName(System.getProperty("os.name"),
          System.getProperty("os.arch")));
    } catch (IOException | RuntimeException e) {
      System.err.println("glappet: DuckDB's library stays in its jar (" + e + ")");
    }
    System.out.println(classpath);
  }

  /**
   * The entry DuckDB's driver (1.x, {@code DuckDBNative.nativeLibName}) loads on this platform, or
   * null for a platform it does not know.
   */
  static String duckDbLibraryName(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    String arch = osArch.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("mac")) {
      return DUCKDB_LIBRARY_PREFIX + "osx_universal";
    } else if (os.startsWith("linux")) {
      os = "linux";
    } else {
      return null;
    }
    if (arch.equals("x86_64") || arch.equals("amd64")) {
      arch = "amd64";
    } else if (arch.equals("aarch64") || arch.equals("arm64")) {
      arch = "arm64";
    } else {
      return null;
    }
    return DUCKDB_LIBRARY_PREFIX + os + "_" + arch;
  }

  /**
   * Writes into {@code folder} the DuckDB jar of {@code classpath} without its libraries, and the
   * library {@code library} next to it; returns the class path with the copy in place of the jar.
   * Returns {@code classpath} unchanged when it has no DuckDB jar, when {@code library} is null, or
   * when the jar does not hold it.
   */
  static String prepare(String classpath, Path folder, String library) throws IOException {
    List<String> entries = new ArrayList<>(List.of(classpath.split(java.io.File.pathSeparator, -1)));
    int at = -1;
    for (int i = 0; i < entries.size(); i++) {
      String name = Paths.get(entries.get(i)).getFileName() == null ? "" : Paths.get(entries.get(i)).getFileName().toString();
      if (name.startsWith("duckdb_jdbc") && name.endsWith(".jar")) {
        at = i;
      }
    }
    if (at < 0 || library == null) {
      return classpath;
    }
    Path jar = Paths.get(entries.get(at));
    Path copy = folder.resolve(jar.getFileName().toString());
    Files.createDirectories(folder);
    boolean found = false;
    Path partial = folder.resolve(jar.getFileName() + ".part");
    try (JarFile in = new JarFile(jar.toFile(), false);
        OutputStream raw = Files.newOutputStream(partial);
        JarOutputStream out = new JarOutputStream(raw)) {
      Enumeration<JarEntry> all = in.entries();
      while (all.hasMoreElements()) {
        JarEntry e = all.nextElement();
        if (e.getName().startsWith(DUCKDB_LIBRARY_PREFIX)) {
          if (e.getName().equals(library)) {
            try (InputStream lib = in.getInputStream(e)) {
              Files.copy(lib, folder.resolve(library), StandardCopyOption.REPLACE_EXISTING);
            }
            found = true;
          }
          continue;
        }
        JarEntry copied = new JarEntry(e.getName());
        copied.setTime(e.getTime());
        out.putNextEntry(copied);
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
    if (!found) {
      Files.deleteIfExists(partial);
      return classpath;
    }
    Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
    entries.set(at, copy.toAbsolutePath().toString());
    return String.join(java.io.File.pathSeparator, entries);
  }
}
