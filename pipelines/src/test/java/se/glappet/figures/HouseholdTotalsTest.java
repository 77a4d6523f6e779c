package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.glappet.records.Payment;
import se.glappet.records.ReasonCode;

/**
 * Partial income-support totals (contract 4.3) with payments taken out again, as the duplicate
 * rule's losers are after the single reading: every result equals the totals of the payments that
 * stay, computed by hand.
 */
class HouseholdTotalsTest {
  private static Payment pay(String household, int adults, int children, String amount, ReasonCode reason) {
    return new Payment("0127", "P", household, "0123456789abcdef", LocalDate.of(2011, 1, 3),
        LocalDate.of(2011, 1, 1), LocalDate.of(2011, 1, 31), new BigDecimal(amount), reason, adults, children);
  }

  private static final String H1 = "aaaaaaaaaaaaaaaa";
  private static final String H2 = "bbbbbbbbbbbbbbbb";

  @Test
  void takingOutTheLargestSizeLeavesTheNextLargest() {
    Payment big = pay(H1, 2, 1, "100.00", ReasonCode.values()[0]);
    Payment small = pay(H1, 1, 0, "40.50", ReasonCode.values()[0]);
    HouseholdTotals.Acc a = HouseholdTotals.add(HouseholdTotals.add(new HouseholdTotals.Acc(), big), small);
    HouseholdTotals.Acc out = HouseholdTotals.remove(new HouseholdTotals.Acc(), big);
    IncomeSupportTotals t = HouseholdTotals.totals(HouseholdTotals.merge(HouseholdTotals.copy(a), out));
    assertEquals(1, t.households);
    assertEquals(1, t.persons); // the household's one payment left has 1 + 0 persons
    assertEquals(1, t.payments);
    assertEquals(new BigDecimal("40.50"), t.amount);
  }

  @Test
  void aRemovalMayArriveBeforeItsPaymentAndAHouseholdWithNothingLeftIsNotCounted() {
    Payment p1 = pay(H1, 2, 0, "10.00", ReasonCode.values()[0]);
    Payment p2 = pay(H2, 1, 3, "20.00", ReasonCode.values()[0]);
    HouseholdTotals.Acc sum = HouseholdTotals.remove(new HouseholdTotals.Acc(), p1); // the loser's partial first
    HouseholdTotals.merge(sum, HouseholdTotals.add(new HouseholdTotals.Acc(), p1));
    HouseholdTotals.merge(sum, HouseholdTotals.add(new HouseholdTotals.Acc(), p2));
    IncomeSupportTotals t = HouseholdTotals.totals(sum);
    assertEquals(1, t.households);
    assertEquals(4, t.persons);
    assertEquals(1, t.payments);
    assertEquals(new BigDecimal("20.00"), t.amount);
  }

  @Test
  void anIdenticalDuplicateTakenOutChangesOnlyTheCountsAndSums() {
    ReasonCode gapReason = null;
    for (ReasonCode r : ReasonCode.values()) {
      if (r.isGapReason()) {
        gapReason = r;
      }
    }
    Payment p = pay(H1, 2, 2, "300.25", gapReason);
    HouseholdTotals.Acc sum = HouseholdTotals.add(HouseholdTotals.add(new HouseholdTotals.Acc(), p), p);
    HouseholdTotals.remove(sum, p);
    IncomeSupportTotals t = HouseholdTotals.totals(sum);
    assertEquals(1, t.households);
    assertEquals(4, t.persons);
    assertEquals(1, t.payments);
    assertEquals(new BigDecimal("300.25"), t.amount);
    assertEquals(new BigDecimal("300.25"), t.gapReasonAmount);
  }

  @Test
  void everyPaymentTakenOutLeavesEmptyTotals() {
    Payment p = pay(H2, 1, 0, "5.00", ReasonCode.values()[0]);
    HouseholdTotals.Acc sum = HouseholdTotals.remove(HouseholdTotals.add(new HouseholdTotals.Acc(), p), p);
    assertTrue(HouseholdTotals.isEmpty(sum));
    assertEquals(0, HouseholdTotals.totals(sum).households);
  }

  @Test
  void aPaymentTakenOutThatWasNeverAddedIsAnError() {
    Payment added = pay(H1, 1, 0, "5.00", ReasonCode.values()[0]);
    Payment other = pay(H1, 3, 0, "5.00", ReasonCode.values()[0]);
    HouseholdTotals.Acc sum = HouseholdTotals.remove(HouseholdTotals.add(new HouseholdTotals.Acc(), added), other);
    assertThrows(IllegalStateException.class, () -> HouseholdTotals.totals(sum));
  }
}
