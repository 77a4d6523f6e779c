package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.reference.Municipalities;

/**
 * Contract section 4.5 on hand-computed tables: ties, a null denominator, suppressed members,
 * municipalities that did not report the month, and a county without any published member.
 */
class NationalComparisonTest {
  static final Municipalities REF = Municipalities.shipped();

  /** {@code households} 0 means no payment dated in the month: the municipality did not report it. */
  static NationalComparison.Input muni(String code, long households, String amount, Long population,
      long gapSupportPersons, String gapSupport, Long newcomers, long recoverablePersons, String recoverable,
      Integer... closedCashDays) {
    IncomeSupportTotals t = new IncomeSupportTotals();
    t.households = households;
    t.amount = new BigDecimal(amount);
    GapCell g = new GapCell();
    g.gapSupportPersons = gapSupportPersons;
    g.gapSupportSek = new BigDecimal(gapSupport);
    g.newcomersReceived = newcomers;
    g.recoverablePersons = recoverablePersons;
    g.recoverableSek = new BigDecimal(recoverable);
    g.closedCashDays = new ArrayList<>(List.of(closedCashDays));
    return new NationalComparison.Input(code, g, households == 0 ? null : t, population);
  }

  static Row row(List<Row> rows, String type, String code, String kpi) {
    List<Row> m = new ArrayList<>();
    for (Row r : rows) {
      if (r.getString("area_type").equals(type) && r.getString("area_code").equals(code)
          && r.getString("kpi").equals(kpi)) {
        m.add(r);
      }
    }
    assertEquals(1, m.size(), type + " " + code + " " + kpi);
    return m.get(0);
  }

  /**
   * Four Stockholm-county municipalities: Botkyrka 0127 and Haninge 0136 tie on income support per
   * inhabitant (10 000 / 1 000 = 10); Salem 0128 has 3 households (suppressed); Tyresö 0138 has no
   * population (null denominator). Uppsala 0380 is in another county.
   */
  static List<Row> rows() {
    return NationalComparison.compute("2011-03", List.of(
        muni("0127", 10, "10000", 1000L, 6, "6000", 12L, 5, "3000", 30, 40, 50, 60, 70),
        muni("0136", 20, "20000", 2000L, 5, "5000", 10L, 0, "0", 10, 20, 30, 40, 50, 60),
        muni("0128", 3, "900", 500L, 2, "2000", 3L, 0, "0", 99),
        muni("0138", 8, "8000", null, 7, "7000", null, 0, "0"),
        muni("0380", 40, "100000", 4000L, 0, "0", 0L, 0, "0")), REF).rows;
  }

  @Test
  void tiesShareTheLowestRankAndTheNationalMedianIsOnEveryRow() {
    List<Row> r = rows();
    // Values: 0127 10, 0136 10, 0380 25; 0128 suppressed (3 households); 0138 no population.
    assertEquals(1L, row(r, "MUNICIPALITY", "0127", "INCOME_SUPPORT_PER_INHABITANT").getInt64("rank"));
    assertEquals(1L, row(r, "MUNICIPALITY", "0136", "INCOME_SUPPORT_PER_INHABITANT").getInt64("rank"));
    assertEquals(3L, row(r, "MUNICIPALITY", "0380", "INCOME_SUPPORT_PER_INHABITANT").getInt64("rank"));
    assertEquals(3L, row(r, "MUNICIPALITY", "0380", "INCOME_SUPPORT_PER_INHABITANT").getInt64("n_ranked"));
    assertNull(row(r, "MUNICIPALITY", "0128", "INCOME_SUPPORT_PER_INHABITANT").getInt64("rank"));
    for (Row x : r) {
      if (x.getString("kpi").equals("INCOME_SUPPORT_PER_INHABITANT")) {
        assertEquals(10.0, x.getDouble("national_median"), 1e-12); // median of 10, 10, 25
      }
    }
  }

  @Test
  void aNullDenominatorGivesNoValueAndKeepsTheRowOutOfItsAreas() {
    List<Row> r = rows();
    Row tyreso = row(r, "MUNICIPALITY", "0138", "INCOME_SUPPORT_PER_INHABITANT");
    assertNull(tyreso.getDouble("value"));
    assertNull(tyreso.getDouble("denominator"));
    assertEquals(8L, tyreso.getInt64("base"));
    assertEquals(false, tyreso.getBoolean("suppressed"));
    assertNull(tyreso.getInt64("rank"));
  }

