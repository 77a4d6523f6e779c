package se.glappet.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.cli.Glappet;
import se.glappet.model.OutputTable;
import se.glappet.testing.Duck;

/**
 * Properties of disclosure control over generated national data (all 290 municipalities, three
 * months, small scale so that many cells are small): no published person or household count is 1
 * to 4 anywhere, and no suppressed by-reason amount can be recovered as the monthly total minus
 * the published by-reason amounts.
 */
class NoSmallCellsPublishedTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void generateAndRun() {
    Path in = tmp.resolve("in");
    out = tmp.resolve("out");
    assertEquals(0, Glappet.run(new String[] {"generate", "--output", in.toString(), "--municipalities", "all",
        "--from", "2011-01", "--to", "2011-03", "--scale", "0.01", "--seed", "7"}));
    assertEquals(0, Glappet.run(new String[] {"batch", "--input", in.toString(), "--output", out.toString(),
        "--from", "2011-01", "--to", "2011-03", "--quiet", "--runner", "FlinkRunner"}));
  }

  static String files(String dataset) {
    return "read_parquet('" + out.resolve(dataset) + "/*.parquet')";
  }

  static long count(String sql) throws Exception {
    return ((Number) Duck.query(sql).get(0).values().iterator().next()).longValue();
  }

  @Test
  void noPublishedCountIsOneToFour() throws Exception {
    Map<String, List<String>> counts = Map.of(
        "gap_monthly", List.of("persons_in_gap", "persons_in_gap_with_support", "gap_support_persons", "gaps_closed",
            "open_gaps_at_month_end", "recoverable_persons", "newcomers_received"),
        "gap_by_reason", List.of("persons"),
        "income_support_monthly", List.of("households", "persons", "payments"),
        "income_support_by_reason", List.of("households"),
        "national_comparison", List.of("base"));
    // Every declared dataset is checked, on at least every count that carries a disclosure rule.
    for (OutputTable t : OutputTable.values()) {
      assertTrue(counts.containsKey(t.datasetName), t.datasetName);
      for (OutputTable.Col c : t.smallCounts()) {
        assertTrue(counts.get(t.datasetName).contains(c.name), t.datasetName + "." + c.name);
      }
    }
    assertEquals(OutputTable.values().length, counts.size());
    long checked = 0;
    for (Map.Entry<String, List<String>> e : counts.entrySet()) {
      for (String c : e.getValue()) {
        assertEquals(0, count("SELECT count(*) FROM " + files(e.getKey()) + " WHERE " + c + " BETWEEN 1 AND 4"),
            e.getKey() + "." + c);
        checked += count("SELECT count(" + c + ") FROM " + files(e.getKey()));
      }
    }
    assertTrue(checked > 1000, "the property was checked on " + checked + " published counts");
    assertTrue(count("SELECT count(*) FROM " + files("income_support_by_reason") + " WHERE suppressed") > 0,
        "the generated data has small cells, so the test means something");
  }

  @Test
  void noSuppressedReasonAmountFollowsFromTheTotal() throws Exception {
    // Per municipality and month: when the monthly amount is published, the by-reason rows whose
    // amount is suppressed must be zero or at least two, so total − published ones is not one cell.
    List<Map<String, Object>> bad = Duck.query("SELECT r.period, r.municipality_code, count(*) AS hidden "
        + "FROM " + files("income_support_by_reason") + " r JOIN " + files("income_support_monthly") + " m "
        + "USING (period, municipality_code) WHERE m.amount_sek IS NOT NULL AND r.amount_sek IS NULL "
        + "GROUP BY 1, 2 HAVING count(*) = 1");
    assertEquals(List.of(), bad);
    // In gap_by_reason a municipality-month with a single (small) reason row has no partner to hide
    // with it; with two rows or more, never exactly one is hidden.
    List<Map<String, Object>> badGap = Duck.query("SELECT period, municipality_code, count(*) FROM "
        + files("gap_by_reason") + " GROUP BY 1, 2 HAVING count(*) > 1 AND count(*) FILTER (WHERE "
        + "gap_support_sek IS NULL) = 1");
    assertEquals(List.of(), badGap);
    // And the published amounts add up: total = Σ by reason where nothing is hidden.
    List<Map<String, Object>> sums = Duck.query("SELECT m.amount_sek AS total, sum(r.amount_sek) AS parts "
        + "FROM " + files("income_support_by_reason") + " r JOIN " + files("income_support_monthly") + " m "
        + "USING (period, municipality_code) GROUP BY m.period, m.municipality_code, m.amount_sek "
        + "HAVING bool_and(r.amount_sek IS NOT NULL) AND m.amount_sek IS NOT NULL");
    assertTrue(sums.size() > 10);
    for (Map<String, Object> s : sums) {
      assertEquals(0, ((BigDecimal) s.get("total")).compareTo((BigDecimal) s.get("parts")), s.toString());
    }
  }
}
