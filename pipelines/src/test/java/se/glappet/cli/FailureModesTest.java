package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.publish.ParquetFiles;
import se.glappet.testing.Fixtures;

/** Each failure mode: a clear message, exit code 1 or 2, and the published months untouched. */
class FailureModesTest {
  @TempDir Path tmp;

  /** Runs the batch and returns {exit code, stderr}. */
  static Object[] batch(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 2];
      all[0] = "batch";
      System.arraycopy(args, 0, all, 1, args.length);
      all[all.length - 1] = "--quiet";
      return new Object[] {Glappet.run(all), err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void aFullDiskWhileWritingFailsWith1AndPublishesNothing() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString())[0]);
    Map<String, String> before = BatchCommandTest.snapshot(out);
    System.setProperty(ParquetFiles.FAULT_PROPERTY, "gap_by_reason");
    Object[] r;
    try {
      r = batch("--input", in.toString(), "--output", out.toString());
    } finally {
      System.clearProperty(ParquetFiles.FAULT_PROPERTY);
    }
    assertEquals(1, r[0]);
    assertTrue(((String) r[1]).contains("No space left on device"), (String) r[1]);
    assertTrue(((String) r[1]).contains("Nothing was published"), (String) r[1]);
    assertEquals(before, BatchCommandTest.snapshot(out));
  }

  @Test
  void anOutputFolderBelowAFileIsAUsageError() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
    Object[] r = batch("--input", in.toString(), "--output", file.resolve("out").toString());
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("cannot be created: " + file + " is a file, not a folder"), (String) r[1]);
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void anEmptyInputFolderHasNothingToPublish() throws Exception {
    Path in = tmp.resolve("in");
    for (String d : new String[] {"kis", "income-support", "allowances"}) {
      Files.createDirectories(in.resolve(d));
    }
    Path out = tmp.resolve("out");
    Object[] r = batch("--input", in.toString(), "--output", out.toString());
    assertEquals(1, r[0]);
    assertTrue(((String) r[1]).contains("nothing to publish"), (String) r[1]);
    assertTrue(Files.exists(out.resolve("quality")), "the quality report is written for a failed run too");
    // An input folder without the dataset folders is a usage error.
    Path bare = Files.createDirectories(tmp.resolve("bare"));
    assertEquals(2, batch("--input", bare.toString(), "--output", out.toString())[0]);
  }
}
