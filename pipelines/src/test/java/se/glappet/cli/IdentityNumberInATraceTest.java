package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.testing.Fixtures;

/**
 * Issue 15, item 1: an identity number in a file name must not leak through a Beam or Flink
 * exception text, a log line or a stack trace, on the console or in any file written. The number
 * 19121212-1212 is a valid personnummer (Tolvan Tolvansson).
 */
class IdentityNumberInATraceTest {
  /** Any run of 10 or 12 digits (optionally - or + before the last four) touching no digit. */
  static final Pattern RUN = Pattern.compile("(?<![0-9])(?:[0-9]{8}|[0-9]{6})[-+]?[0-9]{4}(?![0-9])");
  static final String NUMBER = "19121212-1212";

  @TempDir Path tmp;

  /** Runs the CLI in this process; returns {exit code, stdout + stderr}. */
  static Object[] glappet(String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      return new Object[] {Glappet.run(args), buf.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static void assertNoDigitRun(String what, String text) {
    assertFalse(RUN.matcher(text).find(), what + " holds a run of 10 or 12 digits:\n" + text);
  }

  /**
   * Every file below {@code dir}: no text file holds a valid identity number (checksums and sizes
   * may hold long digit runs), no file holds the planted number's digits in any written form.
   */
  static void assertNoNumberInFiles(Path dir) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertFalse(files.isEmpty());
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      String name = f.getFileName().toString();
      if (name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".html")) {
        java.util.regex.Matcher m = RUN.matcher(text);
        while (m.find()) {
          assertFalse(se.glappet.privacy.IdentityNumbers.isIdentityNumber(m.group()), f + " holds " + m.group());
        }
      }
      assertFalse(text.contains("1212121212") || text.contains("121212-1212"), f + " holds the number");
    }
  }

  /** The reproduction, on the embedded Flink the launcher uses. */
  @Test
  void aDanglingLinkNamedAfterAPersonFailsInOneMaskedLine() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Files.createSymbolicLink(in.resolve("income-support/" + NUMBER + ".csv"), Paths.get("/nonexistent/x"));
    Path out = tmp.resolve("out");
    Object[] r = glappet("batch", "--input", in.toString(), "--output", out.toString(), "--runner", "FlinkRunner",
        "--quiet");
    String console = (String) r[1];
    assertEquals(1, r[0], console);
    assertNoDigitRun("the console", console);
    assertEquals(1, console.strip().lines().count(), "one line:\n" + console);
    assertTrue(console.contains("income-support/********-****.csv"), console);
    assertNoNumberInFiles(out);
  }

  /** Glappet's own lines name the folders the user gave: a number in such a path is masked too. */
  @Test
  void aNumberInTheFolderNamesIsMaskedOnTheConsoleAndInTheFiles() throws Exception {
    Path base = Files.createDirectories(tmp.resolve(NUMBER));
    Path in = Fixtures.write(base.resolve("in"), 1, false);
    Path out = base.resolve("out");
    Object[] r = glappet("batch", "--input", in.toString(), "--output", out.toString());
    String console = (String) r[1];
    assertEquals(0, r[0], console);
    assertTrue(console.contains("Published"), console);
    assertNoDigitRun("the console", console);
    assertNoNumberInFiles(out);
    // A failed run (the output folder is locked by this live process) names the folder too.
    Files.writeString(out.resolve(".glappet.lock"), ProcessHandle.current().pid() + " "
        + java.net.InetAddress.getLocalHost().getHostName() + " other-run");
    r = glappet("batch", "--input", in.toString(), "--output", out.toString());
    assertEquals(1, r[0], (String) r[1]);
    assertNoDigitRun("the console", (String) r[1]);
  }

  /**
   * The launcher's path: a separate JVM through {@code Glappet.main}. A failure inside the Flink
   * job (an injected full disk) is one masked line on stderr, no log line and no stack trace;
   * GLAPPET_DEBUG=1 shows the trace, masked too.
   */
  @Test
  void theMainEntryPrintsOneMaskedLineAndATraceOnlyWhenDebugging() throws Exception {
    Path base = Files.createDirectories(tmp.resolve(NUMBER));
    Path in = Fixtures.write(base.resolve("in"), 1, false);
    String[] out = java(false, "batch", "--input", in.toString(), "--output", base.resolve("out").toString(),
        "--runner", "FlinkRunner", "--quiet");
    assertEquals("1", out[0], out[1]);
    assertNoDigitRun("stdout and stderr", out[1]);
    assertEquals(1, out[1].strip().lines().count(), "one line:\n" + out[1]);
    assertTrue(out[1].startsWith("glappet batch: ") && out[1].contains("No space left on device"), out[1]);
    assertNoNumberInFiles(base.resolve("out"));

    String[] debug = java(true, "batch", "--input", in.toString(), "--output", base.resolve("out2").toString(),
        "--runner", "FlinkRunner", "--quiet");
    assertEquals("1", debug[0], debug[1]);
    assertTrue(debug[1].contains("\tat "), "GLAPPET_DEBUG=1 shows the trace:\n" + debug[1]);
    assertNoDigitRun("the debug output", debug[1]);
  }

  /** Runs {@code Glappet.main} in a new JVM with this test's class path: {exit code, stdout + stderr}. */
  static String[] java(boolean debug, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("--add-opens=java.base/java.util=ALL-UNNAMED");
    cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    cmd.add("-D" + se.glappet.publish.ParquetFiles.FAULT_PROPERTY + "=gap_by_reason");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("se.glappet.cli.Glappet");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("GLAPPET_DEBUG");
    if (debug) {
      pb.environment().put("GLAPPET_DEBUG", "1");
    }
    Process p = pb.start();
    byte[] text = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new String[] {String.valueOf(p.exitValue()), new String(text, StandardCharsets.UTF_8)};
  }
}
