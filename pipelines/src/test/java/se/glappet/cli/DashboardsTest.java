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

  /**
   * A batch run with --reference names the municipalities from that list; a dashboard rebuilt
   * later without --reference takes the same list from the manifest, and --reference overrides it.
   */
  @Test
  void aRebuiltDashboardNamesTheMunicipalitiesAsTheBatchDid(@TempDir Path tmp) throws Exception {
    Path in = se.glappet.testing.Fixtures.write(tmp.resolve("in"), 1, false);
    Path reference = Files.createDirectories(tmp.resolve("reference"));
    String shipped;
    try (java.io.InputStream s = getClass().getResourceAsStream(se.glappet.reference.Municipalities.RESOURCE)) {
      shipped = new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(shipped.contains("\n0127,Botkyrka,"));
    Files.writeString(reference.resolve("municipalities.csv"),
        shipped.replace("\n0127,Botkyrka,", "\n0127,Botkyrka (testlista),"));
    assertEquals(0, Glappet.run(new String[] {"batch", "--input", in.toString(), "--output", out.toString(),
        "--reference", reference.toString(), "--quiet"}));
    Path page = out.resolve("dashboard").resolve("index.html");
    assertTrue(Files.readString(page).contains("Botkyrka (testlista)"), "the batch's own dashboard");

    Files.delete(page);
    assertEquals(0, dashboard(out).code);
    assertTrue(Files.readString(page).contains("Botkyrka (testlista)"), "rebuilt from the manifest's --reference");
    assertEquals("Botkyrka (testlista)", Dashboards.municipalities(out, null).get("0127").name);

    Path other = Files.createDirectories(tmp.resolve("shipped-copy"));
    Files.writeString(other.resolve("municipalities.csv"), shipped);
    assertEquals("Botkyrka", Dashboards.municipalities(out, other.toString()).get("0127").name, "--reference overrides");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertEquals(1, Glappet.run(new String[] {"dashboard", "--output", out.toString(), "--reference", empty.toString()}));

    Files.delete(reference.resolve("municipalities.csv"));
    IOException gone = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Dashboards.municipalities(out, null));
    assertTrue(gone.getMessage().contains("the publishing batch's --reference")
        && gone.getMessage().contains("--reference DIR"), gone.getMessage());
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
