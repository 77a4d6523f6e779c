package se.glappet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * One of the launcher's once-after-a-build steps that prepare the class path its runs use
 * ({@link NativeLibraries}, {@link ArchivableJars}): {@code STEP CLASSPATH FOLDER} writes what it
 * needs into FOLDER and prints the class path to use. A step that fails prints the class path it
 * was given, so the runs go on with the original jars.
 */
@FunctionalInterface
interface ClassPathStep {
  /** The class path to use instead of {@code classpath}, with what it needs written into {@code folder}. */
  String prepare(String classpath, Path folder) throws IOException;

  /**
   * Runs {@code step} as a command: {@code name} for its usage line, {@code whenFailed} says what
   * stays as it was when it fails.
   */
  static void main(String name, String[] args, ClassPathStep step, String whenFailed) {
    if (args.length != 2) {
      System.err.println("usage: " + name + " CLASSPATH FOLDER");
      System.exit(2);
    }
    String classpath = args[0];
    try {
      classpath = step.prepare(classpath, Paths.get(args[1]));
    } catch (IOException | RuntimeException e) {
      System.err.println("glappet: " + whenFailed + " (" + e + ")");
    }
    System.out.println(classpath);
  }

  /** What goes into a copy of a jar for one of its entries: the bytes (changed or not), or null for nothing. */
  @FunctionalInterface
  interface EntryCopy {
    byte[] bytes(JarEntry entry, InputStream data) throws IOException;
  }

  /**
   * Copies {@code jar} to {@code copy} entry by entry through {@code each}, keeping the entries'
   * names, order and times, by way of a partial file that is moved into place at the end.
   */
  static void copyJar(Path jar, Path copy, EntryCopy each) throws IOException {
    Path partial = copy.resolveSibling(copy.getFileName() + ".part");
    try (JarFile in = new JarFile(jar.toFile(), false);
        OutputStream raw = Files.newOutputStream(partial);
        JarOutputStream out = new JarOutputStream(raw)) {
      for (JarEntry e : Collections.list(in.entries())) {
        byte[] bytes;
        try (InputStream data = in.getInputStream(e)) {
          bytes = each.bytes(e, data);
        }
        if (bytes != null) {
          JarEntry copied = new JarEntry(e.getName());
          copied.setTime(e.getTime());
          out.putNextEntry(copied);
          out.write(bytes);
          out.closeEntry();
        }
      }
    }
    Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
  }
}
