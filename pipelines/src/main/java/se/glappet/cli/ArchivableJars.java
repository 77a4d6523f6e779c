package se.glappet.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Copies of the class path's jars whose classes Java 17's class-data sharing cannot archive,
 * made once after a build, so that every run maps those classes from the launcher's archive
 * instead of loading and verifying them from their jars.
 *
 * <p>The JVM archives no class file older than Java 6 (major version below 50: it would need the
 * old verifier, which the archive does not record). Byte Buddy (which Beam uses to generate the
 * invoker of every step), Joda-Time (Beam's timestamps), the JAXB API and JSR 305 are compiled for
 * Java 5: a 2-row batch loaded 982 of its classes from those jars on every run, all other classes
 * coming from the archive. Each such class is rewritten as a Java 6 class file: the same
 * instructions, with the subroutines of old {@code finally} blocks ({@code jsr}/{@code ret}, which
 * Byte Buddy has) inlined and the stack map frames computed, which is what version 50 adds. The
 * other entries are copied byte for byte; a jar without an old class, or a signed one, is not
 * copied. Version 50 also keeps the JVM's fall-back to the old verifier, should a frame ever fail
 * to verify. A 2-row batch then took 0.97 of the time and 0.94 of the CPU, a national year 0.98
 * (bench/README.md, fifteenth session).
 *
 * <p>The launcher ({@code ./glappet}) runs this once after each build, with the original class
 * path (frames need the classes' supertypes): {@code ArchivableJars CLASSPATH FOLDER} prints the
 * class path with the copies, written into FOLDER, in place of the originals. A class that cannot
 * be rewritten stays as it is; when anything else fails, the class path is printed unchanged.
 */
public final class ArchivableJars {
  private ArchivableJars() {}

  /** The oldest class file version the JVM's class-data archive takes (Java 6). */
  static final int ARCHIVABLE_VERSION = Opcodes.V1_6;

  public static void main(String[] args) {
    ClassPathStep.main("ArchivableJars", args, ArchivableJars::prepare, "the class path's Java 5 jars stay as they are");
  }

  /**
   * Writes into {@code folder} a copy of every jar of {@code classpath} that holds a class file
   * older than Java 6, with those classes rewritten ({@link #rewrite}); returns the class path with
   * the copies in place of the originals. A copy's name starts with its place in the class path,
   * so that two jars of the same name cannot overwrite each other.
   */
  static String prepare(String classpath, Path folder) throws IOException {
    List<String> entries = List.of(classpath.split(File.pathSeparator, -1));
    try {
      // One jar per task: about 200 jars, 21 of them for Java 5 (about 7 s on 2 cores).
      return IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
        try {
          return copyIfOld(entries.get(i), folder.resolve(i + "-" + Paths.get(entries.get(i)).getFileName()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).collect(Collectors.joining(File.pathSeparator));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The class path entry to use instead of {@code entry}: its rewritten copy {@code copy}, or {@code entry}. */
  private static String copyIfOld(String entry, Path copy) throws IOException {
    Path jar = Paths.get(entry);
    if (!entry.endsWith(".jar") || !Files.isRegularFile(jar) || !hasOldClass(jar)) {
      return entry;
    }
    Files.createDirectories(copy.getParent());
    ClassPathStep.copyJar(jar, copy, (e, data) -> {
      byte[] bytes = data.readAllBytes();
      return isClass(e) && isOld(bytes) ? rewrite(bytes) : bytes;
    });
    return copy.toAbsolutePath().toString();
  }

  /**
   * Whether {@code jar} holds a class file older than Java 6 and is not signed (a signed jar's
   * classes must stay the bytes it signed).
   */
  private static boolean hasOldClass(Path jar) throws IOException {
    try (JarFile in = new JarFile(jar.toFile(), false)) {
      boolean old = false;
      Enumeration<JarEntry> all = in.entries();
      while (all.hasMoreElements()) {
        JarEntry e = all.nextElement();
        String name = e.getName().toUpperCase(Locale.ROOT);
        if (name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA")
            || name.endsWith(".EC"))) {
          return false;
        }
        if (old) {
          continue;
        }
        if (isClass(e)) {
          try (InputStream data = in.getInputStream(e)) {
            old = isOld(data.readNBytes(8));
          }
        }
      }
      return old;
    }
  }

  /** A class file outside META-INF (where multi-release jars keep their newer versions). */
  private static boolean isClass(JarEntry e) {
    return !e.isDirectory() && e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/");
  }

  /** Whether {@code classFile} (its first 8 bytes suffice) is older than {@link #ARCHIVABLE_VERSION}. */
  static boolean isOld(byte[] classFile) {
    return classFile.length >= 8 && (classFile[0] & 0xff) == 0xCA && (classFile[1] & 0xff) == 0xFE
        && (((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff)) < ARCHIVABLE_VERSION;
  }

  /**
   * {@code classFile} as a Java 6 class file: subroutines inlined, stack map frames computed, the
   * instructions otherwise as they were. Returns it unchanged if it cannot be rewritten (a supertype
   * that is not on the class path, for example).
   */
  static byte[] rewrite(byte[] classFile) {
    try {
      ClassReader reader = new ClassReader(classFile);
      ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
      reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
          super.visit(ARCHIVABLE_VERSION, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
          return new JSRInlinerAdapter(super.visitMethod(access, name, descriptor, signature, exceptions),
              access, name, descriptor, signature, exceptions);
        }
      }, 0);
      return writer.toByteArray();
    } catch (RuntimeException | LinkageError e) {
      return classFile;
    }
  }
}
