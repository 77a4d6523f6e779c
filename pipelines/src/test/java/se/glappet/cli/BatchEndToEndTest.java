package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.glappet.model.OutputTable;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.testing.Duck;
import se.glappet.testing.Fixtures;

/**
 * The whole batch on the hand-computed fixture ({@link Fixtures}, five copies of each gap pattern),
 * read back with DuckDB and compared cell by cell. The arithmetic is in the comments.
 */
class BatchEndToEndTest {
  @TempDir static Path tmp;
  static Path out;
  static int exitCode;

  @BeforeAll
  static void runBatch() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, true);
    out = tmp.resolve("out");
    exitCode = Glappet.run(new String[] {"batch", "--input", in.toString(), "--output", out.toString(),
        "--from", "2011-01", "--to", "2011-02", "--max-reject-rate", "0.2", "--quiet"});
  }

  static List<Map<String, Object>> rows(String dataset, String period) throws Exception {
    return Duck.read(out.resolve(dataset).resolve(period + ".parquet"));
  }

  static Map<String, Object> row(String dataset, String period, String... keyValues) throws Exception {
    List<Map<String, Object>> match = new ArrayList<>();
    for (Map<String, Object> r : rows(dataset, period)) {
      boolean ok = true;
      for (int i = 0; i < keyValues.length; i += 2) {
        ok &= keyValues[i + 1].equals(r.get(keyValues[i]));
      }
      if (ok) {
        match.add(r);
      }
    }
    assertEquals(1, match.size(), dataset + " " + period + " " + Arrays.toString(keyValues));
    return match.get(0);
  }

  static void assertSek(String expected, Object actual) {
    assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), "expected " + expected + " was " + actual);
  }

  /** The declared datasets' folder names. */
  static List<String> datasetNames() {
    List<String> names = new java.util.ArrayList<>();
    for (OutputTable t : OutputTable.values()) {
      names.add(t.datasetName);
    }
    return names;
  }

  @Test
  void publishesEveryDatasetForEveryMonth() throws Exception {
    assertEquals(0, exitCode);
    for (String d : datasetNames()) {
      try (Stream<Path> s = Files.list(out.resolve(d))) {
        assertEquals(List.of("2011-01.parquet", "2011-02.parquet"),
            s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()), d);
      }
    }
    try (Stream<Path> s = Files.list(out)) {
      List<String> hidden = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).collect(Collectors.toList());
      assertEquals(List.of(), hidden, "no staging or lock file is left behind");
    }
  }

  @Test
  void parquetTypesFollowTheContract() throws Exception {
    Map<String, String> t = Duck.types(out.resolve("gap_monthly/2011-01.parquet"));
    assertEquals("VARCHAR", t.get("period"));
    assertEquals("BIGINT", t.get("persons_in_gap"));
    assertEquals("INTEGER", t.get("gap_person_days"));
    assertEquals("DECIMAL(18,2)", t.get("gap_support_sek"));
    assertEquals("DOUBLE", t.get("median_cash_gap_days"));
    assertEquals("BOOLEAN", t.get("suppressed"));
    assertEquals("BOOLEAN", t.get("income_support_reported"));
    List<String> columns = new ArrayList<>(t.keySet());
    assertEquals(List.of("gap_support_per_newcomer_sek", "income_support_reported", "suppressed"),
        columns.subList(columns.size() - 3, columns.size()));
    Map<String, String> n = Duck.types(out.resolve("national_comparison/2011-01.parquet"));
    assertEquals("DOUBLE", n.get("value"));
    assertEquals("BIGINT", n.get("rank"));
  }

  @Test
  void incomeSupportMonthly() throws Exception {
    // January, Botkyrka: households A×5 and R×5; persons 1×5 + (2+3)×5 = 30; 10 payments;
    // 9 300×5 + 7 000.25×5 = 81 501.25; per household 8 150.125 → 8 150.13 (half up);
    // gap reasons: A's WAITING_PLAN 46 500. F1 is dated December 2010: not in the range.
    Map<String, Object> r = row("income_support_monthly", "2011-01", "municipality_code", "0127");
    assertEquals(10L, r.get("households"));
    assertEquals(30L, r.get("persons"));
    assertEquals(10L, r.get("payments"));
    assertSek("81501.25", r.get("amount_sek"));
    assertSek("8150.13", r.get("amount_per_household_sek"));
    assertSek("46500.00", r.get("gap_reason_amount_sek"));
    assertEquals(false, r.get("suppressed"));
    // February, Haninge: B×5 (−600 corrections), C×5 (4 000), G (5 000): 11 households;
    // persons 2×5 + 4×5 + 1 = 31; amount −3 000 + 20 000 + 5 000 = 22 000; per household 2 000;
    // gap reasons: C's WAITING_PAYMENT 20 000 + G's WAITING_PLAN 5 000 (B2 is OTHER).
    r = row("income_support_monthly", "2011-02", "municipality_code", "0136");
    assertEquals(11L, r.get("households"));
    assertEquals(31L, r.get("persons"));
    assertEquals(11L, r.get("payments"));
    assertSek("22000", r.get("amount_sek"));
    assertSek("2000", r.get("amount_per_household_sek"));
    assertSek("25000", r.get("gap_reason_amount_sek"));
    // January, Haninge: B1×5: 5 households, 10 persons, 30 000.
    r = row("income_support_monthly", "2011-01", "municipality_code", "0136");
    assertEquals(5L, r.get("households"));
    assertSek("30000", r.get("amount_sek"));
    assertEquals(2, rows("income_support_monthly", "2011-01").size());
  }

  @Test
  void incomeSupportByReasonWithSecondarySuppression() throws Exception {
    Map<String, Object> r = row("income_support_by_reason", "2011-01", "municipality_code", "0127",
        "reason_code", "UNEMPLOYED");
    assertEquals(5L, r.get("households"));
    assertSek("35001.25", r.get("amount_sek"));
    // February, Haninge: WAITING_PLAN has one household (G) → suppressed; the next smallest count
    // is a tie of 5 between WAITING_PAYMENT and OTHER → WAITING_PAYMENT comes first in the
    // contract's order and is suppressed too; OTHER (−3 000) is published.
    Map<String, Object> plan = row("income_support_by_reason", "2011-02", "municipality_code", "0136",
        "reason_code", "WAITING_PLAN");
    assertNull(plan.get("households"));
    assertNull(plan.get("amount_sek"));
    assertEquals(true, plan.get("suppressed"));
    Map<String, Object> waiting = row("income_support_by_reason", "2011-02", "municipality_code", "0136",
        "reason_code", "WAITING_PAYMENT");
    assertNull(waiting.get("households"));
    assertEquals(true, waiting.get("suppressed"));
    Map<String, Object> other = row("income_support_by_reason", "2011-02", "municipality_code", "0136",
        "reason_code", "OTHER");
    assertEquals(5L, other.get("households"));
    assertSek("-3000", other.get("amount_sek"));
    assertEquals(false, other.get("suppressed"));
    // Sorted by key: reason codes in text order within a municipality.
    List<Object> order = rows("income_support_by_reason", "2011-02").stream()
        .map(x -> x.get("municipality_code") + "/" + x.get("reason_code")).collect(Collectors.toList());
    List<Object> sorted = new ArrayList<>(order);
    sorted.sort(null);
    assertEquals(sorted, order);
  }

  @Test
  void gapMonthlyJanuaryBotkyrka() throws Exception {
    Map<String, Object> r = row("gap_monthly", "2011-01", "municipality_code", "0127");
    // In the gap in January: A (from Jan 1), B (from Jan 16), F (until Jan 19), five of each.
    assertEquals(15L, r.get("persons_in_gap"));
    assertEquals(15L, r.get("persons_in_gap_with_support")); // B's support comes from Haninge
    assertEquals(330, r.get("gap_person_days")); // (31 + 16 + 19) × 5
    assertEquals(10L, r.get("gap_support_persons")); // A and F paid by Botkyrka
    // A1: 9 300 × 31/31; F1: 6 000 × 9/30 (Jan 1–9 of Dec 11–Jan 9) = 1 800; × 5
    assertSek("55500", r.get("gap_support_sek"));
    assertEquals(5L, r.get("gaps_closed")); // F's first payment Jan 20
    assertEquals(40.0, r.get("median_cash_gap_days")); // Dec 11 → Jan 20
    assertEquals(40.0, r.get("p90_cash_gap_days"));
    assertEquals(9.0, r.get("median_entitlement_gap_days")); // Dec 11 → Dec 20
    assertEquals(10L, r.get("open_gaps_at_month_end")); // A and B
    // F: R = [Dec 20, Jan 20), 23 weekdays × 231 = 5 313 ≥ P = 6 000 × 21/30 = 4 200 → all 4 200.
    assertEquals(5L, r.get("recoverable_persons"));
    assertSek("21000", r.get("recoverable_sek"));
    assertEquals(12L, r.get("newcomers_received"));
    assertSek("4625", r.get("gap_support_per_newcomer_sek")); // 55 500 / 12
    assertEquals(true, r.get("income_support_reported"));
    assertEquals(false, r.get("suppressed"));
  }

  @Test
  void gapMonthlyFebruary() throws Exception {
    Map<String, Object> r = row("gap_monthly", "2011-02", "municipality_code", "0127");
    assertEquals(10L, r.get("persons_in_gap")); // A (Feb 1–9) and B
    assertEquals(185, r.get("gap_person_days")); // (9 + 28) × 5
    assertEquals(10L, r.get("persons_in_gap_with_support"));
    assertEquals(5L, r.get("gap_support_persons"));
    assertSek("13500", r.get("gap_support_sek")); // A2: 8 400 × 9/28 = 2 700, × 5
    assertEquals(5L, r.get("gaps_closed"));
    assertEquals(40.0, r.get("median_cash_gap_days")); // Jan 1 → Feb 10
    assertEquals(10.0, r.get("median_entitlement_gap_days")); // Jan 1 → Jan 11
    assertEquals(5L, r.get("open_gaps_at_month_end")); // B
    // A: R = [Jan 11, Feb 10): 22 weekdays × 308 = 6 776 < P = 9 300 × 21/31 + 2 700 = 9 000,
    // so the recoverable money is capped at 6 776 per person.
    assertEquals(5L, r.get("recoverable_persons"));
    assertSek("33880", r.get("recoverable_sek"));
    assertNull(r.get("newcomers_received"));
    assertNull(r.get("gap_support_per_newcomer_sek"));
    assertEquals(false, r.get("suppressed"));

    Map<String, Object> h = row("gap_monthly", "2011-02", "municipality_code", "0136");
    // G alone is in the gap with home Haninge → persons_in_gap 1 is suppressed with its figures.
    assertNull(h.get("persons_in_gap"));
    assertNull(h.get("persons_in_gap_with_support"));
    assertNull(h.get("gap_person_days"));
    assertNull(h.get("open_gaps_at_month_end"));
    // Paid by Haninge: B1 × 14/30 (Feb 1–14) = 2 800 × 5 + G1 5 000 = 19 000, six persons.
    assertEquals(6L, h.get("gap_support_persons"));
    assertSek("19000", h.get("gap_support_sek"));
    assertEquals(0L, h.get("gaps_closed"));
    assertNull(h.get("median_cash_gap_days"));
    assertEquals(true, h.get("suppressed"));
  }

  @Test
  void gapMonthlyJanuaryHaningeAndDensity() throws Exception {
    Map<String, Object> h = row("gap_monthly", "2011-01", "municipality_code", "0136");
    assertEquals(0L, h.get("persons_in_gap"));
    // B1 × 16/30 = 3 200 and B2 −600 × 16/16 for Jan 16–31: 2 600 per person, × 5
    assertEquals(5L, h.get("gap_support_persons"));
    assertSek("13000", h.get("gap_support_sek"));
    assertEquals(0L, h.get("newcomers_received"));
    assertNull(h.get("gap_support_per_newcomer_sek")); // zero newcomers
    assertEquals(true, h.get("income_support_reported"));
    assertEquals(false, h.get("suppressed"));
    assertEquals(3, rows("gap_monthly", "2011-01").size()); // Botkyrka, Haninge, Uppsala
  }

  @Test
  void gapMonthlyNonResponse() throws Exception {
    // Uppsala 0380 has KIS and allowance rows but no payment dated in January: it did not report
    // January. Its payment figures are null (unknown), not zero, and that alone is no suppression.
    Map<String, Object> u = row("gap_monthly", "2011-01", "municipality_code", "0380");
    assertEquals(false, u.get("income_support_reported"));
    for (String c : List.of("gap_support_persons", "gap_support_sek", "gap_support_per_newcomer_sek",
        "recoverable_persons", "recoverable_sek")) {
      assertNull(u.get(c), c);
    }
    // The home-municipality figures stay: U × 5 (Jan 1–31) and H (Jan 21–31) are in the gap.
    assertEquals(6L, u.get("persons_in_gap"));
    assertEquals(0L, u.get("persons_in_gap_with_support")); // H's payment covers February only
    assertEquals(166, u.get("gap_person_days")); // 31 × 5 + 11
    assertEquals(0L, u.get("gaps_closed"));
    assertNull(u.get("median_cash_gap_days"));
    assertEquals(6L, u.get("open_gaps_at_month_end"));
    assertEquals(6L, u.get("newcomers_received"));
    assertEquals(false, u.get("suppressed"));
    // Non-response leaves no row in the payment datasets.
    assertTrue(rows("income_support_monthly", "2011-01").stream().noneMatch(x -> x.get("municipality_code")
        .equals("0380")));

    // February: one payment (H1, 2 800 for Feb 1–14, all in H's gap) reports the month; every figure
    // resting on H alone (1 person) is suppressed.
    Map<String, Object> f = row("gap_monthly", "2011-02", "municipality_code", "0380");
    assertEquals(true, f.get("income_support_reported"));
    assertEquals(6L, f.get("persons_in_gap")); // U × 5 and H
    assertEquals(1L, f.get("persons_in_gap_with_support"));
    assertEquals(154, f.get("gap_person_days")); // 28 × 5 + 14
    assertNull(f.get("gap_support_persons"));
    assertNull(f.get("gap_support_sek"));
    assertNull(f.get("gaps_closed")); // H's first payment Feb 15
    assertNull(f.get("median_cash_gap_days"));
    assertNull(f.get("recoverable_persons"));
    assertNull(f.get("recoverable_sek"));
    assertEquals(5L, f.get("open_gaps_at_month_end")); // U
    assertNull(f.get("newcomers_received")); // no KIS row for February
    assertEquals(true, f.get("suppressed"));
    Map<String, Object> is = row("income_support_monthly", "2011-02", "municipality_code", "0380");
    assertNull(is.get("households"));
    assertEquals(true, is.get("suppressed"));
  }

  @Test
  void gapByReason() throws Exception {
    Map<String, Object> r = row("gap_by_reason", "2011-01", "municipality_code", "0127", "reason_code", "WAITING_PLAN");
    assertEquals(10L, r.get("persons"));
    assertSek("55500", r.get("gap_support_sek"));
    r = row("gap_by_reason", "2011-01", "municipality_code", "0136", "reason_code", "SECONDARY_MOVE");
    assertEquals(5L, r.get("persons"));
    assertSek("16000", r.get("gap_support_sek")); // B2 is OTHER: not a gap reason
    assertEquals(2, rows("gap_by_reason", "2011-01").size());
    // February, Haninge: WAITING_PLAN (G, 1 person) suppressed, so SECONDARY_MOVE (5) too.
    r = row("gap_by_reason", "2011-02", "municipality_code", "0136", "reason_code", "WAITING_PLAN");
    assertNull(r.get("persons"));
    assertEquals(true, r.get("suppressed"));
    r = row("gap_by_reason", "2011-02", "municipality_code", "0136", "reason_code", "SECONDARY_MOVE");
    assertNull(r.get("gap_support_sek"));
    assertEquals(true, r.get("suppressed"));
  }

  @Test
  void nationalComparison() throws Exception {
    Map<String, Object> r = row("national_comparison", "2011-01", "area_type", "MUNICIPALITY", "area_code", "0127",
        "kpi", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals("Botkyrka", r.get("area_name"));
    assertEquals(81501.25 / 86000, (Double) r.get("value"), 1e-12);
    assertEquals(10L, r.get("base"));
    r = row("national_comparison", "2011-01", "area_type", "MUNICIPALITY", "area_code", "0127",
        "kpi", "GAP_SUPPORT_PER_NEWCOMER");
    assertEquals(4625.0, (Double) r.get("value"), 1e-9);
    assertEquals(1L, r.get("rank"));
    assertEquals(1L, r.get("n_ranked")); // Haninge has 0 newcomers: no value; Uppsala did not report
    assertEquals(4625.0, (Double) r.get("national_median"), 1e-9);
    // County 01 aggregates both (Haninge's denominator 0 is not null): (55 500 + 13 000) / 12.
    Map<String, Object> c = row("national_comparison", "2011-01", "area_type", "COUNTY", "area_code", "01",
        "kpi", "GAP_SUPPORT_PER_NEWCOMER");
    assertEquals(2L, c.get("members"));
    assertEquals(68500.0 / 12, (Double) c.get("value"), 1e-9);
    assertEquals(15L, c.get("base"));
    assertEquals("Stockholms län", c.get("area_name"));
    Map<String, Object> s = row("national_comparison", "2011-01", "area_type", "REGION", "area_code", "SODERTORN",
        "kpi", "MEDIAN_CASH_GAP_DAYS");
    assertEquals("Södertörn", s.get("area_name"));
    assertEquals(40.0, (Double) s.get("value"), 1e-9);
    assertEquals(5L, s.get("base"));
    Map<String, Object> n = row("national_comparison", "2011-01", "area_type", "NATION", "area_code", "SE",
        "kpi", "RECOVERABLE_SHARE");
    assertEquals("Riket", n.get("area_name"));
    // Members: Botkyrka 21 000 / 55 500 (base 5, also 10) and Haninge 0 / 13 000 (base 0, also 5).
    assertEquals(2L, n.get("members"));
    assertEquals(21000.0 / 68500, (Double) n.get("value"), 1e-12);
  }

  static Map<String, Object> comparison(String period, String type, String code, String kpi) throws Exception {
    return row("national_comparison", period, "area_type", type, "area_code", code, "kpi", kpi);
  }

  static final List<String> PAYMENT_KPIS = List.of("INCOME_SUPPORT_PER_INHABITANT",
      "HOUSEHOLDS_PER_1000_INHABITANTS", "GAP_SUPPORT_PER_NEWCOMER", "RECOVERABLE_SHARE");

  @Test
  void nationalComparisonNonResponse() throws Exception {
    // Uppsala did not report January: the four payment-based KPIs have value, numerator and base null,
    // the denominator stays (population 200 000; 6 newcomers; gap support 0), no rank, not suppressed.
    Map<String, Object> u = comparison("2011-01", "MUNICIPALITY", "0380", "INCOME_SUPPORT_PER_INHABITANT");
    assertNull(u.get("value"));
    assertNull(u.get("numerator"));
    assertEquals(200000.0, (Double) u.get("denominator"), 0.0);
    assertNull(u.get("base"));
    assertEquals(1L, u.get("members"));
    assertNull(u.get("rank"));
    assertNull(u.get("n_ranked"));
    assertEquals(false, u.get("suppressed"));
    assertEquals(200000.0, (Double) comparison("2011-01", "MUNICIPALITY", "0380", "HOUSEHOLDS_PER_1000_INHABITANTS")
        .get("denominator"), 0.0);
    Map<String, Object> g = comparison("2011-01", "MUNICIPALITY", "0380", "GAP_SUPPORT_PER_NEWCOMER");
    assertNull(g.get("value"));
    assertNull(g.get("numerator"));
    assertEquals(6.0, (Double) g.get("denominator"), 0.0);
    assertNull(g.get("base"));
    assertEquals(false, g.get("suppressed")); // also count newcomers_received 6
    Map<String, Object> share = comparison("2011-01", "MUNICIPALITY", "0380", "RECOVERABLE_SHARE");
    assertNull(share.get("value"));
    assertNull(share.get("numerator"));
    assertEquals(0.0, (Double) share.get("denominator"), 0.0);
    assertNull(share.get("base"));
    // MEDIAN_CASH_GAP_DAYS does not rest on payments: published as usual, no gap closed.
    Map<String, Object> median = comparison("2011-01", "MUNICIPALITY", "0380", "MEDIAN_CASH_GAP_DAYS");
    assertEquals(0L, median.get("base"));
    assertNull(median.get("value"));
    // Ranks and the median leave Uppsala out: before, its 0 / 200 000 ranked first of three.
    double botkyrka = 81501.25 / 86000;
    double haninge = 30000.0 / 77000;
    Map<String, Object> b = comparison("2011-01", "MUNICIPALITY", "0127", "INCOME_SUPPORT_PER_INHABITANT");
    Map<String, Object> h = comparison("2011-01", "MUNICIPALITY", "0136", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals(2L, b.get("rank"));
    assertEquals(1L, h.get("rank"));
    assertEquals(2L, b.get("n_ranked"));
    for (Map<String, Object> r : List.of(u, b, h)) {
      assertEquals((botkyrka + haninge) / 2, (Double) r.get("national_median"), 1e-12);
    }
    // Not an area member: the nation is Botkyrka and Haninge, (81 501.25 + 30 000) / (86 000 + 77 000).
    Map<String, Object> se = comparison("2011-01", "NATION", "SE", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals(2L, se.get("members"));
    assertEquals(111501.25 / 163000, (Double) se.get("value"), 1e-12);
    assertEquals(163000.0, (Double) se.get("denominator"), 0.0);
    assertEquals(15L, se.get("base"));
    // Uppsala county (03) has no other member: no figure, members 0, for the payment KPIs...
    for (String kpi : PAYMENT_KPIS) {
      Map<String, Object> c = comparison("2011-01", "COUNTY", "03", kpi);
      assertEquals("Uppsala län", c.get("area_name"));
      assertEquals(0L, c.get("members"), kpi);
      for (String col : List.of("value", "numerator", "denominator", "base")) {
        assertNull(c.get(col), kpi + " " + col);
      }
      assertEquals(false, c.get("suppressed"), kpi);
    }
    // ...but Uppsala's published MEDIAN_CASH_GAP_DAYS row (no gap closed) is a member.
    Map<String, Object> c = comparison("2011-01", "COUNTY", "03", "MEDIAN_CASH_GAP_DAYS");
    assertEquals(1L, c.get("members"));
    assertEquals(0L, c.get("base"));
    assertNull(c.get("value"));
  }

  @Test
  void aCountyWhoseOnlyMemberIsSuppressedHasNoFigure() throws Exception {
    // February: Uppsala's every KPI rests on H alone (1 household, 1 person with gap support, 1 with
    // recoverable money, 1 gap closed): all five suppressed, so county 03 has no published member.
    for (String kpi : List.of("INCOME_SUPPORT_PER_INHABITANT", "HOUSEHOLDS_PER_1000_INHABITANTS",
        "GAP_SUPPORT_PER_NEWCOMER", "RECOVERABLE_SHARE", "MEDIAN_CASH_GAP_DAYS")) {
      Map<String, Object> u = comparison("2011-02", "MUNICIPALITY", "0380", kpi);
      assertEquals(true, u.get("suppressed"), kpi);
      assertNull(u.get("value"), kpi);
      assertNull(u.get("denominator"), kpi);
      Map<String, Object> c = comparison("2011-02", "COUNTY", "03", kpi);
      assertEquals(0L, c.get("members"), kpi);
      for (String col : List.of("value", "numerator", "denominator", "base")) {
        assertNull(c.get(col), kpi + " " + col);
      }
      assertEquals(false, c.get("suppressed"), kpi);
    }
  }

  @Test
  void nonResponseIsListedInTheManifestAndTheReport() throws Exception {
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    JsonNode list = m.get("non_response");
    assertEquals(1, list.size(), list.toString());
    assertEquals("0380", list.get(0).get("municipality_code").asText());
    assertEquals("2011-01", list.get(0).get("period").asText());
    String report = Files.readString(out.resolve("quality").resolve(m.get("run_id").asText()).resolve("report.txt"));
    assertTrue(report.contains("Non-response (municipality-months without an accepted payment dated in the month)\n"
        + "  Their payment-based figures are published as null (unknown, not zero) and never ranked.\n"
        + "  2011-01: 0380\n"), report);
  }

  @Test
  void rejectsAreReportedAndCounted() throws Exception {
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals("2011-03-01", m.get("obs_end").asText());
    JsonNode is = m.get("datasets").get("income-support");
    // 5 copies × 8 payments + G1 + H1 + 5 bad rows = 47 read; 5 rejected.
    assertEquals(47, is.get("rows_read").asLong());
    assertEquals(42, is.get("accepted").asLong());
    assertEquals(5, is.get("rejected").asLong());
    JsonNode reasons = m.get("rejected_by_reason").get("income-support");
    assertEquals(1, reasons.get("DUPLICATE_ROW").asLong());
    assertEquals(1, reasons.get("PII_DETECTED").asLong());
    assertEquals(1, reasons.get("UNKNOWN_MUNICIPALITY").asLong());
    assertEquals(2, reasons.get("CONFLICTING_DUPLICATE").asLong());
    long outputs = 0;
    for (JsonNode o : m.get("outputs")) {
      assertEquals(64, o.get("sha256").asText().length());
      outputs++;
    }
    assertEquals(13, outputs); // 5 datasets × 2 months + the RIM export and its README + the revisions file

    String runId = m.get("run_id").asText();
    List<Map<String, Object>> rejected = Duck.query("SELECT * FROM read_parquet('"
        + out.resolve("quality").resolve(runId).resolve("rejected.parquet") + "') ORDER BY line");
    assertEquals(5, rejected.size());
    Map<String, Object> pii = rejected.stream().filter(x -> x.get("reason").equals("PII_DETECTED")).findFirst().get();
    assertEquals("income-support", pii.get("dataset"));
    assertEquals("income-support/0127_2011.csv", pii.get("file"));
    assertEquals("household_id", pii.get("column"));
    assertTrue(((String) pii.get("raw_line")).contains(";********-****;"), (String) pii.get("raw_line"));
    for (Path p : allFiles(out)) {
      String text = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertFalse(text.contains("19811218") || text.contains("811218-9876"), "identity number in " + p);
    }
    String report = Files.readString(out.resolve("quality").resolve(runId).resolve("report.txt"));
    assertTrue(report.contains("kommentar"), "unknown columns are listed in the report");
    assertTrue(report.contains("Windows-1252"), report);
  }

  @Test
  void rimExportMatchesTheParquet() throws Exception {
    Path csv = out.resolve("export/rim_2011-01_2011-02.csv");
    byte[] bytes = Files.readAllBytes(csv);
    assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte-order mark for Excel");
    List<org.apache.commons.csv.CSVRecord> records;
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
        .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(
            new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1)))) {
      records = parser.getRecords();
    }
    List<Map<String, Object>> parquet = Duck.query("SELECT * FROM read_parquet('" + out.resolve("national_comparison")
        + "/*.parquet') ORDER BY period, area_type, area_code, kpi");
    List<String> notReported = Duck.query("SELECT period || '|' || municipality_code AS k FROM read_parquet('"
        + out.resolve("gap_monthly") + "/*.parquet') WHERE NOT income_support_reported").stream()
        .map(x -> (String) x.get("k")).collect(Collectors.toList());
    assertEquals(List.of("2011-01|0380"), notReported);
    int unknownCells = 0;
    assertEquals(parquet.size(), records.size());
    for (int i = 0; i < records.size(); i++) {
      org.apache.commons.csv.CSVRecord c = records.get(i);
      Map<String, Object> p = parquet.get(i);
      assertEquals(p.get("period"), c.get("Period"));
      assertEquals(p.get("area_code"), c.get("Områdeskod"));
      assertEquals(p.get("kpi"), c.get("Nyckeltalskod"));
      boolean suppressed = (Boolean) p.get("suppressed");
      assertEquals(suppressed ? "Ja" : "Nej", c.get("Skyddad"));
      // A municipality's payment-based value, numerator and base in a month it did not report: – .
      boolean unknown = p.get("area_type").equals("MUNICIPALITY") && !p.get("kpi").equals("MEDIAN_CASH_GAP_DAYS")
          && notReported.contains(p.get("period") + "|" + p.get("area_code"));
      String missing = suppressed ? ".." : "";
      for (String[] col : new String[][] {{"value", "Värde"}, {"numerator", "Täljare"}, {"denominator", "Nämnare"}}) {
        Object v = p.get(col[0]);
        String cell = c.get(col[1]);
        if (v == null) {
          assertEquals(unknown && !col[0].equals("denominator") ? "\u2013" : missing, cell, col[0]);
        } else {
          assertEquals((Double) v, Double.parseDouble(cell.replace(',', '.')), 0.0, col[0]);
        }
      }
      Object base = p.get("base");
      assertEquals(base == null ? (unknown ? "\u2013" : missing) : base.toString(), c.get("Bas"));
      if (unknown) {
        unknownCells++;
        assertEquals("\u2013", c.get("Värde"));
      }
    }
    assertEquals(4, unknownCells); // Uppsala's four payment-based KPIs of January
    String readme = Files.readString(out.resolve("export/README.txt"));
    assertTrue(readme.contains("Sekretess") && readme.contains("income-support/0127_2011.csv"), readme);
    assertTrue(readme.contains("\"\u2013\"   = uppgift saknas: kommunen har inte rapporterat ekonomiskt bistånd för "
        + "månaden") && readme.contains("\"..\"  = skyddad uppgift"), readme);
  }

  static List<Path> allFiles(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
  }
}
