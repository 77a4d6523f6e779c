package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import se.glappet.reference.Municipalities;

/** Contract section 4.5 on hand-computed tables: ties, a null denominator, suppressed members. */
class NationalComparisonTest {
  static final Municipalities REF = Municipalities.shipped();

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
}
