package se.glappet.publish;

import se.glappet.model.OutputTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.model.MonthRange;

/** manifest.json (contract sections 4, 4.7, 4.8) from hand-made run facts: every key, in order, and its value. */
class ManifestTest {
  @TempDir Path tmp;

  static final ObjectMapper JSON = new ObjectMapper();

  static RunStats.FileStat file(String dataset, String path, long rows, long rejected, String... unknown)
      throws Exception {
    ObjectMapper m = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode n = m.createObjectNode();
    n.put("dataset", dataset);
    n.put("file", path);
    n.put("bytes", 1000 + rows);
    n.put("sha256", "sha-" + path);
    n.put("encoding", "UTF-8");
    n.put("separator", ";");
    n.put("rowsRead", rows);
    com.fasterxml.jackson.databind.node.ArrayNode u = n.putArray("unknownColumns");
    for (String c : unknown) {
      u.add(c);
    }
    RunStats.FileStat f = new RunStats.FileStat(n);
    f.rejected = rejected;
    return f;
  }

  /** Two months, 2011-01 and 2011-02; kis 10 rows (1 rejected), income-support 100 rows (5 rejected, 2 duplicates). */
  static RunStats stats() throws Exception {
    RunStats s = new RunStats();
    s.range = new MonthRange(YearMonth.of(2011, 1), YearMonth.of(2011, 2));
    s.dataMonths = s.range;
    RunStats.FileStat kis = file("kis", "kis/0136.csv", 10, 1);
    RunStats.FileStat inc = file("income-support", "income-support/a.csv", 100, 5, "extra", "note2");
    s.files.put(kis.file, kis);
    s.files.put(inc.file, inc);
    s.rejectsByReason.put("income-support", new TreeMap<>(Map.of("BAD_VALUE", 3L, "DUPLICATE_ROW", 2L)));
    s.rejectsByReason.put("kis", new TreeMap<>(Map.of("MALFORMED_ROW", 1L)));
    s.rowsWritten.put("gap_monthly/2011-01.parquet", 7L);
    s.suppressedCells.put("gap_monthly", 4L);
    s.suppressedCells.put("income_support_by_reason", 9L);
    s.nonResponse.add(new RunStats.NonResponse(YearMonth.of(2011, 2), "0126"));
    s.nonResponse.add(new RunStats.NonResponse(YearMonth.of(2011, 1), "0138"));
    return s;
  }

  static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyKeyInOrderWithItsValue() throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("input", "/in");
    args.put("output", "/out");
    args.put("runner", "DirectRunner");
    Revisions.Result rev = new Revisions.Result("revisions/r2.parquet", "r1");
    rev.rows = 3;
    Revisions.MonthCount c = new Revisions.MonthCount();
    c.changedCells = 2;
    c.addedRows = 1;
    rev.byDataset.put("gap_monthly", new LinkedHashMap<>(Map.of("2011-01", c)));
    Map<String, PublishedFolder.MonthFile> index = new TreeMap<>();
    index.put("gap_monthly/2010-12.parquet", new PublishedFolder.MonthFile("r1", "abc", 6));
    index.put("gap_monthly/2011-01.parquet", new PublishedFolder.MonthFile("r2", "def", 7));
    List<AnomalyFlags.Flag> flags = List.of(
        new AnomalyFlags.Flag("0136", YearMonth.of(2011, 2), "payments", 5, 20),
        new AnomalyFlags.Flag("0138", YearMonth.of(2011, 1), null, 0, 0));

    String text = new Manifest("r2", "0.1.0", Instant.parse("2026-11-30T10:00:00Z")).arguments(args)
        .runner("DirectRunner").stats(stats())
        .outputs(List.of(new Manifest.Output("gap_monthly/2011-01.parquet", 7L, "s1"),
            new Manifest.Output("rim/r2.csv", null, "s2")))
        .anomalies(flags).revisions(rev).monthIndex(index).json(Instant.parse("2026-11-30T10:00:09Z"));

