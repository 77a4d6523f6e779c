package se.glappet.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.glappet.model.OutputTable;

/** Contract section 4.6: small counts, the figures they take along, and secondary suppression. */
class SmallCellsTest {

  // --- helpers --------------------------------------------------------------------------

  /**
   * A row of {@code table}: period 2024-03, municipality 0127, suppressed false (gap_monthly:
   * income_support_reported true), then the given values.
   */
  private static Row row(OutputTable table, Object... nameValuePairs) {
    Schema schema = table.beamSchema();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Schema.Field f : schema.getFields()) {
      values.put(f.getName(), null);
    }
    values.put("period", "2024-03");
    values.put("municipality_code", "0127");
    values.put("suppressed", false);
    if (values.containsKey("income_support_reported")) {
      values.put("income_support_reported", true);
    }
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      String name = (String) nameValuePairs[i];
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(name);
      }
      Object v = nameValuePairs[i + 1];
      if (v instanceof Integer && schema.getField(name).getType().getTypeName() == Schema.TypeName.INT64) {
        v = ((Integer) v).longValue();
      } else if (v instanceof String && schema.getField(name).getType().getTypeName() == Schema.TypeName.DECIMAL) {
        v = new BigDecimal((String) v);
      }
      values.put(name, v);
    }
    Row.FieldValueBuilder b = Row.withSchema(schema).withFieldValue("period", values.get("period"));
    for (Map.Entry<String, Object> e : values.entrySet()) {
      b = b.withFieldValue(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** A gap_monthly row where every count is 10 and every figure is set. */
  private static Row gapMonthly(Object... overrides) {
    List<Object> pairs = new ArrayList<>(List.of(
        "persons_in_gap", 10, "persons_in_gap_with_support", 8, "gap_person_days", 250,
        "gap_support_persons", 10, "gap_support_sek", "45000.00", "gaps_closed", 10,
        "median_cash_gap_days", 40.0, "p90_cash_gap_days", 75.0, "median_entitlement_gap_days", 21.5,
        "open_gaps_at_month_end", 10, "recoverable_persons", 10, "recoverable_sek", "12000.50",
        "newcomers_received", 10, "gap_support_per_newcomer_sek", "4500.00"));
    pairs.addAll(java.util.Arrays.asList(overrides));
    return row(OutputTable.GAP_MONTHLY, pairs.toArray());
  }

  private static final List<String> GAP_MONTHLY_FIGURES = List.of("persons_in_gap", "persons_in_gap_with_support",
      "gap_person_days", "gap_support_persons", "gap_support_sek", "gaps_closed", "median_cash_gap_days",
      "p90_cash_gap_days", "median_entitlement_gap_days", "open_gaps_at_month_end", "recoverable_persons",
      "recoverable_sek", "newcomers_received", "gap_support_per_newcomer_sek");

  /** Asserts exactly {@code nulled} of the figures are null now, the others equal to before. */
  private static void assertNulled(Row before, SmallCells.Result after, List<String> figures, String... nulled) {
    List<String> expectNull = List.of(nulled);
    for (String f : figures) {
      if (expectNull.contains(f)) {
        assertNull(after.row.getValue(f), f + " should be null");
      } else {
        assertEquals((Object) before.getValue(f), after.row.getValue(f), f + " should be kept");
      }
    }
    assertEquals("2024-03", after.row.getString("period"));
    assertEquals("0127", after.row.getString("municipality_code"));
    assertEquals(nulled.length > 0, after.row.getBoolean("suppressed"));
  }

  // --- isSmall --------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void oneToFourIsSmall(long count) {
    assertTrue(SmallCells.isSmall(count));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 5, 6, 100, Long.MAX_VALUE})
  void zeroAndFiveOrMoreArePublished(long count) {
    assertFalse(SmallCells.isSmall(count));
  }

  @Test
  void nullIsNotSmall() {
    assertFalse(SmallCells.isSmall(null));
  }

  // --- gap_monthly ----------------------------------------------------------------------

  @Test
  void gapMonthlyWithNoSmallCountIsUntouched() {
    Row in = gapMonthly("open_gaps_at_month_end", 0, "recoverable_persons", 0, "recoverable_sek", "0.00",
        "persons_in_gap", 5);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES);
    assertEquals(0, r.cellsNulled);
  }

  @Test
  void smallPersonsInGapNullsItWithSupportAndPersonDays() {
    Row in = gapMonthly("persons_in_gap", 3, "persons_in_gap_with_support", 2, "gap_person_days", 70);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "persons_in_gap", "persons_in_gap_with_support", "gap_person_days");
    assertEquals(3, r.cellsNulled);
  }

  @Test
  void smallGapSupportPersonsNullsItTheAmountAndThePerNewcomerAmount() {
    Row in = gapMonthly("gap_support_persons", 4);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "gap_support_persons", "gap_support_sek",
        "gap_support_per_newcomer_sek");
    assertEquals(3, r.cellsNulled);
  }

  @Test
  void smallGapsClosedNullsItAndTheThreeDayFigures() {
    Row in = gapMonthly("gaps_closed", 1);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "gaps_closed", "median_cash_gap_days", "p90_cash_gap_days",
        "median_entitlement_gap_days");
    assertEquals(4, r.cellsNulled);
  }

  @Test
  void smallRecoverablePersonsNullsItAndTheRecoverableAmount() {
    Row in = gapMonthly("recoverable_persons", 2);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "recoverable_persons", "recoverable_sek");
    assertEquals(2, r.cellsNulled);
  }

  @Test
  void smallOpenGapsNullsOnlyItself() {
    Row in = gapMonthly("open_gaps_at_month_end", 1);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "open_gaps_at_month_end");
    assertEquals(1, r.cellsNulled);
  }

  @Test
  void smallNewcomersReceivedNullsItAndThePerNewcomerAmount() {
    Row in = gapMonthly("newcomers_received", 4);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "newcomers_received", "gap_support_per_newcomer_sek");
    assertEquals(2, r.cellsNulled);
  }

  @Test
  void overlappingRulesNullACellOnceAndCountItOnce() {
    // gap_support_per_newcomer_sek rests on both gap_support_persons and newcomers_received.
    Row in = gapMonthly("gap_support_persons", 2, "newcomers_received", 3);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "gap_support_persons", "gap_support_sek",
        "gap_support_per_newcomer_sek", "newcomers_received");
    assertEquals(4, r.cellsNulled);
  }

  @Test
  void cellsAlreadyNullAreNotCounted() {
    // newcomers_received is null (no KIS rows), so the per-newcomer amount is null already.
    Row in = gapMonthly("newcomers_received", null, "gap_support_per_newcomer_sek", null, "gap_support_persons", 1);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "gap_support_persons", "gap_support_sek",
        "gap_support_per_newcomer_sek", "newcomers_received");
    assertEquals(2, r.cellsNulled);
  }

  @Test
  void everyCountSmallNullsEveryFigure() {
    Row in = gapMonthly("persons_in_gap", 1, "gap_support_persons", 1, "gaps_closed", 1, "recoverable_persons", 1,
        "open_gaps_at_month_end", 1, "newcomers_received", 1);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, GAP_MONTHLY_FIGURES.toArray(new String[0]));
    assertEquals(14, r.cellsNulled);
  }

  /** A month the municipality did not report: its payment figures are null before disclosure control. */
  private static Row notReported(Object... overrides) {
    List<Object> pairs = new ArrayList<>(java.util.Arrays.asList("income_support_reported", false,
        "gap_support_persons", null,
        "gap_support_sek", null, "gap_support_per_newcomer_sek", null, "recoverable_persons", null,
        "recoverable_sek", null));
    pairs.addAll(java.util.Arrays.asList(overrides));
    return gapMonthly(pairs.toArray());
  }

  @Test
  void nonResponseAloneIsNotSuppression() {
    Row in = notReported();
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES);
    assertEquals(0, r.cellsNulled);
    assertEquals(false, r.row.getBoolean("income_support_reported"));
    assertEquals(false, r.row.getBoolean("suppressed"));
  }

  @Test
  void aSmallCountOfANonResponseRowIsStillSuppressed() {
    // Newcomers 3: nulls newcomers_received; the per-newcomer amount was null already (unknown).
    Row in = notReported("newcomers_received", 3);
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_MONTHLY, in);
    assertNulled(in, r, GAP_MONTHLY_FIGURES, "newcomers_received", "gap_support_per_newcomer_sek");
    assertEquals(1, r.cellsNulled);
    assertEquals(false, r.row.getBoolean("income_support_reported"));
  }

  // --- income_support_monthly -----------------------------------------------------------

  private static final List<String> IS_MONTHLY_FIGURES = List.of("households", "persons", "payments", "amount_sek",
      "amount_per_household_sek", "gap_reason_amount_sek");

  @Test
  void smallHouseholdsNullsEveryFigureOfTheIncomeSupportRow() {
    Row in = row(OutputTable.INCOME_SUPPORT_MONTHLY, "households", 4, "persons", 11, "payments", 9,
        "amount_sek", "40000.00", "amount_per_household_sek", "10000.00", "gap_reason_amount_sek", "0.00");
    SmallCells.Result r = SmallCells.primary(OutputTable.INCOME_SUPPORT_MONTHLY, in);
    assertNulled(in, r, IS_MONTHLY_FIGURES, IS_MONTHLY_FIGURES.toArray(new String[0]));
    assertEquals(6, r.cellsNulled);
  }

  @Test
  void fiveHouseholdsArePublished() {
    Row in = row(OutputTable.INCOME_SUPPORT_MONTHLY, "households", 5, "persons", 3, "payments", 2,
        "amount_sek", "50000.00", "amount_per_household_sek", "10000.00", "gap_reason_amount_sek", "100.00");
    SmallCells.Result r = SmallCells.primary(OutputTable.INCOME_SUPPORT_MONTHLY, in);
    assertNulled(in, r, IS_MONTHLY_FIGURES);
    assertEquals(0, r.cellsNulled);
  }

  // --- by-reason tables: primary --------------------------------------------------------

  private static Row gapByReason(String reason, long persons, String sek) {
    return row(OutputTable.GAP_BY_REASON, "reason_code", reason, "persons", persons, "gap_support_sek", sek);
  }

  private static Row isByReason(String reason, long households, String sek) {
    return row(OutputTable.INCOME_SUPPORT_BY_REASON, "reason_code", reason, "households", households,
        "amount_sek", sek);
  }

  private static Map<String, SmallCells.Result> byReason(OutputTable table, Row... rows) {
    List<SmallCells.Result> results = SmallCells.byReason(table, List.of(rows));
    assertEquals(rows.length, results.size());
    Map<String, SmallCells.Result> out = new HashMap<>();
    for (SmallCells.Result r : results) {
      out.put(r.row.getString("reason_code"), r);
    }
    return out;
  }

  private static void assertSuppressed(SmallCells.Result r, String count) {
    assertNull(r.row.getValue(count));
    assertTrue(r.row.getValue(count.equals("persons") ? "gap_support_sek" : "amount_sek") == null);
    assertTrue(r.row.getBoolean("suppressed"));
    assertEquals(2, r.cellsNulled);
  }

  private static void assertPublished(SmallCells.Result r, String count, long expected) {
    assertEquals(expected, r.row.getInt64(count));
    assertFalse(r.row.getBoolean("suppressed"));
    assertEquals(0, r.cellsNulled);
  }

  @Test
  void smallPersonsInGapByReasonNullsItAndTheAmount() {
    SmallCells.Result r = SmallCells.primary(OutputTable.GAP_BY_REASON, gapByReason("WAITING_PLAN", 1, "800.00"));
    assertSuppressed(r, "persons");
    assertEquals("WAITING_PLAN", r.row.getString("reason_code"));
  }

  @Test
  void smallHouseholdsInIncomeSupportByReasonNullsItAndTheAmount() {
    SmallCells.Result r = SmallCells.primary(OutputTable.INCOME_SUPPORT_BY_REASON, isByReason("SICK", 3, "9000.00"));
    assertSuppressed(r, "households");
  }

  // --- by-reason tables: secondary ------------------------------------------------------

  @Test
  void noSmallRowSuppressesNothing() {
    Map<String, SmallCells.Result> r = byReason(OutputTable.GAP_BY_REASON,
        gapByReason("WAITING_PLAN", 5, "1.00"), gapByReason("BELOW_NORM", 9, "2.00"));
    assertPublished(r.get("WAITING_PLAN"), "persons", 5);
    assertPublished(r.get("BELOW_NORM"), "persons", 9);
  }

  @Test
  void oneSmallRowDragsTheRowWithTheNextSmallestCount() {
    Map<String, SmallCells.Result> r = byReason(OutputTable.GAP_BY_REASON,
        gapByReason("SECONDARY_MOVE", 12, "5000.00"),
        gapByReason("WAITING_PLAN", 3, "1200.00"),
        gapByReason("BELOW_NORM", 7, "3000.00"),
        gapByReason("PLAN_ENDED", 6, "2500.00"));
    assertSuppressed(r.get("WAITING_PLAN"), "persons");
    assertSuppressed(r.get("PLAN_ENDED"), "persons");
    assertPublished(r.get("BELOW_NORM"), "persons", 7);
    assertPublished(r.get("SECONDARY_MOVE"), "persons", 12);
  }

  @Test
  void secondaryTieGoesToTheReasonFirstInContractOrderNotAlphabetical() {
    // UNEMPLOYED comes before SICK in section 2.6 (alphabetically SICK would come first).
    Map<String, SmallCells.Result> r = byReason(OutputTable.INCOME_SUPPORT_BY_REASON,
        isByReason("SICK", 8, "16000.00"),
        isByReason("OTHER", 2, "3000.00"),
        isByReason("UNEMPLOYED", 8, "20000.00"),
        isByReason("WAITING_PLAN", 9, "22000.00"));
    assertSuppressed(r.get("OTHER"), "households");
    assertSuppressed(r.get("UNEMPLOYED"), "households");
    assertPublished(r.get("SICK"), "households", 8);
    assertPublished(r.get("WAITING_PLAN"), "households", 9);
  }

  @Test
  void secondaryTieAmongGapReasonsFollowsContractOrder() {
    // WAITING_PAYMENT (2nd in section 2.6) before ALLOWANCE_REDUCED (6th).
    Map<String, SmallCells.Result> r = byReason(OutputTable.GAP_BY_REASON,
        gapByReason("ALLOWANCE_REDUCED", 5, "1.00"),
        gapByReason("WAITING_PAYMENT", 5, "2.00"),
        gapByReason("FAMILY_REUNION", 4, "3.00"));
    assertSuppressed(r.get("FAMILY_REUNION"), "persons");
    assertSuppressed(r.get("WAITING_PAYMENT"), "persons");
    assertPublished(r.get("ALLOWANCE_REDUCED"), "persons", 5);
  }

  @Test
  void twoSmallRowsNeedNoSecondarySuppression() {
    Map<String, SmallCells.Result> r = byReason(OutputTable.INCOME_SUPPORT_BY_REASON,
        isByReason("WAITING_PLAN", 1, "500.00"),
        isByReason("SICK", 4, "700.00"),
        isByReason("OTHER", 5, "900.00"),
        isByReason("UNEMPLOYED", 6, "1100.00"));
    assertSuppressed(r.get("WAITING_PLAN"), "households");
    assertSuppressed(r.get("SICK"), "households");
    assertPublished(r.get("OTHER"), "households", 5);
    assertPublished(r.get("UNEMPLOYED"), "households", 6);
  }

  @Test
  void aLoneSmallRowWithNoOtherRowIsJustSuppressed() {
    Map<String, SmallCells.Result> r = byReason(OutputTable.GAP_BY_REASON, gapByReason("WAITING_PLAN", 2, "10.00"));
    assertSuppressed(r.get("WAITING_PLAN"), "persons");
  }

  @Test
  void secondarySuppressionIsTheSameWhateverTheInputOrder() {
    Row a = isByReason("OTHER", 3, "1.00");
    Row b = isByReason("SICK", 20, "2.00");
    Row c = isByReason("BELOW_NORM", 10, "3.00");
    for (List<Row> order : List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, a, c))) {
      Map<String, SmallCells.Result> r = byReason(OutputTable.INCOME_SUPPORT_BY_REASON, order.toArray(new Row[0]));
      assertSuppressed(r.get("OTHER"), "households");
      assertSuppressed(r.get("BELOW_NORM"), "households");
      assertPublished(r.get("SICK"), "households", 20);
    }
  }

  // --- a whole month, as the month files are written ------------------------------------

  private static Row inMunicipality(Row r, String municipality) {
    return Row.fromRow(r).withFieldValue("municipality_code", municipality).build();
  }

  private static Map<String, SmallCells.Result> byMunicipalityAndReason(List<SmallCells.Result> results) {
    Map<String, SmallCells.Result> out = new HashMap<>();
    for (SmallCells.Result r : results) {
      out.put(r.row.getString("municipality_code") + " " + r.row.getString("reason_code"), r);
    }
    return out;
  }

  @Test
  void aMonthOfByReasonRowsSuppressesEachMunicipalityOnItsOwn() {
    // 0127 has one small row (3), so its next smallest (6) goes too; 0128 has the same counts
    // as 0127's other rows and no small one, so nothing of it is suppressed, although 6 is the
    // month's next smallest count after 3 as well.
    List<Row> month = List.of(
        inMunicipality(gapByReason("WAITING_PLAN", 3, "1200.00"), "0127"),
        inMunicipality(gapByReason("BELOW_NORM", 6, "2500.00"), "0128"),
        inMunicipality(gapByReason("PLAN_ENDED", 6, "2500.00"), "0127"),
        inMunicipality(gapByReason("SECONDARY_MOVE", 12, "5000.00"), "0127"),
        inMunicipality(gapByReason("SECONDARY_MOVE", 9, "4000.00"), "0128"));
    List<SmallCells.Result> results = SmallCells.month(OutputTable.GAP_BY_REASON, month);
    assertEquals(5, results.size());
    Map<String, SmallCells.Result> r = byMunicipalityAndReason(results);
    assertSuppressed(r.get("0127 WAITING_PLAN"), "persons");
    assertSuppressed(r.get("0127 PLAN_ENDED"), "persons");
    assertPublished(r.get("0127 SECONDARY_MOVE"), "persons", 12);
    assertPublished(r.get("0128 BELOW_NORM"), "persons", 6);
    assertPublished(r.get("0128 SECONDARY_MOVE"), "persons", 9);
    assertEquals(4, results.stream().mapToLong(x -> x.cellsNulled).sum());
  }

  private static Row isMonthly(long households) {
    return row(OutputTable.INCOME_SUPPORT_MONTHLY, "households", households, "persons", 11, "payments", 9,
        "amount_sek", "40000.00", "amount_per_household_sek", "10000.00", "gap_reason_amount_sek", "0.00");
  }

  @Test
  void aMonthOfMonthlyRowsIsSuppressedRowByRow() {
    Row small = isMonthly(2);
    Row large = inMunicipality(isMonthly(40), "0128");
    List<SmallCells.Result> results = SmallCells.month(OutputTable.INCOME_SUPPORT_MONTHLY, List.of(small, large));
    assertEquals(2, results.size());
    Map<String, SmallCells.Result> r = new HashMap<>();
    results.forEach(x -> r.put(x.row.getString("municipality_code"), x));
    assertNull(r.get("0127").row.getValue("households"));
    assertNull(r.get("0127").row.getValue("amount_sek"));
    assertTrue(r.get("0127").row.getBoolean("suppressed"));
    assertEquals(6, r.get("0127").cellsNulled);
    assertEquals(large, r.get("0128").row);
    assertEquals(0, r.get("0128").cellsNulled);
  }

  @Test
  void aMonthOfADatasetSuppressedInItsOwnStepIsLeftAsItIs() {
    // national_comparison applies the rules while it is computed: a base of 2 that reaches this
    // point is an area's sum of published members and stays.
    Row area = Row.withSchema(OutputTable.NATIONAL_COMPARISON.beamSchema()).withFieldValue("period", "2024-03")
        .withFieldValue("area_type", "COUNTY").withFieldValue("area_code", "01").withFieldValue("area_name", "Stockholm")
        .withFieldValue("kpi", "INCOME_SUPPORT_PER_INHABITANT").withFieldValue("base", 2L)
        .withFieldValue("value", 1.5).withFieldValue("suppressed", false).build();
    List<SmallCells.Result> results = SmallCells.month(OutputTable.NATIONAL_COMPARISON, List.of(area));
    assertEquals(1, results.size());
    assertEquals(area, results.get(0).row);
    assertEquals(0, results.get(0).cellsNulled);
  }
}
