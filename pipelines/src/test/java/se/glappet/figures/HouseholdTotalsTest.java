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

  /**
   * One table per municipality-month serves the month and each of its reasons: totals of random
   * payments of many reasons, some taken out again, spread over partials added in a shuffled order
   * through the coder, equal the totals counted from the payments left, per reason and for all.
   */
  @Test
  void eachReasonsTotalsEqualThoseOfItsPaymentsLeft() throws Exception {
    java.util.Random random = new java.util.Random(13);
    java.util.List<Payment> left = new java.util.ArrayList<>();
    java.util.List<HouseholdTotals.Acc> parts = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      parts.add(new HouseholdTotals.Acc());
    }
    ReasonCode[] reasons = ReasonCode.values();
    for (int i = 0; i < 4000; i++) {
      String household = i % 7 == 0 ? String.format("%018x", random.nextInt(300)) : String.format("%064x", random.nextInt(900));
      Payment p = pay(household, 1 + random.nextInt(2), random.nextInt(4),
          (random.nextInt(200000) - 50000) / 100 + "." + String.format("%02d", random.nextInt(100)),
          reasons[random.nextInt(reasons.length - 2)]); // two reasons never paid
      HouseholdTotals.add(parts.get(random.nextInt(parts.size())), p);
      if (random.nextInt(5) == 0) { // a loser: taken out in another partial
        HouseholdTotals.remove(parts.get(random.nextInt(parts.size())), p);
      } else {
        left.add(p);
      }
    }
    java.util.Collections.shuffle(parts, random);
    HouseholdTotals.Acc sum = new HouseholdTotals.Acc();
    for (HouseholdTotals.Acc part : parts) {
      HouseholdTotals.merge(sum, org.apache.beam.sdk.util.CoderUtils.clone(new HouseholdTotalsCoder(), part));
    }
    assertEquals(expected(left, null), HouseholdTotals.totals(sum));
    for (ReasonCode r : reasons) {
      boolean paid = left.stream().anyMatch(p -> p.reason == r);
      assertEquals(!paid, HouseholdTotals.isEmpty(sum, r), r.name());
      assertEquals(expected(left, r), HouseholdTotals.totals(sum, r), r.name());
    }
    assertTrue(HouseholdTotals.isEmpty(sum, reasons[reasons.length - 1]));
    IncomeSupportTotals[] all = HouseholdTotals.totalsWithReasons(sum);
    assertEquals(expected(left, null), all[0]);
    for (ReasonCode r : reasons) {
      assertEquals(HouseholdTotals.isEmpty(sum, r) ? null : expected(left, r), all[1 + r.ordinal()], r.name());
    }
  }

  /** Totals counted directly from the payments (of reason {@code r}; null: all). */
  private static IncomeSupportTotals expected(java.util.List<Payment> payments, ReasonCode r) {
    java.util.Map<String, Integer> largest = new java.util.HashMap<>();
    IncomeSupportTotals t = new IncomeSupportTotals();
    for (Payment p : payments) {
      if (r != null && p.reason != r) {
        continue;
      }
      largest.merge(p.householdId, p.adults + p.children, Math::max);
      t.payments++;
      t.amount = t.amount.add(p.amountSek);
      if (p.reason.isGapReason()) {
        t.gapReasonAmount = t.gapReasonAmount.add(p.amountSek);
      }
    }
    t.households = largest.size();
    t.persons = largest.values().stream().mapToLong(Integer::longValue).sum();
    return t;
  }

  @Test
  void householdSizesOutsideTheirRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> HouseholdTotals.kind(ReasonCode.OTHER, 256));
    assertEquals(ReasonCode.OTHER.ordinal(), HouseholdTotals.reasonOfKind(HouseholdTotals.kind(ReasonCode.OTHER, 22)));
    assertEquals(22, HouseholdTotals.sizeOfKind(HouseholdTotals.kind(ReasonCode.OTHER, 22)));
  }
}