    assertTrue(text.endsWith("}\n"));
    assertTrue(text.startsWith("{\n  \"run_id\" : \"r2\",\n"), "indented JSON");
    JsonNode m = JSON.readTree(text);
    assertEquals(List.of("run_id", "version", "arguments", "runner", "from", "to", "obs_end", "started", "finished",
        "inputs", "outputs", "datasets", "rejected_by_reason", "cells_suppressed", "non_response", "anomalies",
        "anomaly_cold_start", "revisions", "month_files", "quality_report"), keys(m));
    assertEquals("r2", m.get("run_id").asText());
    assertEquals("0.1.0", m.get("version").asText());
    assertEquals(List.of("input", "output", "runner"), keys(m.get("arguments")));
    assertEquals("/in", m.get("arguments").get("input").asText());
    assertEquals("DirectRunner", m.get("runner").asText());
    assertEquals("2011-01", m.get("from").asText());
    assertEquals("2011-02", m.get("to").asText());
    assertEquals("2011-03-01", m.get("obs_end").asText());
    assertEquals("2026-11-30T10:00:00Z", m.get("started").asText());
    assertEquals("2026-11-30T10:00:09Z", m.get("finished").asText());

    // inputs, in path order (income-support/ sorts before kis/)
    JsonNode in = m.get("inputs");
    assertEquals(2, in.size());
    assertEquals(List.of("path", "dataset", "bytes", "sha256", "encoding", "separator", "rows_read", "accepted",
        "rejected", "unknown_columns"), keys(in.get(0)));
    assertEquals("income-support/a.csv", in.get(0).get("path").asText());
    assertEquals(1100, in.get(0).get("bytes").asLong());
    assertEquals(100, in.get(0).get("rows_read").asLong());
    assertEquals(95, in.get(0).get("accepted").asLong());
    assertEquals(5, in.get(0).get("rejected").asLong());
    assertEquals("[\"extra\",\"note2\"]", in.get(0).get("unknown_columns").toString());
    assertEquals("kis/0136.csv", in.get(1).get("path").asText());
    assertEquals(9, in.get(1).get("accepted").asLong());

    // outputs: rows only for Parquet files
    JsonNode out = m.get("outputs");
    assertEquals("{\"path\":\"gap_monthly/2011-01.parquet\",\"rows\":7,\"sha256\":\"s1\"}", out.get(0).toString());
    assertEquals("{\"path\":\"rim/r2.csv\",\"sha256\":\"s2\"}", out.get(1).toString());

    // datasets in contract order; accepted = read - rejected (duplicates count as rejected here)
    assertEquals(RunStats.datasets(), keys(m.get("datasets")));
    assertEquals("{\"rows_read\":100,\"accepted\":95,\"rejected\":5}", m.get("datasets").get("income-support").toString());
    assertEquals("{\"rows_read\":10,\"accepted\":9,\"rejected\":1}", m.get("datasets").get("kis").toString());
    assertEquals("{\"rows_read\":0,\"accepted\":0,\"rejected\":0}", m.get("datasets").get("population").toString());
    assertEquals("{\"income-support\":{\"BAD_VALUE\":3,\"DUPLICATE_ROW\":2},\"kis\":{\"MALFORMED_ROW\":1}}",
        m.get("rejected_by_reason").toString());

    // cells_suppressed: every output dataset, 0 when none, and the total 4 + 9
    JsonNode sup = m.get("cells_suppressed");
    List<String> expected = new ArrayList<>();
    for (OutputTable t : OutputTable.values()) {
      expected.add(t.datasetName);
    }
    expected.add("total");
    assertEquals(expected, keys(sup));
    assertEquals(4, sup.get("gap_monthly").asLong());
    assertEquals(9, sup.get("income_support_by_reason").asLong());
    assertEquals(0, sup.get("gap_by_reason").asLong());
    assertEquals(13, sup.get("total").asLong());

