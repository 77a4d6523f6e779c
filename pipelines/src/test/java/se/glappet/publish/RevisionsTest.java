package se.glappet.publish;

import se.glappet.model.OutputTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.testing.Duck;

/** Contract section 4.8 on hand-built month files: every revision row, its text, and the counts. */
class RevisionsTest {
  @TempDir Path tmp;

  /** A gap_monthly row: the given cells, every other nullable cell null, flags false. */
  static Row gap(String municipality, Object... cells) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("period", "2011-01");
    v.put("municipality_code", municipality);
    for (int i = 0; i < cells.length; i += 2) {
      v.put((String) cells[i], cells[i + 1]);
    }
    org.apache.beam.sdk.schemas.Schema s = OutputTable.GAP_MONTHLY.beamSchema();
    Row.Builder b = Row.withSchema(s);
    for (org.apache.beam.sdk.schemas.Schema.Field f : s.getFields()) {
      Object x = v.get(f.getName());
      if (x == null && !f.getType().getNullable()) {
        x = false; // the only non-nullable columns besides the key are flags
      }
      b.addValue(x);
    }
    return b.build();
  }

  static List<String> row(Map<String, Object> r) {
    return Arrays.asList((String) r.get("dataset"), (String) r.get("period"), (String) r.get("row_key"),
        (String) r.get("change"), (String) r.get("column"), (String) r.get("old_value"), (String) r.get("new_value"));
  }

  static List<List<String>> rows(Path revisions) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (Map<String, Object> r : Duck.read(revisions)) {
      assertEquals("run-2", r.get("run_id"));
      assertEquals("run-1", r.get("previous_run_id"));
      out.add(row(r));
    }
    return out;
  }

  static List<String> l(String... s) {
    return Arrays.asList(s);
  }

  @Test
  void listsExactlyTheChangedCellsAddedAndRemovedRows() throws Exception {
    Path old = tmp.resolve("out/gap_monthly/2011-01.parquet");
    Files.createDirectories(old.getParent());
    ParquetFiles.write(old, OutputTable.GAP_MONTHLY, List.of(
        gap("0127", "persons_in_gap", 7L, "gap_support_sek", new BigDecimal("1234.50"), "median_cash_gap_days", 12.5),
        gap("0136", "persons_in_gap", 5L, "gap_support_sek", new BigDecimal("100.00")),
        gap("0138", "persons_in_gap", 9L)));
    Path staging = tmp.resolve("out/.staging-run-2");
    Path next = staging.resolve("gap_monthly/2011-01.parquet");
    Files.createDirectories(next.getParent());
    ParquetFiles.write(next, OutputTable.GAP_MONTHLY, List.of(
        gap("0127", "persons_in_gap", 8L, "gap_support_sek", new BigDecimal("1234.50"), "median_cash_gap_days", 1e7),
        // persons_in_gap 5 became 4 and is suppressed with the money: null is a revision too
        gap("0136", "suppressed", true),
        gap("0181", "persons_in_gap", 6L)));

    Revisions.Result r = Revisions.write(staging, "run-2", "run-1",
        List.of(new Revisions.Replaced(OutputTable.GAP_MONTHLY, "2011-01", old, next, "run-1")));

    assertEquals(List.of(
        l("gap_monthly", "2011-01", "0127", "CHANGED", "persons_in_gap", "7", "8"),
        l("gap_monthly", "2011-01", "0127", "CHANGED", "median_cash_gap_days", "12.5", "10000000.0"),
        l("gap_monthly", "2011-01", "0136", "CHANGED", "persons_in_gap", "5", null),
        l("gap_monthly", "2011-01", "0136", "CHANGED", "gap_support_sek", "100.00", null),
        l("gap_monthly", "2011-01", "0136", "CHANGED", "suppressed", "false", "true"),
        l("gap_monthly", "2011-01", "0138", "REMOVED", null, null, null),
        l("gap_monthly", "2011-01", "0181", "ADDED", null, null, null)),
        rows(staging.resolve("revisions/run-2.parquet")));
    assertEquals(7, r.rows);
    Revisions.MonthCount c = r.byDataset.get("gap_monthly").get("2011-01");
    assertEquals(5, c.changedCells);
    assertEquals(1, c.addedRows);
    assertEquals(1, c.removedRows);
    assertEquals("revisions/run-2.parquet", r.file);
    // every column is text
    Duck.types(staging.resolve("revisions/run-2.parquet")).values().forEach(t -> assertEquals("VARCHAR", t));
  }

  @Test
  void aReplacedFileWithoutChangesGivesNoRowsAndNoCount() throws Exception {
    Path old = tmp.resolve("old.parquet");
    Path next = tmp.resolve("staging/gap_by_reason/2011-01.parquet");
    Files.createDirectories(next.getParent());
    ParquetFiles.write(old, OutputTable.GAP_MONTHLY, List.of(gap("0127", "persons_in_gap", 7L)));
    ParquetFiles.write(next, OutputTable.GAP_MONTHLY, List.of(gap("0127", "persons_in_gap", 7L)));
    Revisions.Result r = Revisions.write(tmp.resolve("staging"), "run-2", "run-1",
        List.of(new Revisions.Replaced(OutputTable.GAP_MONTHLY, "2011-01", old, next, "run-1")));
    assertEquals(0, r.rows);
    assertTrue(r.byDataset.isEmpty());
    assertEquals(0, Duck.read(tmp.resolve("staging/revisions/run-2.parquet")).size());
  }

  @Test
  void aColumnTheOldFileLacksIsNullOnThatSideAndUnsortedFilesAreStillMatchedOnKey() throws Exception {
    // A file of an earlier version: fewer columns, and (to be safe) rows not in key order.
    Schema s = SchemaBuilder.record("gap_monthly").fields().requiredString("period").requiredString("municipality_code")
        .optionalLong("persons_in_gap").endRecord();
    Path old = tmp.resolve("old.parquet");
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new NioOutputFile(old))
        .withSchema(s).withConf(new org.apache.hadoop.conf.Configuration(false)).build()) {
      for (String[] m : new String[][] {{"0136", "11"}, {"0127", "7"}}) {
        GenericData.Record rec = new GenericData.Record(s);
        rec.put("period", "2011-01");
        rec.put("municipality_code", m[0]);
        rec.put("persons_in_gap", Long.parseLong(m[1]));
        w.write(rec);
      }
    }
    Path next = tmp.resolve("staging/gap_monthly/2011-01.parquet");
    Files.createDirectories(next.getParent());
    ParquetFiles.write(next, OutputTable.GAP_MONTHLY, List.of(
        gap("0127", "persons_in_gap", 7L, "p90_cash_gap_days", 3.0),
        gap("0136", "persons_in_gap", 11L)));
    Revisions.write(tmp.resolve("staging"), "run-2", "run-1",
        List.of(new Revisions.Replaced(OutputTable.GAP_MONTHLY, "2011-01", old, next, "run-1")));
    List<List<String>> expected = new ArrayList<>();
    expected.add(l("gap_monthly", "2011-01", "0127", "CHANGED", "p90_cash_gap_days", null, "3.0"));
    // every non-nullable flag of the new file (suppressed, and any other flag) is new: null -> false
    for (String m : new String[] {"0127", "0136"}) {
      for (OutputTable.Col col : OutputTable.GAP_MONTHLY.columns) {
        if (col.kind == OutputTable.Kind.FLAG) {
          expected.add(l("gap_monthly", "2011-01", m, "CHANGED", col.name, null, "false"));
        }
      }
    }
    List<List<String>> actual = rows(tmp.resolve("staging/revisions/run-2.parquet"));
    // order within a row follows the new file's column order
    assertEquals(sortedCopy(expected), sortedCopy(actual));
  }

  static List<List<String>> sortedCopy(List<List<String>> rows) {
    List<List<String>> c = new ArrayList<>(rows);
    c.sort((a, b) -> String.join("\u0001", String.valueOf(a)).compareTo(String.join("\u0001", String.valueOf(b))));
    return c;
  }

  @Test
  void anUnreadablePreviousFileIsRecordedNotFatal() throws Exception {
    Path old = tmp.resolve("old.parquet");
    Files.write(old, "PAR1 truncated".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Path next = tmp.resolve("staging/gap_monthly/2011-02.parquet");
    Files.createDirectories(next.getParent());
    ParquetFiles.write(next, OutputTable.GAP_MONTHLY, List.of(gap("0127", "persons_in_gap", 7L)));
    Revisions.Result r = Revisions.write(tmp.resolve("staging"), "run-2", "run-1",
        List.of(new Revisions.Replaced(OutputTable.GAP_MONTHLY, "2011-02", old, next, "run-1")));
    assertEquals(List.of(l("gap_monthly", "2011-02", null, "PREVIOUS_UNREADABLE", null, null, null)),
        rows(tmp.resolve("staging/revisions/run-2.parquet")));
    assertTrue(r.byDataset.get("gap_monthly").get("2011-02").unreadable.contains("14 bytes"),
        r.byDataset.toString());
    assertEquals(1, r.warnings.size());
    assertTrue(r.warnings.get(0).contains("gap_monthly/2011-02.parquet"), r.warnings.get(0));
  }

  @Test
  void manyFilesComparedSideBySideGiveTheRowsCountsAndWarningsOfOneAfterTheOther() throws Exception {
    // Twelve replaced months, compared several at a time: some changed, some not, one unreadable.
    // The revisions file, the counts and the warnings are those of comparing them in order.
    List<Revisions.Replaced> replaced = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      String period = String.format("2011-%02d", m);
      Path old = tmp.resolve("out/gap_monthly/" + period + ".parquet");
      Path next = tmp.resolve("staging/gap_monthly/" + period + ".parquet");
      Files.createDirectories(old.getParent());
      Files.createDirectories(next.getParent());
      if (m == 5) {
        Files.write(old, "PAR1 truncated".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      } else {
        List<Row> before = new ArrayList<>();
        for (int k = 0; k < 50 * m; k++) {
          before.add(gap(String.format("%04d", k), "persons_in_gap", (long) k));
        }
        ParquetFiles.write(old, OutputTable.GAP_MONTHLY, before);
      }
      List<Row> after = new ArrayList<>();
      for (int k = 0; k < 50 * m + (m % 3 == 0 ? 2 : 0); k++) { // every third month adds two rows
        after.add(gap(String.format("%04d", k), "persons_in_gap", (long) (m % 2 == 0 && k % 7 == 0 ? k + 1 : k)));
      }
      ParquetFiles.write(next, OutputTable.GAP_MONTHLY, after);
      replaced.add(new Revisions.Replaced(OutputTable.GAP_MONTHLY, period, old, next, "run-1"));
    }
    Revisions.Result sideBySide = Revisions.write(tmp.resolve("staging"), "run-2", "run-1", replaced);

    Revisions.Result inOrder = new Revisions.Result("x", "run-1");
    List<List<String>> expectedRows = new ArrayList<>();
    for (Revisions.Replaced r : replaced) {
      for (Revisions.Revision v : Revisions.compare("run-2", r, inOrder)) {
        expectedRows.add(Arrays.asList(v.dataset, v.period, v.rowKey, v.change, v.column, v.oldValue, v.newValue));
      }
    }
    assertEquals(expectedRows, rows(tmp.resolve("staging/revisions/run-2.parquet")));
    assertEquals(expectedRows.size(), sideBySide.rows);
    assertEquals(inOrder.warnings, sideBySide.warnings);
    assertEquals(1, sideBySide.warnings.size());
    assertEquals(new ArrayList<>(inOrder.byDataset.get("gap_monthly").keySet()),
        new ArrayList<>(sideBySide.byDataset.get("gap_monthly").keySet()));
    // months 2, 3, 4, 5 (unreadable), 6, 8, 9, 10, 12 have revisions; 1, 7 and 11 have none
    assertEquals(List.of("2011-02", "2011-03", "2011-04", "2011-05", "2011-06", "2011-08", "2011-09", "2011-10",
        "2011-12"), new ArrayList<>(sideBySide.byDataset.get("gap_monthly").keySet()));
    for (Map.Entry<String, Revisions.MonthCount> e : inOrder.byDataset.get("gap_monthly").entrySet()) {
      Revisions.MonthCount a = e.getValue();
      Revisions.MonthCount b = sideBySide.byDataset.get("gap_monthly").get(e.getKey());
      assertEquals(List.of(a.changedCells, a.addedRows, a.removedRows), List.of(b.changedCells, b.addedRows,
          b.removedRows), e.getKey());
      assertEquals(a.unreadable, b.unreadable, e.getKey());
    }
  }

  @Test
  void doublesAreTheShortestTextThatReadsBackWithoutExponent() {
    assertEquals("10000000.0", CellText.ofDouble(1e7));
    assertEquals("0.002", CellText.ofDouble(0.002)); // Java 17's Double.toString gives 0.0020
    assertEquals("0.30000000000000004", CellText.ofDouble(0.1 + 0.2));
    assertEquals("12.5", CellText.ofDouble(12.5));
    assertEquals("1.0", CellText.ofDouble(1));
    assertEquals("-3.25", CellText.ofDouble(-3.25));
    assertEquals("0.0000001", CellText.ofDouble(1e-7));
    assertEquals("123456789012345680000.0", CellText.ofDouble(1.2345678901234568e20));
    assertEquals("0.0", CellText.ofDouble(0));
    Random rnd = new Random(7);
    for (int i = 0; i < 20000; i++) {
      double d = i % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextDouble() * Math.pow(10, rnd.nextInt(12));
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue;
      }
      String t = CellText.ofDouble(d);
      assertEquals(d, Double.parseDouble(t), t);
      assertTrue(!t.contains("E"), t);
      int javaDigits = new BigDecimal(Double.toString(d)).stripTrailingZeros().precision();
      assertTrue(new BigDecimal(t).stripTrailingZeros().precision() <= javaDigits, t + " vs " + d);
    }
  }

  @Test
  void cellTextOfEachKind() {
    assertEquals("1234.50", CellText.of(new BigDecimal("1234.50"), null));
    assertEquals("true", CellText.of(Boolean.TRUE, null));
    assertEquals("42", CellText.of(42L, null));
    assertEquals("0127", CellText.of(new org.apache.avro.util.Utf8("0127"), null));
    assertEquals(null, CellText.of(null, null));
  }
}
