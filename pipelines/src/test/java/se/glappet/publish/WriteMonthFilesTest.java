package se.glappet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.model.MonthFileRows;
import se.glappet.model.MonthRange;
import se.glappet.model.OutputTable;
import se.glappet.model.RunCounter;
import se.glappet.testing.CoderChecks;
import se.glappet.testing.Duck;

/**
 * The tail of the graph: disclosure control and the month files of every dataset in one step,
 * the reject counts, and the run statistics with their summed counters.
 */
class WriteMonthFilesTest {
  static Row byReason(String period, String municipality, String reason, long persons, String sek) {
    return OutputTable.GAP_BY_REASON.row().set("period", period).set("municipality_code", municipality)
        .set("reason_code", reason).set("persons", persons).set("gap_support_sek", new BigDecimal(sek)).build();
  }

  static Row monthly(String period, String municipality, long households) {
    return OutputTable.INCOME_SUPPORT_MONTHLY.row().set("period", period).set("municipality_code", municipality)
        .set("households", households).set("persons", households * 2).set("payments", households)
        .set("amount_sek", new BigDecimal("1000.00")).set("amount_per_household_sek", new BigDecimal("100.00"))
        .set("gap_reason_amount_sek", new BigDecimal("0.00")).build();
  }

  @Test
  void monthFilesRoundTrip() throws Exception {
    WriteMonthFiles.MonthFile jan = new WriteMonthFiles.MonthFile(OutputTable.GAP_BY_REASON, "2011-01");
    WriteMonthFiles.MonthFile feb = new WriteMonthFiles.MonthFile(OutputTable.GAP_BY_REASON, "2011-02");
    WriteMonthFiles.MonthFile janOther = new WriteMonthFiles.MonthFile(OutputTable.NATIONAL_COMPARISON, "2011-01");
    CoderChecks.roundTrips(WriteMonthFiles.MonthFile.MonthFileCoder.of(), jan, feb, janOther);
    CoderChecks.consistentWithEquals(WriteMonthFiles.MonthFile.MonthFileCoder.of(), jan, feb, janOther,
        new WriteMonthFiles.MonthFile(OutputTable.GAP_BY_REASON, "2011-01"));
  }

  @Test
  void eachMonthFileIsSuppressedSortedWrittenAndCounted(@TempDir Path dir) throws Exception {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    List<byte[]> monthFiles = new ArrayList<>();
    for (OutputTable t : OutputTable.values()) {
      List<Row> rows = new ArrayList<>();
      if (t == OutputTable.GAP_BY_REASON) {
        // January: 0127 has one small row (2), which drags its next smallest (6); 0128 is
        // untouched. February: nothing small.
        rows.add(byReason("2011-01", "0128", "WAITING_PLAN", 6, "60.00"));
        rows.add(byReason("2011-01", "0127", "SECONDARY_MOVE", 9, "90.00"));
        rows.add(byReason("2011-01", "0127", "WAITING_PLAN", 2, "20.00"));
        rows.add(byReason("2011-01", "0127", "BELOW_NORM", 6, "60.00"));
        rows.add(byReason("2011-02", "0127", "WAITING_PLAN", 5, "50.00"));
      } else if (t == OutputTable.INCOME_SUPPORT_MONTHLY) {
        rows.add(monthly("2011-02", "0127", 4));
      }
      Map<String, List<Row>> byMonth = new java.util.TreeMap<>();
      rows.forEach(r -> byMonth.computeIfAbsent(r.getString("period"), m -> new ArrayList<>()).add(r));
      byMonth.forEach((period, ofMonth) -> monthFiles.add(MonthFileRows.pack(t, period, ofMonth)));
    }
    PCollection<KV<RunCounter, Long>> counters = p.apply("MonthFiles",
        Create.of(monthFiles).withCoder(org.apache.beam.sdk.coders.ByteArrayCoder.of()))
        .apply(new WriteMonthFiles(dir.toString()));
    PAssert.that(counters).containsInAnyOrder(
        KV.of(RunCounter.rowsWritten(OutputTable.GAP_BY_REASON, "2011-01"), 4L),
        KV.of(RunCounter.rowsWritten(OutputTable.GAP_BY_REASON, "2011-02"), 1L),
        KV.of(RunCounter.cellsSuppressed(OutputTable.GAP_BY_REASON), 4L),
        KV.of(RunCounter.rowsWritten(OutputTable.INCOME_SUPPORT_MONTHLY, "2011-02"), 1L),
        KV.of(RunCounter.cellsSuppressed(OutputTable.INCOME_SUPPORT_MONTHLY), 6L));
    p.run().waitUntilFinish();

    List<Map<String, Object>> jan = Duck.query("SELECT municipality_code, reason_code, persons, gap_support_sek, "
        + "suppressed FROM read_parquet('" + dir.resolve("gap_by_reason/2011-01.parquet") + "')");
    assertEquals("[{municipality_code=0127, reason_code=BELOW_NORM, persons=null, gap_support_sek=null, suppressed=true},"
        + " {municipality_code=0127, reason_code=SECONDARY_MOVE, persons=9, gap_support_sek=90.00, suppressed=false},"
        + " {municipality_code=0127, reason_code=WAITING_PLAN, persons=null, gap_support_sek=null, suppressed=true},"
        + " {municipality_code=0128, reason_code=WAITING_PLAN, persons=6, gap_support_sek=60.00, suppressed=false}]",
        jan.toString());
    assertEquals(List.of("2011-01.parquet", "2011-02.parquet"), list(dir.resolve("gap_by_reason")));
    assertEquals(List.of("2011-02.parquet"), list(dir.resolve("income_support_monthly")));
    assertEquals(false, Files.exists(dir.resolve("gap_monthly")));
  }

