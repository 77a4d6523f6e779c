package se.glappet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A/B check of two runs' outputs: month files and rejected rows, compared as multisets of rows. */
class SameOutputsTest {
  @TempDir Path dir;

  /** An output folder: one month file of two rows, the given rejects in run RUN, and a manifest. */
  private Path output(String name, String gapRows, String run, String rejectRows) throws Exception {
    Path out = dir.resolve(name);
    Files.createDirectories(out.resolve("gap_monthly"));
    Files.createDirectories(out.resolve("quality").resolve(run));
    Files.writeString(out.resolve("manifest.json"), "{\"run\": \"" + run + "\"}"); // differs: not compared
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = con.createStatement()) {
      st.execute("COPY (SELECT * FROM (VALUES " + gapRows + ") t(period, municipality_code, gap_support_sek)) TO '"
          + out.resolve("gap_monthly").resolve("2011-01.parquet") + "' (FORMAT parquet)");
      st.execute("COPY (SELECT * FROM (VALUES " + rejectRows + ") t(dataset, line, reason)) TO '"
          + out.resolve("quality").resolve(run).resolve("rejected.parquet") + "' (FORMAT parquet)");
    }
    return out;
  }

  private static final String GAP = "('2011-01', '0127', 12.50::DECIMAL(18,2)), ('2011-01', '0128', 3.00::DECIMAL(18,2))";
  private static final String REJECTS = "('income-support', 7, 'DUPLICATE_ROW')";

  @Test
  void twoRunsWithTheSameRowsAreTheSameWhateverTheirRunIds() throws Exception {
    Path a = output("a", GAP, "20261201T080000Z-aaaaaa", REJECTS);
    Path b = output("b", "('2011-01', '0128', 3.00::DECIMAL(18,2)), ('2011-01', '0127', 12.50::DECIMAL(18,2))",
        "20261201T090000Z-bbbbbb", REJECTS);
    SameOutputs.Result r = SameOutputs.compare(a, b);
    assertTrue(r.same(), r.toString());
    assertEquals(1, r.files);
    assertEquals(2, r.rows);
    assertEquals(1, r.rejects);
    assertTrue(r.toString().startsWith("SAME OUTPUTS"));
  }

  @Test
  void aChangedValueADoubledRowAMissingFileOrAnotherRejectIsADifference() throws Exception {
    Path a = output("a", GAP, "20261201T080000Z-aaaaaa", REJECTS);
    Path changed = output("changed", "('2011-01', '0127', 12.51::DECIMAL(18,2)), ('2011-01', '0128', 3.00::DECIMAL(18,2))",
        "20261201T090000Z-bbbbbb", REJECTS);
    assertFalse(SameOutputs.compare(a, changed).same());

    Path doubled = output("doubled", GAP + ", ('2011-01', '0128', 3.00::DECIMAL(18,2))", "20261201T090000Z-bbbbbb", REJECTS);
    SameOutputs.Result r = SameOutputs.compare(a, doubled);
    assertFalse(r.same());
    assertTrue(r.toString().contains("0 rows only in the first, 1 only in the second"), r.toString());

    Path missing = output("missing", GAP, "20261201T090000Z-bbbbbb", REJECTS);
    Files.copy(missing.resolve("gap_monthly").resolve("2011-01.parquet"), a.resolve("gap_monthly").resolve("2011-02.parquet"));
    r = SameOutputs.compare(a, missing);
    assertFalse(r.same());
    assertTrue(r.toString().contains("only in the first: gap_monthly/2011-02.parquet"), r.toString());

    Path a2 = output("a2", GAP, "20261201T080000Z-aaaaaa", REJECTS);
    Path otherReject = output("other", GAP, "20261201T090000Z-bbbbbb", "('income-support', 8, 'DUPLICATE_ROW')");
    r = SameOutputs.compare(a2, otherReject);
    assertFalse(r.same());
    assertTrue(r.toString().contains("rejected rows: 1 only in the first, 1 only in the second"), r.toString());
  }

  @Test
  void theLatestRunsRejectsAreCompared() throws Exception {
    Path a = output("a", GAP, "20261201T080000Z-aaaaaa", REJECTS);
    Path b = output("b", GAP, "20261201T090000Z-bbbbbb", REJECTS);
    // An earlier run in b's folder with other rejects does not count.
    Path earlier = output("earlier", GAP, "20261130T230000Z-cccccc", "('kis', 1, 'BAD_VALUE')");
    Files.createDirectories(b.resolve("quality").resolve("20261130T230000Z-cccccc"));
    Files.copy(earlier.resolve("quality").resolve("20261130T230000Z-cccccc").resolve("rejected.parquet"),
        b.resolve("quality").resolve("20261130T230000Z-cccccc").resolve("rejected.parquet"));
    assertTrue(SameOutputs.compare(a, b).same());
    assertEquals(b.resolve("quality").resolve("20261201T090000Z-bbbbbb").resolve("rejected.parquet"),
        SameOutputs.latestRejects(b));
  }
}