    // non_response by period, then code
    assertEquals("[{\"municipality_code\":\"0138\",\"period\":\"2011-01\"},"
        + "{\"municipality_code\":\"0126\",\"period\":\"2011-02\"}]", m.get("non_response").toString());

    // anomalies: flags with their description; cold starts as "code period"
    JsonNode an = m.get("anomalies");
    assertEquals(1, an.size());
    assertEquals(List.of("municipality_code", "period", "measure", "value", "baseline_median", "description"),
        keys(an.get(0)));
    assertEquals("0136", an.get(0).get("municipality_code").asText());
    assertEquals("2011-02", an.get(0).get("period").asText());
    assertEquals("payments", an.get(0).get("measure").asText());
    assertEquals(5.0, an.get(0).get("value").asDouble());
    assertEquals(20.0, an.get(0).get("baseline_median").asDouble());
    assertEquals("0136 2011-02: payments 5.00 against a median of 20.00 over the previous months (-75%) — a missing "
        + "or partial file?", an.get(0).get("description").asText());
    assertEquals("[\"0138 2011-01\"]", m.get("anomaly_cold_start").toString());

    // revisions (contract 4.8): previous_unreadable only when set
    assertEquals("{\"file\":\"revisions/r2.parquet\",\"previous_run_id\":\"r1\",\"rows\":3,\"by_dataset\":"
        + "{\"gap_monthly\":{\"2011-01\":{\"changed_cells\":2,\"added_rows\":1,\"removed_rows\":0}}}}",
        m.get("revisions").toString());
    assertEquals("{\"gap_monthly/2010-12.parquet\":{\"run_id\":\"r1\",\"sha256\":\"abc\",\"rows\":6},"
        + "\"gap_monthly/2011-01.parquet\":{\"run_id\":\"r2\",\"sha256\":\"def\",\"rows\":7}}",
        m.get(PublishedFolder.INDEX_KEY).toString());
    assertEquals("quality/r2/report.txt", m.get("quality_report").asText());
  }

  @Test
  void withoutRevisionsOrIndexThoseKeysAreLeftOut() throws Exception {
    JsonNode m = JSON.readTree(new Manifest("r1", "0.1.0", Instant.EPOCH).runner("FlinkRunner").stats(stats())
        .json(Instant.EPOCH));
    assertFalse(m.has("revisions"));
    assertFalse(m.has("month_files"));
    assertEquals("[]", m.get("outputs").toString());
    assertEquals("[]", m.get("anomalies").toString());
    assertEquals("{}", m.get("arguments").toString());
  }

  @Test
  void stagedOutputsTakeRowsFromTheStatsAndTheChecksumFromTheFile() throws Exception {
    try (OutputFolder folder = OutputFolder.open(tmp.resolve("out"), "run1")) {
      Path staging = folder.staging();
      Files.createDirectories(staging.resolve("gap_monthly"));
      Files.write(staging.resolve("gap_monthly/2011-01.parquet"), new byte[0]);
      Files.write(staging.resolve("gap_monthly/2011-02.parquet"), new byte[0]);
      Files.writeString(staging.resolve("x.csv"), "abc", StandardCharsets.UTF_8);
      stagedOutputs(Manifest.staged(folder,
          List.of("gap_monthly/2011-01.parquet", "gap_monthly/2011-02.parquet", "x.csv"), stats()));
      // Asked again after x.csv changed: its checksum is computed again, not remembered.
      Files.writeString(staging.resolve("x.csv"), "abcd", StandardCharsets.UTF_8);
      assertEquals("88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589",
          Manifest.staged(folder, List.of("x.csv"), stats()).get(0).sha256);
    }
  }

  private static void stagedOutputs(List<Manifest.Output> outs) {
    assertEquals(7L, outs.get(0).rows);
    assertEquals(0L, outs.get(1).rows, "a month file without counted rows has 0 rows");
    assertEquals(null, outs.get(2).rows);
    // SHA-256 of the empty file and of "abc"
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", outs.get(0).sha256);
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", outs.get(2).sha256);
  }
}