  static List<String> list(Path d) throws Exception {
    try (var s = Files.list(d)) {
      return s.map(x -> x.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
    }
  }

  @Test
  void theRunStatisticsSumTheCountersAndAddTheRange(@TempDir Path dir) throws Exception {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<KV<RunCounter, Long>> counters = p.apply("Counters", Create.of(
        KV.of(RunCounter.cellsSuppressed(OutputTable.GAP_MONTHLY), 3L),
        KV.of(RunCounter.rowsWritten(OutputTable.GAP_MONTHLY, "2011-01"), 290L),
        KV.of(RunCounter.cellsSuppressed(OutputTable.GAP_MONTHLY), 4L))
        .withCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of())));
    PCollection<String> lines = p.apply("Lines", Create.of("non_response\t2011-01\t0127", "data\t2011-01\t2011-02")
        .withCoder(StringUtf8Coder.of()));
    var range = p.apply("Range", Create.of(new MonthRange(YearMonth.of(2011, 1), YearMonth.of(2011, 2)))
            .withCoder(SerializableCoder.of(MonthRange.class)))
        .apply(View.asSingleton());
    Path file = dir.resolve("staging/run-stats.tsv");
    Files.createDirectories(file.getParent());
    PCollectionTuple.of(WriteRunStats.COUNTERS, counters).and(WriteRunStats.LINES, lines)
        .apply(new WriteRunStats(file.toString(), range));
    p.run().waitUntilFinish();
    assertEquals(List.of(
        "counter\tCELLS_SUPPRESSED\tgap_monthly\t\t\t7",
        "counter\tROWS_WRITTEN\tgap_monthly\t2011-01\t\t290",
        "data\t2011-01\t2011-02",
        "non_response\t2011-01\t0127",
        "range\t2011-01\t2011-02"), Files.readAllLines(file, StandardCharsets.UTF_8));
    RunStats s = RunStats.read(file);
    assertEquals(7L, s.suppressedCells.get("gap_monthly"));
    assertEquals(290L, s.rowsWritten.get("gap_monthly/2011-01.parquet"));
  }

  /**
   * Completing the staging gives every dataset a file for every month: the graph's files stay as
   * they are, the missing ones are written empty, and every month file's relative path is listed
   * (as the manifest and the journal name them).
   */
  @Test
  void stagingIsCompletedWithEmptyMonthFiles(@TempDir Path staging) throws Exception {
    Path written = WriteMonthFiles.monthFile(staging, OutputTable.INCOME_SUPPORT_MONTHLY, "2011-01");
    ParquetFiles.write(written, OutputTable.INCOME_SUPPORT_MONTHLY, List.of(monthly("2011-01", "0127", 3)));
    List<YearMonth> months = List.of(YearMonth.of(2011, 1), YearMonth.of(2011, 2));

    List<String> staged = WriteMonthFiles.completeStaging(staging, months);

    List<String> expected = new ArrayList<>();
    for (OutputTable t : OutputTable.values()) {
      expected.add(t.datasetName + "/2011-01.parquet");
      expected.add(t.datasetName + "/2011-02.parquet");
    }
    assertEquals(expected, staged);
    for (String rel : staged) {
      int rows = Duck.read(staging.resolve(rel)).size();
      assertEquals(rel.equals("income_support_monthly/2011-01.parquet") ? 1 : 0, rows, rel);
    }
  }
}
