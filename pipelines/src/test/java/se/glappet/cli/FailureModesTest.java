package se.glappet.cli;

import se.glappet.model.OutputTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.publish.OutputFolder;
import se.glappet.publish.ParquetFiles;
import se.glappet.publish.PublicationJournal;
import se.glappet.publish.PublishedFolder;
import se.glappet.testing.Duck;
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

  /** Runs another command in this JVM and returns {exit code, stdout, stderr}. */
  static Object[] command(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Object[] {Glappet.run(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /**
   * Starts {@code glappet batch} in a separate JVM that stops after {@code renames} renames of its
   * publication, and kills it there with SIGKILL (kill -9). Returns the killed run's id.
   */
  static String killDuringTheRenames(Path in, Path out, int renames, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "-Dglappet.defaultRunner=DirectRunner", "-D" + PublicationJournal.PAUSE_PROPERTY + "=" + renames,
        "se.glappet.cli.Glappet", "batch", "--input", in.toString(), "--output", out.toString(), "--quiet");
    pb.redirectError(log.toFile());
    // No background start-up (Warmup): it would unpack DuckDB's library into the temporary folder,
    // which a killed JVM leaves behind.
    pb.environment().put("GLAPPET_WARMUP", "0");
    Process p = pb.start();
    try (java.io.BufferedReader r = new java.io.BufferedReader(
        new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean paused = false;
      while (!paused && (line = r.readLine()) != null) {
        paused = line.contains("glappet-test: paused");
      }
      assertTrue(paused, "the batch reached its renames: " + Files.readString(log));
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertEquals(137, p.exitValue(), "killed by SIGKILL");
    assertTrue(Files.exists(out.resolve(PublicationJournal.FILE)), "the journal of the killed publication");
    return PublicationJournal.pendingRunId(out);
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (java.util.stream.Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static JsonNode manifest(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
  }

  /** Every month file of OUT as {dataset/month → its rows read by DuckDB}. */
  static Map<String, List<Map<String, Object>>> monthFiles(Path out) throws Exception {
    Map<String, List<Map<String, Object>>> m = new java.util.TreeMap<>();
    for (se.glappet.model.OutputTable t : se.glappet.model.OutputTable.values()) {
      try (java.util.stream.Stream<Path> s = Files.list(out.resolve(t.datasetName))) {
        for (Path f : (Iterable<Path>) s::iterator) {
          m.put(t.datasetName + "/" + f.getFileName(), Duck.read(f));
        }
      }
    }
    return m;
  }

  /** Asserts that OUT is exactly one whole publication: that of {@code runId}, equal to {@code reference}'s figures. */
  static void assertWholePublication(Path out, String runId, Map<String, List<Map<String, Object>>> reference)
      throws Exception {
    assertFalse(Files.exists(out.resolve(PublicationJournal.FILE)));
    PublishedFolder.Check c = PublishedFolder.check(out);
    assertTrue(c.consistent(), c.problems.toString());
    assertEquals(runId, manifest(out).path("run_id").asText());
    for (JsonNode o : manifest(out).path("outputs")) {
      assertEquals(o.path("sha256").asText(), OutputFolder.sha256(out.resolve(o.path("path").asText())),
          o.path("path").asText());
    }
    assertEquals(reference, monthFiles(out));
    try (java.util.stream.Stream<Path> s = Files.list(out)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no staging, lock or journal");
    }
    assertTrue(Files.exists(out.resolve("revisions/" + runId + ".parquet")));
  }

  @Test
  void aKillDuringTheRenamesIsCompletedByVerifyOrByTheNextBatch() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path in2 = RevisionsEndToEndTest.changedInput(tmp.resolve("in2"));
    // What a whole publication of in2 looks like.
    Path reference = tmp.resolve("reference");
    assertEquals(0, batch("--input", in2.toString(), "--output", reference.toString())[0]);
    Map<String, List<Map<String, Object>>> whole = monthFiles(reference);

    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString())[0]);
    String before = manifest(out).path("run_id").asText();
    Path out2 = tmp.resolve("out2");
    copyTree(out, out2);
    String killed = killDuringTheRenames(in2, out, 3, tmp.resolve("killed1.log"));
    // A silent mix no more: the old manifest, three files of the killed run, the journal.
    assertEquals(before, manifest(out).path("run_id").asText());
    assertFalse(PublishedFolder.check(out).consistent());
    assertNotEquals(whole, monthFiles(out));
    // The dashboard refuses to build from it.
    Object[] d = command("dashboard", "--output", out.toString());
    assertEquals(1, d[0]);
    assertTrue(((String) d[2]).contains("glappet verify --output"), (String) d[2]);
    assertEquals(1, ((String) d[2]).strip().split("\n").length, "one line: " + d[2]);
    // verify completes the publication from the staged files.
    Object[] v = command("verify", "--output", out.toString());
    assertEquals(0, v[0], v[1] + " " + v[2]);
    assertTrue(((String) v[1]).contains("was interrupted"), (String) v[1]);
    assertTrue(((String) v[1]).contains("is consistent"), (String) v[1]);
    assertWholePublication(out, killed, whole);
    assertEquals(0, command("dashboard", "--output", out.toString())[0]);

    // Again, and this time the next batch completes it (and says so) before it publishes its own.
    String killed2 = killDuringTheRenames(in2, out2, 5, tmp.resolve("killed2.log"));
    Object[] r = batch("--input", in2.toString(), "--output", out2.toString());
    assertEquals(0, r[0], (String) r[1]);
    assertTrue(((String) r[1]).contains("run " + killed2 + " in " + out2 + " was interrupted"), (String) r[1]);
    assertTrue(((String) r[1]).contains("stale lock was taken over"), (String) r[1]);
    String next = manifest(out2).path("run_id").asText();
    // The roll-forward published the killed run whole, so the next run's revisions compare with it:
    // the same input gives no revision at all.
    assertEquals(killed2, manifest(out2).path("revisions").path("previous_run_id").asText());
    assertEquals(0, manifest(out2).path("revisions").path("rows").asLong());
    assertTrue(Files.exists(out2.resolve("quality/" + killed2 + "/manifest.json")));
    assertWholePublication(out2, next, whole);
  }

  @Test
  void aPublicationThatCannotBeCompletedIsListedFileByFile() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path in2 = RevisionsEndToEndTest.changedInput(tmp.resolve("in2"));
    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString())[0]);
    String killed = killDuringTheRenames(in2, out, 2, tmp.resolve("killed.log"));
    // Someone removes a staged file the roll-forward needs.
    Path staged = out.resolve(".staging-" + killed + "/income_support_monthly/2011-01.parquet");
    assertTrue(Files.exists(staged));
    Files.delete(staged);
    Object[] v = command("verify", "--output", out.toString());
    assertEquals(1, v[0]);
    assertTrue(((String) v[2]).contains("income_support_monthly/2011-01.parquet: the file in place is not the one run "
        + killed + " published, and its staged copy is gone"), (String) v[2]);
    Object[] r = batch("--input", in2.toString(), "--output", out.toString());
    assertEquals(1, r[0]);
    assertTrue(((String) r[1]).contains("cannot be completed"), (String) r[1]);
    assertTrue(Files.exists(out.resolve(PublicationJournal.FILE)), "nothing is changed");
    assertTrue(Files.exists(out.resolve(".staging-" + killed)), "the staged files are kept");
    assertFalse(Files.exists(out.resolve(".glappet.lock")));
    // The documented way out: delete the journal and publish again.
    Files.delete(out.resolve(PublicationJournal.FILE));
    assertEquals(0, batch("--input", in2.toString(), "--output", out.toString())[0]);
    assertEquals(0, command("verify", "--output", out.toString())[0]);
  }

  @Test
  void aCorruptPublishedFileDoesNotBlockTheRunThatReplacesIt() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    Path out = tmp.resolve("out");
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString())[0]);
    String first = manifest(out).path("run_id").asText();
    for (String f : new String[] {"gap_monthly/2011-02.parquet", "income_support_monthly/2011-02.parquet",
        "income_support_monthly/2011-01.parquet"}) {
      Path p = out.resolve(f);
      byte[] b = Files.readAllBytes(p);
      Files.write(p, java.util.Arrays.copyOf(b, b.length / 2)); // truncated
    }
    // verify names the damaged files; the dashboard refuses.
    Object[] v = command("verify", "--output", out.toString());
    assertEquals(1, v[0]);
    assertTrue(((String) v[2]).contains("gap_monthly/2011-02.parquet: SHA-256 differs"), (String) v[2]);
    assertEquals(1, command("dashboard", "--output", out.toString())[0]);

    Object[] r = batch("--input", in.toString(), "--output", out.toString(), "--from", "2011-02", "--to", "2011-02");
    assertEquals(0, r[0], (String) r[1]);
    String err = (String) r[1];
    assertTrue(err.contains("gap_monthly/2011-02.parquet could not be read"), err);
    assertTrue(err.contains("PREVIOUS_UNREADABLE"), err);
    // January is not replaced by this run: the anomaly history leaves it out and says so.
    assertTrue(err.contains("cannot read " + out.resolve("income_support_monthly/2011-01.parquet")), err);
    assertTrue(err.contains("glappet verify"), err);
    JsonNode m = manifest(out);
    String run = m.path("run_id").asText();
    List<Map<String, Object>> rows = Duck.read(out.resolve("revisions/" + run + ".parquet"));
    List<List<Object>> unreadable = new java.util.ArrayList<>();
    for (Map<String, Object> row : rows) {
      if ("PREVIOUS_UNREADABLE".equals(row.get("change"))) {
        unreadable.add(java.util.Arrays.asList(row.get("dataset"), row.get("period"), row.get("previous_run_id"),
            row.get("row_key"), row.get("column"), row.get("old_value"), row.get("new_value")));
      }
    }
    assertEquals(List.of(java.util.Arrays.asList("gap_monthly", "2011-02", first, null, null, null, null),
        java.util.Arrays.asList("income_support_monthly", "2011-02", first, null, null, null, null)), unreadable);
    assertTrue(m.path("revisions").path("by_dataset").path("gap_monthly").path("2011-02")
        .path("previous_unreadable").isTextual(), m.path("revisions").toString());
    // The replaced file is whole again; January is still damaged, and verify still says so.
    assertFalse(Duck.read(out.resolve("gap_monthly/2011-02.parquet")).isEmpty());
    Object[] v2 = command("verify", "--output", out.toString());
    assertEquals(1, v2[0]);
    assertTrue(((String) v2[2]).contains("income_support_monthly/2011-01.parquet"), (String) v2[2]);
    assertFalse(((String) v2[2]).contains("gap_monthly/2011-02.parquet"), (String) v2[2]);
  }
}
