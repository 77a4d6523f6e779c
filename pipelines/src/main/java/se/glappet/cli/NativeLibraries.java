package se.glappet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    ClassPathStep.main("NativeLibraries", args, (classpath, folder) -> prepare(classpath, folder,
        duckDbLibraryName(System.getProperty("os.name"), System.getProperty("os.arch"))),
        "DuckDB's library stays in its jar");
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
    boolean[] found = {false};
    ClassPathStep.copyJar(jar, copy, (e, data) -> {
      if (!e.getName().startsWith(DUCKDB_LIBRARY_PREFIX)) {
        return data.readAllBytes();
      }
      if (e.getName().equals(library)) {
        Files.copy(data, folder.resolve(library), StandardCopyOption.REPLACE_EXISTING);
        found[0] = true;
      }
      return null;
    });
    if (!found[0]) {
      Files.delete(copy);
      return classpath;
    }
    entries.set(at, copy.toAbsolutePath().toString());
    return String.join(java.io.File.pathSeparator, entries);
  }
}