  @Test
  void aSuppressedMunicipalityInsideAPublishedCountyIsLeftOut() {
    List<Row> r = rows();
    Row salem = row(r, "MUNICIPALITY", "0128", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals(true, salem.getBoolean("suppressed"));
    assertNull(salem.getDouble("value"));
    assertNull(salem.getDouble("numerator"));
    assertNull(salem.getInt64("base"));
    assertEquals(1L, salem.getInt64("members"));
    // County 01: members Botkyrka and Haninge only (Salem suppressed, Tyresö without denominator):
    // (10 000 + 20 000) / (1 000 + 2 000) = 10, base 30. Adding Salem would give 30 900 / 3 500.
    Row county = row(r, "COUNTY", "01", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals(2L, county.getInt64("members"));
    assertEquals(10.0, county.getDouble("value"), 1e-12);
    assertEquals(30000.0, county.getDouble("numerator"), 1e-9);
    assertEquals(30L, county.getInt64("base"));
    assertEquals("Stockholms län", county.getString("area_name"));
    assertNull(county.getInt64("rank"));
    // Södertörn: the same two; the nation adds Uppsala: 130 000 / 7 000.
    assertEquals(2L, row(r, "REGION", "SODERTORN", "INCOME_SUPPORT_PER_INHABITANT").getInt64("members"));
    Row nation = row(r, "NATION", "SE", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals(3L, nation.getInt64("members"));
    assertEquals(130000.0 / 7000, nation.getDouble("value"), 1e-12);
    assertEquals("Riket", nation.getString("area_name"));
  }

  @Test
  void alsoCountsSuppressAndAreasSumThem() {
    List<Row> r = rows();
    // GAP_SUPPORT_PER_NEWCOMER: Haninge base 5, newcomers 10: published, 5 000 / 10 = 500.
    assertEquals(500.0, row(r, "MUNICIPALITY", "0136", "GAP_SUPPORT_PER_NEWCOMER").getDouble("value"), 1e-12);
    // Salem: base 2 → suppressed. RECOVERABLE_SHARE of Haninge: base 0, also gap_support_persons 5: published 0.
    assertEquals(true, row(r, "MUNICIPALITY", "0128", "GAP_SUPPORT_PER_NEWCOMER").getBoolean("suppressed"));
    assertEquals(0.0, row(r, "MUNICIPALITY", "0136", "RECOVERABLE_SHARE").getDouble("value"), 1e-12);
    // Uppsala: 0 newcomers → value null (denominator 0), base 0 published, not ranked.
    Row uppsala = row(r, "MUNICIPALITY", "0380", "GAP_SUPPORT_PER_NEWCOMER");
    assertNull(uppsala.getDouble("value"));
    assertEquals(0L, uppsala.getInt64("base"));
    // County 01: Botkyrka (6 000 / 12) and Haninge (5 000 / 10): 11 000 / 22 = 500, base 11.
    Row county = row(r, "COUNTY", "01", "GAP_SUPPORT_PER_NEWCOMER");
    assertEquals(500.0, county.getDouble("value"), 1e-12);
    assertEquals(11L, county.getInt64("base"));
    // RECOVERABLE_SHARE county 01: Botkyrka 3 000 / 6 000 (base 5), Haninge 0 / 5 000 (base 0),
    // Tyresö 0 / 7 000 (base 0, also 7); Salem suppressed (also 2): 3 000 / 18 000, base 5.
    Row share = row(r, "COUNTY", "01", "RECOVERABLE_SHARE");
    assertEquals(3000.0 / 18000, share.getDouble("value"), 1e-12);
    assertEquals(3L, share.getInt64("members"));
  }

  @Test
  void areaMediansUseTheClosedGapsOfPublishedMembers() {
    List<Row> r = rows();
    // Botkyrka closes 5 gaps (median 50), Haninge 6 (median 35), Salem 1 (suppressed).
    assertEquals(50.0, row(r, "MUNICIPALITY", "0127", "MEDIAN_CASH_GAP_DAYS").getDouble("value"), 1e-12);
    assertEquals(35.0, row(r, "MUNICIPALITY", "0136", "MEDIAN_CASH_GAP_DAYS").getDouble("value"), 1e-12);
    assertEquals(true, row(r, "MUNICIPALITY", "0128", "MEDIAN_CASH_GAP_DAYS").getBoolean("suppressed"));
    // Södertörn: the 11 values 10 20 30 30 40 40 50 50 60 60 70 → the 6th = 40; base 11.
    Row s = row(r, "REGION", "SODERTORN", "MEDIAN_CASH_GAP_DAYS");
    assertEquals(40.0, s.getDouble("value"), 1e-12);
    assertEquals(11L, s.getInt64("base"));
    assertNull(s.getDouble("numerator"));
    // Tyresö and Uppsala close no gaps: published with base 0 and no value.
    assertEquals(0L, row(r, "MUNICIPALITY", "0138", "MEDIAN_CASH_GAP_DAYS").getInt64("base"));
    assertNull(row(r, "MUNICIPALITY", "0138", "MEDIAN_CASH_GAP_DAYS").getDouble("value"));
  }
  /**
   * A month where Salem 0128, Tyresö 0138 and Uppsala 0380 did not report (no payment dated in it).
   * Salem still has gap support 1 500 from two persons, paid in other months for days of this one;
   * Tyresö has 3 newcomers. Enköping 0381 reported, but every KPI of it rests on 1–2 persons or
   * households. So Uppsala county (0380, 0381) has no published member at all.
   */
  static List<Row> nonResponse() {
    return NationalComparison.compute("2011-03", List.of(
        muni("0127", 10, "10000", 1000L, 6, "6000", 12L, 5, "3000", 30, 40, 50, 60, 70),
        muni("0136", 20, "30000", 2000L, 5, "5000", 10L, 0, "0", 10, 20, 30, 40, 50, 60),
        muni("0128", 0, "0", 500L, 2, "1500", 8L, 0, "0"),
        muni("0138", 0, "0", 700L, 0, "0", 3L, 0, "0", 25, 35, 45, 55, 65),
        muni("0380", 0, "0", 4000L, 0, "0", 6L, 0, "0", 12, 14),
        muni("0381", 2, "900", 900L, 1, "700", 7L, 0, "0", 7)), REF).rows;
  }

  static final List<String> PAYMENT_KPIS = List.of("INCOME_SUPPORT_PER_INHABITANT",
      "HOUSEHOLDS_PER_1000_INHABITANTS", "GAP_SUPPORT_PER_NEWCOMER", "RECOVERABLE_SHARE");

  @Test
  void nonResponseHasNoValueNumeratorOrBaseButKeepsItsDenominator() {
    List<Row> r = nonResponse();
    Row salem = row(r, "MUNICIPALITY", "0128", "INCOME_SUPPORT_PER_INHABITANT");
    assertNull(salem.getDouble("value"));
    assertNull(salem.getDouble("numerator"));
    assertEquals(500.0, salem.getDouble("denominator"), 0.0);
    assertNull(salem.getInt64("base"));
    assertEquals(1L, salem.getInt64("members"));
    assertNull(salem.getInt64("rank"));
    assertNull(salem.getInt64("n_ranked"));
    assertEquals(false, salem.getBoolean("suppressed"));
    Row households = row(r, "MUNICIPALITY", "0380", "HOUSEHOLDS_PER_1000_INHABITANTS");
    assertNull(households.getDouble("value"));
    assertNull(households.getDouble("numerator"));
    assertEquals(4000.0, households.getDouble("denominator"), 0.0);
    assertNull(households.getInt64("base"));
    Row perNewcomer = row(r, "MUNICIPALITY", "0128", "GAP_SUPPORT_PER_NEWCOMER");
    assertNull(perNewcomer.getDouble("value"));
    assertNull(perNewcomer.getDouble("numerator")); // 1 500 is not published: Salem did not report
    assertEquals(8.0, perNewcomer.getDouble("denominator"), 0.0);
    assertNull(perNewcomer.getInt64("base"));
    assertEquals(false, perNewcomer.getBoolean("suppressed"));
    Row share = row(r, "MUNICIPALITY", "0380", "RECOVERABLE_SHARE");
    assertNull(share.getDouble("value"));
    assertNull(share.getDouble("numerator"));
    assertEquals(0.0, share.getDouble("denominator"), 0.0);
    assertNull(share.getInt64("base"));
  }

  @Test
  void theAlsoCountsStillSuppressANonResponseRow() {
    List<Row> r = nonResponse();
    // Tyresö's 3 newcomers: the denominator would reveal them.
    Row tyreso = row(r, "MUNICIPALITY", "0138", "GAP_SUPPORT_PER_NEWCOMER");
    assertEquals(true, tyreso.getBoolean("suppressed"));
    assertNull(tyreso.getDouble("denominator"));
    assertNull(tyreso.getDouble("value"));
    // Salem's RECOVERABLE_SHARE: denominator 1 500 rests on 2 persons with gap support (the "also"
    // count), so it is suppressed.
    Row salem = row(r, "MUNICIPALITY", "0128", "RECOVERABLE_SHARE");
    assertEquals(true, salem.getBoolean("suppressed"));
    assertNull(salem.getDouble("denominator"));
    // Base 0 and also 0: published.
    assertEquals(false, row(r, "MUNICIPALITY", "0138", "RECOVERABLE_SHARE").getBoolean("suppressed"));
  }

  @Test
  void nonResponseIsNeitherRankedNorInTheNationalMedian() {
    List<Row> r = nonResponse();
    // Published values: Botkyrka 10 000 / 1 000 = 10, Haninge 30 000 / 2 000 = 15. Counted as zeros,
    // Salem, Tyresö and Uppsala would share rank 1 of 5 and the median would be 0.
    Row b = row(r, "MUNICIPALITY", "0127", "INCOME_SUPPORT_PER_INHABITANT");
    Row h = row(r, "MUNICIPALITY", "0136", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals(1L, b.getInt64("rank"));
    assertEquals(2L, h.getInt64("rank"));
    assertEquals(2L, b.getInt64("n_ranked"));
    for (Row x : r) {
      if (x.getString("kpi").equals("INCOME_SUPPORT_PER_INHABITANT")) {
        assertEquals(12.5, x.getDouble("national_median"), 1e-12, x.toString());
        if (x.getInt64("rank") != null) {
          assertEquals(true, List.of("0127", "0136").contains(x.getString("area_code")));
        }
      }
    }
    // GAP_SUPPORT_PER_NEWCOMER: 6 000 / 12 = 500 and 5 000 / 10 = 500 tie; Salem (0 / 8 as a zero) and
    // Uppsala (0 / 6) are not ranked.
    Row g = row(r, "MUNICIPALITY", "0127", "GAP_SUPPORT_PER_NEWCOMER");
    assertEquals(1L, g.getInt64("rank"));
    assertEquals(2L, g.getInt64("n_ranked"));
    assertEquals(500.0, g.getDouble("national_median"), 1e-12);
    // MEDIAN_CASH_GAP_DAYS does not rest on payments: Tyresö (median of 25..65 = 45) is ranked.
    Row t = row(r, "MUNICIPALITY", "0138", "MEDIAN_CASH_GAP_DAYS");
    assertEquals(45.0, t.getDouble("value"), 0.0);
    assertEquals(2L, t.getInt64("rank")); // Haninge 35, Tyresö 45, Botkyrka 50
    assertEquals(3L, t.getInt64("n_ranked"));
    assertEquals(45.0, t.getDouble("national_median"), 1e-12);
  }

  @Test
  void nonResponseIsNoAreaMember() {
    List<Row> r = nonResponse();
    // County 01, Södertörn and the nation: Botkyrka and Haninge only, (10 000 + 30 000) / 3 000.
    for (String[] area : new String[][] {{"COUNTY", "01"}, {"REGION", "SODERTORN"}, {"NATION", "SE"}}) {
      Row a = row(r, area[0], area[1], "INCOME_SUPPORT_PER_INHABITANT");
      assertEquals(2L, a.getInt64("members"), area[1]);
      assertEquals(40000.0 / 3000, a.getDouble("value"), 1e-12, area[1]);
      assertEquals(3000.0, a.getDouble("denominator"), 0.0, area[1]);
      assertEquals(30L, a.getInt64("base"), area[1]);
    }
    // GAP_SUPPORT_PER_NEWCOMER, county 01: (6 000 + 5 000) / (12 + 10); Salem's denominator 8 is left out.
    Row g = row(r, "COUNTY", "01", "GAP_SUPPORT_PER_NEWCOMER");
    assertEquals(2L, g.getInt64("members"));
    assertEquals(22.0, g.getDouble("denominator"), 0.0);
    assertEquals(11L, g.getInt64("base"));
    // RECOVERABLE_SHARE, county 01: 3 000 / (6 000 + 5 000); Tyresö's 0 / 0 is left out.
    Row share = row(r, "COUNTY", "01", "RECOVERABLE_SHARE");
    assertEquals(2L, share.getInt64("members"));
    assertEquals(3000.0 / 11000, share.getDouble("value"), 1e-12);
    // MEDIAN_CASH_GAP_DAYS, county 01: Botkyrka, Haninge, Salem (no gap closed) and Tyresö are all
    // published; the 16 closed gaps 10 20 25 30 30 35 40 40 45 50 50 55 60 60 65 70 → (40 + 45) / 2.
    Row median = row(r, "COUNTY", "01", "MEDIAN_CASH_GAP_DAYS");
    assertEquals(4L, median.getInt64("members"));
    assertEquals(16L, median.getInt64("base"));
    assertEquals(42.5, median.getDouble("value"), 0.0);
  }

  @Test
  void aCountyWhoseMembersAreAllSuppressedOrNonRespondingHasNoFigure() {
    List<Row> r = nonResponse();
    // Uppsala county: Uppsala did not report; Enköping is suppressed on every KPI (2 households; 1
    // person with gap support, the base of one KPI and the "also" count of the other; 1 gap closed).
    // For MEDIAN_CASH_GAP_DAYS, which non-response does not touch, Uppsala closed 2 gaps: suppressed.
    for (String kpi : List.of("INCOME_SUPPORT_PER_INHABITANT", "HOUSEHOLDS_PER_1000_INHABITANTS",
        "GAP_SUPPORT_PER_NEWCOMER", "RECOVERABLE_SHARE", "MEDIAN_CASH_GAP_DAYS")) {
      assertEquals(true, row(r, "MUNICIPALITY", "0381", kpi).getBoolean("suppressed"), kpi);
      Row c = row(r, "COUNTY", "03", kpi);
      assertEquals("Uppsala län", c.getString("area_name"));
      assertEquals(0L, c.getInt64("members"), kpi);
      assertNull(c.getDouble("value"), kpi);
      assertNull(c.getDouble("numerator"), kpi);
      assertNull(c.getDouble("denominator"), kpi);
      assertNull(c.getInt64("base"), kpi);
      assertNull(c.getInt64("rank"), kpi);
      assertEquals(false, c.getBoolean("suppressed"), kpi);
    }
    assertEquals(true, row(r, "MUNICIPALITY", "0380", "MEDIAN_CASH_GAP_DAYS").getBoolean("suppressed"));
  }

  /**
   * With a --reference list that puts Uppsala 0380 in a county "99" (a reorganised county), the
   * county area comes from county_code, not from the code's first two digits: Uppsala's 40
   * households and 100 000 kr over 4 000 inhabitants form county 99, and there is no county 03.
   */
  @Test
  void countiesComeFromTheReferenceListsCountyCode(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("municipalities.csv"), "municipality_code,name,county_code,county_name\n"
        + "0127,Botkyrka,01,Stockholms län\n0380,Uppsala,99,Nya länet\n");
    Municipalities ref = Municipalities.fromDirectory(dir);
    List<Row> r = NationalComparison.compute("2011-03", List.of(
        muni("0127", 10, "10000", 1000L, 6, "6000", 12L, 5, "3000", 30, 40, 50, 60, 70),
        muni("0380", 40, "100000", 4000L, 0, "0", 0L, 0, "0")), ref).rows;
    Row c = row(r, "COUNTY", "99", "INCOME_SUPPORT_PER_INHABITANT");
    assertEquals("Nya länet", c.getString("area_name"));
    assertEquals(1L, c.getInt64("members"));
    assertEquals(40L, c.getInt64("base"));
    assertEquals(25.0, c.getDouble("value"), 0.0);
    assertEquals(10.0, row(r, "COUNTY", "01", "INCOME_SUPPORT_PER_INHABITANT").getDouble("value"), 0.0);
    for (Row x : r) {
      assertNotEquals("03", x.getString("area_code"));
    }
  }
}
