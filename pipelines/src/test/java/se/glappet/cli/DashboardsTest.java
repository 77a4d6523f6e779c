package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glappet dashboard --output OUT} on an output folder that has nothing, or a broken file, to build from. */
class DashboardsTest {

  @TempDir Path out;

  @Test
  void refusesAFolderWithNothingPublishedInOneLine() throws IOException {
    Files.createDirectories(out.resolve("gap_monthly"));
    Run run = dashboard(out);
    assertEquals(1, run.code, "not a silent success");
    assertEquals(1, run.err.strip().lines().count(), run.err);
    assertTrue(run.err.contains("nothing has been published in " + out), run.err);
    assertTrue(run.err.contains("run glappet batch --input IN --output " + out + " first"), run.err);
    assertTrue(run.err.contains("--help"), run.err);
    assertFalse(Files.exists(out.resolve("dashboard")), "no dashboard of nothing");
  }

  @Test
  void namesATruncatedMonthFileWithoutSql() throws IOException, SQLException {
    Path february = Files.createDirectories(out.resolve("gap_monthly")).resolve("2011-02.parquet");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      st.execute("COPY (SELECT '2011-02' AS period, '0127' AS municipality_code, 12::BIGINT AS persons_in_gap"
          + " FROM range(100)) TO '" + february + "' (FORMAT PARQUET)");
    }
    byte[] whole = Files.readAllBytes(february);
    Files.write(february, Arrays.copyOf(whole, whole.length / 2));

    Run run = dashboard(out);
    assertNotEquals(0, run.code);
    assertEquals(1, run.err.strip().lines().count(), run.err);
    assertTrue(run.err.contains("cannot read " + february), run.err);
    assertTrue(run.err.contains("--from 2011-02 --to 2011-02"), run.err);
    assertTrue(run.err.contains("glappet verify --output " + out.toAbsolutePath()), run.err);
    assertFalse(run.err.contains("SELECT") || run.err.contains("read_parquet") || run.err.contains("Exception"), run.err);
  }

  @Test
  void handsTheDeclaredKpiLabelsToThePageInItsOrder() {
    java.util.List<se.glappet.dashboard.KpiLabel> k = Dashboards.kpiLabels();
    assertEquals(java.util.List.of("GAP_SUPPORT_PER_NEWCOMER", "MEDIAN_CASH_GAP_DAYS", "RECOVERABLE_SHARE",
        "INCOME_SUPPORT_PER_INHABITANT", "HOUSEHOLDS_PER_1000_INHABITANTS"),
        k.stream().map(se.glappet.dashboard.KpiLabel::code).toList());
    assertEquals(new se.glappet.dashboard.KpiLabel("MEDIAN_CASH_GAP_DAYS", "Mediantid i glappet, dagar", "DAYS", false),
        k.get(1));
    assertEquals(new se.glappet.dashboard.KpiLabel("RECOVERABLE_SHARE",
        "Andel återsökningsbart av stödet i glappet, %", "SHARE", true), k.get(2));
  }

  private record Run(int code, String err) {}

  private static Run dashboard(Path out) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Glappet.run(new String[] {"dashboard", "--output", out.toString()});
    } finally {
      System.setErr(old);
    }
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }
}
