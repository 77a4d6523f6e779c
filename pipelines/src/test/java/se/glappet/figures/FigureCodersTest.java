package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import se.glappet.testing.CoderChecks;

/** Beam's coder properties for the figures' partial sums: totals, household totals, gap cells, partials. */
class FigureCodersTest {
  /**
   * Household totals with the given households (each with one payment of that size, of the first
   * reason) and sums: all of a gap reason when {@code gapReasonAmount} is the amount, all of a
   * reason outside the gap when it is zero.
   */
  static HouseholdTotals.Acc acc(long payments, String amount, String gapReasonAmount, Object... householdsAndSizes) {
    BigDecimal gap = new BigDecimal(gapReasonAmount);
    BigDecimal all = new BigDecimal(amount);
    if (gap.signum() != 0 && gap.compareTo(all) != 0) {
      throw new IllegalArgumentException("a gap-reason amount other than 0 or the amount needs the payments of each");
    }
    return acc(payments, amount, gap.signum() == 0 ? 0 : payments, gapReasonAmount, householdsAndSizes);
  }

  /** As above, with {@code gapPayments} of the payments and {@code gapReasonAmount} of the amount of a gap reason. */
  static HouseholdTotals.Acc acc(long payments, String amount, long gapPayments, String gapReasonAmount,
      Object... householdsAndSizes) {
    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    for (int i = 0; i < householdsAndSizes.length; i += 2) {
      HouseholdTotals.addSizes(a, (String) householdsAndSizes[i],
          HouseholdTotals.entry((Integer) householdsAndSizes[i + 1], 1));
    }
    BigDecimal gap = new BigDecimal(gapReasonAmount);
    if (gapPayments != 0 || gap.signum() != 0) {
      HouseholdTotals.addSums(a, se.glappet.records.ReasonCode.WAITING_PLAN, gapPayments, gap);
    }
    if (payments != gapPayments || new BigDecimal(amount).compareTo(gap) != 0) {
      HouseholdTotals.addSums(a, se.glappet.records.ReasonCode.UNEMPLOYED, payments - gapPayments,
          new BigDecimal(amount).subtract(gap));
    }
    return a;
  }

  @Test
  void incomeSupportTotalsRoundTrip() throws Exception {
    IncomeSupportTotals zero = new IncomeSupportTotals();
    IncomeSupportTotals t = new IncomeSupportTotals();
    t.households = 3;
    t.persons = 11;
    t.payments = 7;
    t.amount = new BigDecimal("-120.50");
    t.gapReasonAmount = new BigDecimal("99999999999999999999.99"); // beyond a long
    CoderChecks.roundTrips(IncomeSupportTotals.TotalsCoder.of(), zero, t);
    assertEquals(new BigDecimal("-120.50"), CoderUtils.clone(IncomeSupportTotals.TotalsCoder.of(), t).amount);
  }

  @Test
  void householdTotalsRoundTripWithOddAndFullLengthPseudonyms() throws Exception {
    HouseholdTotals.Acc empty = new HouseholdTotals.Acc();
    HouseholdTotals.Acc some = acc(4, "1234.50", "0.00", "0123456789abcdef", 2, "f".repeat(64), 7, "abcdef0123456789a", 1);
    HouseholdTotals.Acc many = new HouseholdTotals.Acc();
    for (int i = 0; i < 200; i++) { // past the map's first capacity
      String id = i % 2 == 0 ? String.format("%016x", i * 7919L) : String.format("%064x", i * 7919L);
      HouseholdTotals.addSizes(many, id,
          i % 3 == 0 ? new long[] {HouseholdTotals.entry(i % 9 + 1, 2), HouseholdTotals.entry(0, -1)}
              : new long[] {HouseholdTotals.entry(i % 9 + 1, 1)});
    }
    HouseholdTotals.addSums(many, se.glappet.records.ReasonCode.SICK, 200, new BigDecimal("-0.50"));
    CoderChecks.roundTrips(new HouseholdTotalsCoder(), empty, some, many);
    HouseholdTotals.Acc back = CoderUtils.clone(new HouseholdTotalsCoder(), some);
    assertEquals(HouseholdTotals.entry(7, 1), HouseholdTotals.sizes(back, "f".repeat(64))[0]);
    assertEquals(new BigDecimal("1234.50"), HouseholdTotals.amount(back)); // the scale too
    assertEquals(4, HouseholdTotals.payments(back));
  }

  @Test
  void gapCellsRoundTripWithAndWithoutKisNewcomers() throws Exception {
    GapCell empty = new GapCell();
    GapCell full = new GapCell();
    full.personsInGap = 12;
    full.personsInGapWithSupport = 5;
    full.gapPersonDays = 321;
    full.gapSupportPersons = 6;
    full.gapSupportSek = new BigDecimal("10234.57");
    full.closedCashDays = List.of(3, 45, 0);
    full.closedEntitlementDays = List.of(0, 30, 0);
    full.openGapsAtMonthEnd = 7;
    full.recoverablePersons = 2;
    full.recoverableSek = new BigDecimal("-0.01");
    full.newcomersReceived = 0L; // a KIS row that says 0: not the same as none
    GapCell noKis = GapCell.sum(full, empty);
    noKis.newcomersReceived = null;
    CoderChecks.roundTrips(GapCell.CellCoder.of(), empty, full, noKis);
    assertEquals(0L, CoderUtils.clone(GapCell.CellCoder.of(), full).newcomersReceived);
    assertNull(CoderUtils.clone(GapCell.CellCoder.of(), noKis).newcomersReceived);
  }

  @Test
  void partialsRoundTripBothKinds() throws Exception {
    SummarisePayments.Partial totals = SummarisePayments.Partial.of(acc(2, "300", "300", "0123456789abcdef", 3));
    SummarisePayments.Partial amount = SummarisePayments.Partial.of(new BigDecimal("-12.345"));
    SummarisePayments.Partial zero = SummarisePayments.Partial.of(new BigDecimal("0.00"));
    CoderChecks.roundTrips(SummarisePayments.PartialCoder.of(), totals, amount, zero);
    // A partial with neither part is written as the amount 0.
    assertEquals(BigDecimal.ZERO,
        CoderUtils.clone(SummarisePayments.PartialCoder.of(), new SummarisePayments.Partial()).amount);
  }
}
