package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.testing.Fixtures;

/**
 * Issue 15, items 5 to 9: odd entries in the input, {@code --quiet}, the output-folder guard, the
 * messages of usage errors, UTF-16 files, the report's escaping and the range warning.
 */
class BatchMessagesTest {
  @TempDir Path tmp;

  /** {exit code, stdout, stderr} of {@code glappet batch args...}. */
  static Object[] batch(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "batch";
    System.arraycopy(args, 0, all, 1, args.length);
    return FailureModesTest.command(all);
  }

  static String err(Object[] r) {
    return (String) r[2];
  }

  static void assertOneLine(Object[] r) {
    assertEquals(1, err(r).strip().lines().count(), "one line:\n" + err(r));
  }

  /** The report of the only (or latest) run on {@code out}. */
  static String report(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out.resolve("quality"))) {
      Path dir = s.sorted().reduce((a, b) -> b).orElseThrow();
      return Files.readString(dir.resolve("report.txt"));
    }
  }

  @Test
  void unknownOptionsAreNamedWithTheWayToHelp() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    String out = tmp.resolve("out").toString();
    Object[] r = batch("--inptu", in.toString(), "--output", out);
    assertEquals(2, r[0]);
    assertTrue(err(r).contains("unknown option --inptu") && err(r).contains("--input")
        && err(r).contains("glappet batch --help"), err(r));
    assertOneLine(r);
    r = batch("--input", in.toString(), "--output", out, "--too", "2011-03");
    assertEquals(2, r[0]);
    assertTrue(err(r).contains("unknown option --too") && err(r).contains("--help"), err(r));
    assertFalse(err(r).contains("Class interface"), err(r));
    assertOneLine(r);
    r = batch("-h");
    assertEquals(0, r[0], err(r));
    assertTrue(((String) r[1]).contains("Usage: glappet batch"), (String) r[1]);
    r = batch("--input", in.toString(), "--output", out, "stray");
    assertEquals(2, r[0]);
    assertTrue(err(r).contains("unexpected argument 'stray'"), err(r));
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void quietPrintsTheSummaryAndRunnerOptionsPassThrough() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Object[] r = batch("--input", in.toString(), "--output", tmp.resolve("out").toString(), "--quiet",
        "--parallelism=2", "--flinkMaster", "[local]");
    assertEquals(0, r[0], err(r));
    List<String> lines = ((String) r[1]).lines().collect(Collectors.toList());
    assertEquals(1, lines.size(), (String) r[1]);
    assertTrue(lines.get(0).matches("Published [0-9]+ files for 2010-12 to 2011-02 in .*"), lines.get(0));
    assertEquals("", err(r));
  }

  @Test
  void aFileWhereAFolderBelongsIsNamed() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Object[] r = batch("--input", in.toString(), "--output", file.toString());
    assertEquals(2, r[0]);
    assertTrue(err(r).contains(file + " is a file, not a folder"), err(r));
    assertOneLine(r);
    r = batch("--input", file.toString(), "--output", tmp.resolve("out").toString());
    assertEquals(2, r[0]);
    assertTrue(err(r).contains(file + " is a file, not a folder"), err(r));
    assertOneLine(r);
    assertEquals("x", Files.readString(file));
  }

  @Test
  void theOutputMayNeitherBeInsideTheInputNorContainIt() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Path link = Files.createSymbolicLink(tmp.resolve("link"), in.resolve("allowances"));
    for (Path out : List.of(in, in.resolve("income-support"), in.resolve("kis/.."), link.resolve("out"),
        tmp, in.resolve("new/deeper"))) {
      Object[] r = batch("--input", in.toString(), "--output", out.toString());
      assertEquals(2, r[0], out + ": " + err(r));
      assertTrue(err(r).contains("the output folder must not be inside the input folder nor contain it"),
          err(r));
      assertOneLine(r);
    }
    // The input given through a link is the same input.
    Path inLink = Files.createSymbolicLink(tmp.resolve("in-link"), in);
    Object[] r = batch("--input", inLink.toString(), "--output", in.resolve("out").toString());
    assertEquals(2, r[0], err(r));
    try (Stream<Path> s = Files.walk(in)) {
      assertEquals(List.of(), s.filter(p -> p.toString().contains("quality") || p.toString().contains("out"))
          .collect(Collectors.toList()), "nothing is written into the input");
    }
  }

  @Test
  void oddEntriesFailInOneLineWithoutHanging() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Path out = tmp.resolve("out");
    Path pipe = in.resolve("income-support/pipe.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Object[] r = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> batch("--input", in.toString(), "--output", out.toString(), "--quiet"));
    assertEquals(1, r[0], err(r));
    assertOneLine(r);
    assertTrue(err(r).contains("income-support/pipe.csv is not a regular file"), err(r));
    assertFalse(Files.exists(out.resolve("manifest.json")));
    Files.delete(pipe);

    Path loop = in.resolve("kis/loop.csv");
    Files.createSymbolicLink(loop, loop.getFileName());
    r = batch("--input", in.toString(), "--output", out.toString(), "--quiet");
    assertEquals(1, r[0], err(r));
    assertOneLine(r);
    assertTrue(err(r).contains("kis/loop.csv"), err(r));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Quality report: (\\S+)").matcher(err(r));
    assertTrue(m.find(), err(r));
    assertTrue(Files.readString(Path.of(m.group(1))).contains("kis/loop.csv"),
        "the quality report of the failed run says it too");
    Files.delete(loop);

    // A folder named like a file is a subfolder, which is not read.
    Files.createDirectories(in.resolve("kis/old.csv"));
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--quiet")[0]);
  }

  @Test
  void aUtf16FileIsNamedWithHowToSaveItAsUtf8() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    String kis = "municipality_code;period;reception_type;newcomers_received;with_plan;awaiting_plan\r\n"
        + "0127;2011-02;ASSIGNED;7;3;4\r\n";
    byte[] utf16 = kis.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    Files.write(in.resolve("kis/kis_2011-02.csv"), withBom);
    Path out = tmp.resolve("out");
    Object[] r = batch("--input", in.toString(), "--output", out.toString(), "--quiet",
        "--max-reject-rate", "1");
    assertEquals(0, r[0], err(r));
    assertTrue(err(r).contains("kis/kis_2011-02.csv looks like UTF-16") && err(r).contains("CSV UTF-8"), err(r));
    assertOneLine(r);
    String report = report(out);
    assertTrue(report.contains("kis/kis_2011-02.csv looks like UTF-16"), report);
  }

  @Test
  void theReportEscapesBytesThatAreNotText() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    byte[] header = ("municipality_code;payment_id;household_id;person_id;payment_date;covers_from;covers_to;"
        + "amount_sek;reason_code;adults;children\n").getBytes(StandardCharsets.US_ASCII);
    byte[] junk = {'P', 'K', 3, 4, 0, 0, 7, 27, '[', '2', 'J', (byte) 0x81, '\r', 'x', '\n'};
    byte[] all = new byte[header.length + junk.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(junk, 0, all, header.length, junk.length);
    Files.write(in.resolve("income-support/binary.csv"), all);
    Path out = tmp.resolve("out");
    Object[] r = batch("--input", in.toString(), "--output", out.toString(), "--quiet");
    assertEquals(0, r[0], err(r));
    String report = report(out);
    assertTrue(report.contains("binary.csv"), report);
    for (char c : report.toCharArray()) {
      assertTrue(c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)),
          "no control character in the report: " + (int) c);
    }
    assertTrue(report.contains("PK\\x03\\x04\\x00\\x00\\x07\\x1B[2J"), report);
  }

  @Test
  void aRangeBeyondTheDataIsWarnedAbout() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path out = tmp.resolve("out");
    // The fixture's rows are dated 2010-01 (the first allowance) to 2011-02 (the last payments).
    Object[] r = batch("--input", in.toString(), "--output", out.toString(), "--quiet",
        "--from", "2009-11", "--to", "2011-04");
    assertEquals(0, r[0], err(r));
    List<String> warnings = err(r).lines().collect(Collectors.toList());
    assertEquals(2, warnings.size(), err(r));
    assertTrue(warnings.get(0).contains("2009-11 to 2009-12") && warnings.get(0).contains("2010-01"), err(r));
    assertTrue(warnings.get(1).contains("2011-03 to 2011-04") && warnings.get(1).contains("2011-02"), err(r));
    String report = report(out);
    assertTrue(report.contains("2009-11 to 2009-12") && report.contains("2011-03 to 2011-04"), report);
    // Inside the data: no warning.
    r = batch("--input", in.toString(), "--output", out.toString(), "--quiet", "--from", "2010-01", "--to",
        "2011-02");
    assertEquals(0, r[0], err(r));
    assertEquals("", err(r));
  }
}
