package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.publish.OutputFolder;
import se.glappet.testing.Fixtures;

/** Exit codes of contract section 1 and "a failed run leaves every published file as it was". */
class BatchCommandTest {
  @TempDir Path tmp;

  static int batch(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "batch";
    System.arraycopy(args, 0, all, 1, args.length);
    return Glappet.run(all);
  }

  /** Published files (not the quality history) → SHA-256 and modification time. */
  static Map<String, String> snapshot(Path out) throws Exception {
    return se.glappet.testing.Fixtures.snapshot(out);
  }

  @Test
  void usageErrorsExitWith2() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    String out = tmp.resolve("out").toString();
    assertEquals(2, batch("--output", out));
    assertEquals(2, batch("--input", tmp.resolve("missing").toString(), "--output", out));
    assertEquals(2, batch("--input", in.toString(), "--output", out, "--from", "2011-13"));
    assertEquals(2, batch("--input", in.toString(), "--output", out, "--from", "2011-03", "--to", "2011-01"));
    assertEquals(2, batch("--input", in.toString(), "--output", out, "--max-reject-rate", "lots"));
    assertEquals(2, batch("--input", in.toString(), "--output", out, "--too", "2011-02"));
    assertEquals(2, batch("--input", in.toString(), "--output", out, "--runner", "NoSuchRunner"));
    assertEquals(2, batch("--input", in.toString(), "--output", out, "--reference", tmp.resolve("nothing").toString()));
    Files.delete(in.resolve("kis/kis_2011.csv"));
    Files.delete(in.resolve("kis"));
    assertEquals(2, batch("--input", in.toString(), "--output", out));
    assertFalse(Files.exists(tmp.resolve("out").resolve("manifest.json")));
  }

  @Test
  void helpExitsWith0() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf));
    try {
      assertEquals(0, batch("--help"));
    } finally {
      System.setOut(old);
    }
    assertTrue(buf.toString().contains("--max-reject-rate"));
  }

  @Test
  void qualityGateExitsWith3AndLeavesPublishedFilesUntouched() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--quiet"));
    Map<String, String> before = snapshot(out);
    assertTrue(before.containsKey("income_support_monthly/2011-01.parquet"), before.keySet().toString());

    // The same input with the five bad rows: 4 of 47 income-support rows count against the gate
    // (DUPLICATE_ROW does not), 8.5% > 5%.
    Path bad = Fixtures.write(tmp.resolve("bad"), 5, true);
    assertEquals(3, batch("--input", bad.toString(), "--output", out.toString(), "--quiet"));
    assertEquals(before, snapshot(out));
    try (Stream<Path> s = Files.list(out.resolve("quality"))) {
      assertEquals(2, s.count(), "a quality report for each run, the failed one included");
    }
    // With a higher limit the same input publishes.
    assertEquals(0, batch("--input", bad.toString(), "--output", out.toString(), "--quiet",
        "--max-reject-rate", "0.1"));
  }

  @Test
  void aFailingRunExitsWith1AndLeavesPublishedFilesUntouched() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--quiet"));
    Map<String, String> before = snapshot(out);
    // An input file that vanishes before it is read (a dangling link) fails the run.
    Files.createSymbolicLink(in.resolve("income-support/late.csv"), tmp.resolve("gone.csv"));
    assertEquals(1, batch("--input", in.toString(), "--output", out.toString(), "--quiet"));
    assertEquals(before, snapshot(out));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no staging left");
    }
  }

  @Test
  void reRunReplacesExactlyTheMonthsItPublishes() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--quiet",
        "--from", "2011-01", "--to", "2011-02"));
    Map<String, String> before = snapshot(out);
    Thread.sleep(20);
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--quiet",
        "--from", "2011-02", "--to", "2011-02"));
    Map<String, String> after = snapshot(out);
    for (String k : before.keySet()) {
      if (k.contains("2011-01")) {
        assertEquals(before.get(k), after.get(k), k + " was not re-published and stays as it was");
      } else if (k.contains("2011-02")) {
        assertNotEquals(before.get(k), after.get(k), k + " was replaced");
      }
    }
  }

  @Test
  void defaultRangeIsFirstToLastPaymentMonth() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--quiet"));
    try (Stream<Path> s = Files.list(out.resolve("income_support_monthly"))) {
      // F1 is dated 2010-12-15, the last payments February 2011.
      assertEquals("[2010-12.parquet, 2011-01.parquet, 2011-02.parquet]",
          s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()).toString());
    }
  }

  @Test
  void aSecondBatchOnTheSameOutputIsRefused() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    // A live holder: this very process.
    Files.writeString(out.resolve(".glappet.lock"), ProcessHandle.current().pid() + " "
        + java.net.InetAddress.getLocalHost().getHostName() + " other-run");
    assertEquals(1, batch("--input", in.toString(), "--output", out.toString(), "--quiet"));
    assertFalse(Files.exists(out.resolve("manifest.json")));
    // A stale lock of a killed run (no such process) is taken over.
    Files.writeString(out.resolve(".glappet.lock"), "999999999 " + java.net.InetAddress.getLocalHost().getHostName()
        + " killed-run");
    Files.createDirectories(out.resolve(".staging-killed-run/gap_monthly"));
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--quiet"));
    assertFalse(Files.exists(out.resolve(".glappet.lock")));
    assertFalse(Files.exists(out.resolve(".staging-killed-run")));
  }
}
