package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ArchivableJarsTest {

  /**
   * A Java 5 class as old compilers wrote {@code finally}: {@code pick(x)} runs a subroutine
   * ({@code jsr}/{@code ret}) that counts its calls in {@code calls}, then returns 1 for a positive
   * x and -1 otherwise; {@code main} prints {@code pick(5) pick(-3) calls}.
   */
  static byte[] javaFiveClass() {
    ClassWriter w = new ClassWriter(0);
    w.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/Old", null, "java/lang/Object", null);
    w.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "calls", "I", null, null).visitEnd();
    MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "pick", "(I)I", null, null);
    m.visitCode();
    Label negative = new Label();
    Label subroutine = new Label();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitJumpInsn(Opcodes.IFLE, negative);
    m.visitJumpInsn(Opcodes.JSR, subroutine);
    m.visitInsn(Opcodes.ICONST_1);
    m.visitInsn(Opcodes.IRETURN);
    m.visitLabel(negative);
    m.visitJumpInsn(Opcodes.JSR, subroutine);
    m.visitInsn(Opcodes.ICONST_M1);
    m.visitInsn(Opcodes.IRETURN);
    m.visitLabel(subroutine);
    m.visitVarInsn(Opcodes.ASTORE, 1);
    m.visitFieldInsn(Opcodes.GETSTATIC, "t/Old", "calls", "I");
    m.visitInsn(Opcodes.ICONST_1);
    m.visitInsn(Opcodes.IADD);
    m.visitFieldInsn(Opcodes.PUTSTATIC, "t/Old", "calls", "I");
    m.visitVarInsn(Opcodes.RET, 1);
    m.visitMaxs(2, 2);
    m.visitEnd();
    MethodVisitor main = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
    main.visitCode();
    main.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
    main.visitInsn(Opcodes.ICONST_5);
    main.visitMethodInsn(Opcodes.INVOKESTATIC, "t/Old", "pick", "(I)I", false);
    main.visitIntInsn(Opcodes.BIPUSH, -3);
    main.visitMethodInsn(Opcodes.INVOKESTATIC, "t/Old", "pick", "(I)I", false);
    main.visitInsn(Opcodes.IADD);
    main.visitFieldInsn(Opcodes.GETSTATIC, "t/Old", "calls", "I");
    main.visitIntInsn(Opcodes.BIPUSH, 10);
    main.visitInsn(Opcodes.IMUL);
    main.visitInsn(Opcodes.IADD);
    main.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream", "println", "(I)V", false);
    main.visitInsn(Opcodes.RETURN);
    main.visitMaxs(4, 1);
    main.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  /** A Java 8 class with nothing in it. */
  static byte[] javaEightClass() {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    w.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/New", null, "java/lang/Object", null);
    w.visitEnd();
    return w.toByteArray();
  }

  private static void jar(Path jar, String... namesAndContents) throws Exception {
    Files.createDirectories(jar.getParent());
    try (OutputStream raw = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(raw)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        out.putNextEntry(new JarEntry(namesAndContents[i]));
        out.write(namesAndContents[i + 1].getBytes(StandardCharsets.ISO_8859_1));
        out.closeEntry();
      }
    }
  }

  private static String bytes(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private static byte[] entry(Path jar, String name) throws Exception {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.getInputStream(j.getEntry(name)).readAllBytes();
    }
  }

  private static int version(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  @Test
  void rewritesTheJavaFiveClassesOfAJarAndCopiesTheRestByteForByte(@TempDir Path dir) throws Exception {
    Path old = dir.resolve("m2/old-1.0.jar");
    jar(old, "t/Old.class", bytes(javaFiveClass()), "t/New.class", bytes(javaEightClass()), "t/notes.txt", "as it was");
    Path modern = dir.resolve("m2/modern-1.0.jar");
    jar(modern, "t/New.class", bytes(javaEightClass()));
    String cp = String.join(File.pathSeparator, "/a/classes", modern.toString(), old.toString());
    Path folder = dir.resolve("native/java6");

    String result = ArchivableJars.prepare(cp, folder);

    Path copy = folder.resolve("2-old-1.0.jar");
    assertEquals(String.join(File.pathSeparator, "/a/classes", modern.toString(), copy.toAbsolutePath().toString()), result);
    assertEquals(List.of(copy), Files.list(folder).collect(java.util.stream.Collectors.toList()),
        "a jar without Java 5 classes is used as it is");
    try (JarFile j = new JarFile(copy.toFile())) {
      List<String> names = new ArrayList<>();
      Collections.list(j.entries()).forEach(e -> names.add(e.getName()));
      assertEquals(List.of("t/Old.class", "t/New.class", "t/notes.txt"), names);
    }
    assertArrayEquals(javaEightClass(), entry(copy, "t/New.class"));
    assertArrayEquals("as it was".getBytes(StandardCharsets.ISO_8859_1), entry(copy, "t/notes.txt"));

    byte[] rewritten = entry(copy, "t/Old.class");
    assertEquals(Opcodes.V1_5, version(javaFiveClass()));
    assertEquals(Opcodes.V1_6, version(rewritten));
    AtomicInteger frames = new AtomicInteger();
    AtomicInteger subroutines = new AtomicInteger();
    new ClassReader(rewritten).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            frames.incrementAndGet();
          }

          @Override
          public void visitJumpInsn(int opcode, Label label) {
            if (opcode == Opcodes.JSR) {
              subroutines.incrementAndGet();
            }
          }
        };
      }
    }, 0);
    assertTrue(frames.get() > 0, "stack map frames");
    assertEquals(0, subroutines.get(), "jsr inlined");

    // The rewritten class does what the old one did.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {copy.toUri().toURL()}, null)) {
      Class<?> c = loader.loadClass("t.Old");
      assertEquals(1, c.getMethod("pick", int.class).invoke(null, 5));
      assertEquals(-1, c.getMethod("pick", int.class).invoke(null, -3));
      assertEquals(2, c.getField("calls").getInt(null));
    }
    // Its frames verify on their own: the JVM falls back to the old verifier for a version 50 class
    // whose frames fail, but not for version 51, so the same bytes marked 51 must run. The original
    // (version 49) runs too, with the same output.
    Path asJavaSeven = dir.resolve("java7/t/Old.class");
    Files.createDirectories(asJavaSeven.getParent());
    byte[] seven = rewritten.clone();
    seven[7] = (byte) Opcodes.V1_7;
    Files.write(asJavaSeven, seven);
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    for (Path classPath : List.of(old, dir.resolve("java7"))) {
      Process p = new ProcessBuilder(java, "-Xshare:off", "-cp", classPath.toString(), "t.Old")
          .redirectErrorStream(true).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals("20", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(), classPath.toString());
      assertEquals(0, p.exitValue());
    }
  }

  @Test
  void twoJarsOfTheSameNameGetACopyEach(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("a/lib-1.0.jar");
    Path second = dir.resolve("b/lib-1.0.jar");
    jar(first, "t/Old.class", bytes(javaFiveClass()));
    jar(second, "t/Old.class", bytes(javaFiveClass()), "t/second.txt", "the second");
    String[] result = ArchivableJars.prepare(first + File.pathSeparator + second, dir.resolve("java6")).split(File.pathSeparator);

    assertEquals(2, result.length);
    assertFalse(result[0].equals(result[1]));
    try (JarFile a = new JarFile(result[0]); JarFile b = new JarFile(result[1])) {
      assertEquals(1, a.size());
      assertEquals(2, b.size());
    }
  }

  @Test
  void aSignedJarKeepsItsClasses(@TempDir Path dir) throws Exception {
    Path signed = dir.resolve("m2/signed-1.0.jar");
    jar(signed, "META-INF/SIGNER.SF", "Signature-Version: 1.0\n", "t/Old.class", bytes(javaFiveClass()));
    String cp = String.join(File.pathSeparator, signed.toString(), "/not/there.jar");
    assertEquals(cp, ArchivableJars.prepare(cp, dir.resolve("java6")));
    assertFalse(Files.exists(dir.resolve("java6")));
  }

  @Test
  void aClassThatCannotBeRewrittenStaysAsItIs() {
    byte[] notAClass = "CAFEBABE? no".getBytes(StandardCharsets.ISO_8859_1);
    assertArrayEquals(notAClass, ArchivableJars.rewrite(notAClass));
    assertFalse(ArchivableJars.isOld(notAClass));
    assertTrue(ArchivableJars.isOld(javaFiveClass()));
    assertFalse(ArchivableJars.isOld(javaEightClass()));
  }

  @Test
  void byteBuddysClassesBecomeJavaSixClassFiles(@TempDir Path dir) throws Exception {
    Path byteBuddy = Paths.get(net.bytebuddy.ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(ArchivableJars.isOld(entry(byteBuddy, "net/bytebuddy/ByteBuddy.class")), "Byte Buddy is compiled for Java 5");

    String result = ArchivableJars.prepare(byteBuddy.toString(), dir);

    Path copy = dir.resolve("0-" + byteBuddy.getFileName());
    assertEquals(copy.toAbsolutePath().toString(), result);
    int classes = 0;
    try (JarFile j = new JarFile(copy.toFile()); JarFile original = new JarFile(byteBuddy.toFile())) {
      assertEquals(original.size(), j.size());
      for (JarEntry e : Collections.list(j.entries())) {
        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
          classes++;
          assertFalse(ArchivableJars.isOld(j.getInputStream(e).readNBytes(8)), e.getName());
        }
      }
    }
    assertTrue(classes > 2000, "Byte Buddy's classes: " + classes);
  }

  @Test
  void theLauncherRunsItOnceAfterABuildOnTheClassPathItsRunsUse() throws Exception {
    String text = Files.readString(Paths.get(System.getProperty("user.dir")).getParent().resolve("glappet"));
    assertTrue(text.contains("se.glappet.cli.ArchivableJars \"$(cat \"$NATIVE/classpath.txt\")\" \"$NATIVE/java6\""),
        "after NativeLibraries, on the class path it wrote");
    assertTrue(text.indexOf("se.glappet.cli.ArchivableJars") < text.indexOf("CDS=\"$TARGET/glappet-cds.jsa\""),
        "before the class-data archives are recorded with that class path");
    assertEquals(void.class, ArchivableJars.class.getMethod("main", String[].class).getReturnType());
  }
}
