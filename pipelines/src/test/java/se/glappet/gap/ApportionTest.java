package se.glappet.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.glappet.gap.Fixtures.OBS_END;
import static se.glappet.gap.Fixtures.PERSON;
import static se.glappet.gap.Fixtures.d;
import static se.glappet.gap.Fixtures.est;
import static se.glappet.gap.Fixtures.lma;
import static se.glappet.gap.Fixtures.m;
import static se.glappet.gap.Fixtures.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.glappet.records.Payment;
import se.glappet.records.ReasonCode;

/** Contract section 3.2. */
class ApportionTest {
  private static final YearMonth JAN = YearMonth.of(2011, 1);
  private static final YearMonth FEB = YearMonth.of(2011, 2);
  private static final YearMonth MAR = YearMonth.of(2011, 3);

  /** LMA to Jan 31, establishment from Mon Feb 21 at the given daily amount, first paid Mar 10. */
  private static PersonGap gap(String daily) {
    return PersonGap.of(
            PERSON,
            List.of(
                lma("2010-06-01", "2011-01-31", "0127"),
                est("2011-02-21", "2011-03-10", daily, "0127")),
            OBS_END)
        .orElseThrow();
  }

  /** W = [Feb 1, Mar 10); R = [Feb 21, Mar 10), 13 weekdays; A = 100.00 x 13 = 1 300.00. */
  private static final PersonGap G = gap("100.00");

  private static void assertAmount(String expected, BigDecimal actual) {
    assertEquals(0, m(expected).compareTo(actual), "expected " + expected + " but was " + actual);
  }

  @Test
  void coversIsInclusiveOfCoversTo() {
    Payment p = pay("0127", "2011-03-01", "2011-02-20", "2011-03-10", "1900.00");
    // [Feb 20, Mar 11): Feb 20..28 (9) + Mar 1..10 (10) = 19
    assertEquals(DateRange.of(d("2011-02-20"), d("2011-03-11")), Apportion.covers(p));
    assertEquals(19, Apportion.covers(p).days());
  }

  @Test
  void partBasics() {
    DateRange c = DateRange.of(d("2011-02-01"), d("2011-03-01")); // 28 days
    // no overlap -> 0
    assertAmount("0", Apportion.part(m("2800.00"), c, DateRange.month(MAR)));
    // all of C -> the amount itself
    assertAmount("2800.00", Apportion.part(m("2800.00"), c, DateRange.month(FEB)));
    // 7 of 28 days: 2800 x 7 / 28 = 700
    assertAmount("700", Apportion.part(m("2800.00"), c, DateRange.of(d("2011-02-01"), d("2011-02-08"))));
  }

  @Test
  void partCarriesTwentyDecimals() {
    DateRange c = DateRange.of(d("2011-02-27"), d("2011-03-02")); // Feb 27, Feb 28, Mar 1
    // 100 x 1 / 3, 20 decimals, HALF_EVEN
    BigDecimal third = Apportion.part(m("100.00"), c, DateRange.of(d("2011-02-27"), d("2011-02-28")));
    assertEquals(new BigDecimal("33.33333333333333333333"), third);
    // 100 x 2 / 3 = 66.666...67 (last digit rounded up)
    assertEquals(
        new BigDecimal("66.66666666666666666667"),
        Apportion.part(m("100.00"), c, DateRange.month(FEB)));
  }

  @Test
  void oneThirdProrationSumsBackAfterPublish() {
    DateRange c = DateRange.of(d("2011-02-27"), d("2011-03-02")); // 3 days
    BigDecimal p1 = Apportion.part(m("100.00"), c, DateRange.of(d("2011-02-27"), d("2011-02-28")));
    BigDecimal p2 = Apportion.part(m("100.00"), c, DateRange.of(d("2011-02-28"), d("2011-03-01")));
    BigDecimal p3 = Apportion.part(m("100.00"), c, DateRange.of(d("2011-03-01"), d("2011-03-02")));
    BigDecimal sum = p1.add(p2).add(p3);
    // 3 x 33.33333333333333333333 = 99.99999999999999999999
    assertEquals(new BigDecimal("99.99999999999999999999"), sum);
    // rounded only at the end: 100.00
    assertEquals(new BigDecimal("100.00"), Money.publish(sum));
    // rounding each part first would lose an öre: 33.33 x 3 = 99.99
    assertEquals(
        new BigDecimal("99.99"),
        Money.publish(p1).add(Money.publish(p2)).add(Money.publish(p3)));
  }

  @Test
  void paymentAcrossMonthBoundaryAndGapEnd() {
    // C = [Feb 15, Mar 17): Feb 15..28 (14) + Mar 1..16 (16) = 30 days; W = [Feb 1, Mar 10)
    Payment p = pay("0136", "2011-02-14", "2011-02-15", "2011-03-16", "3000.00");
    Map<YearMonth, BigDecimal> byMonth = Apportion.gapSupportByMonth(p, G);
    assertEquals(List.of(FEB, MAR), List.copyOf(byMonth.keySet()));
    // Feb: 3000 x 14 / 30 = 1 400
    assertAmount("1400", byMonth.get(FEB));
    // Mar: W ∩ March = [Mar 1, Mar 10), 9 days: 3000 x 9 / 30 = 900
    assertAmount("900", byMonth.get(MAR));
    // Mar 10..16 (7 days, 700) lie outside W: only 2 300 of the 3 000 is gap support
  }

  @Test
  void daysBeforeGapStartAreExcluded() {
    // C = [Jan 22, Feb 11): Jan 22..31 (10) + Feb 1..10 (10) = 20 days
    Payment p = pay("0127", "2011-01-21", "2011-01-22", "2011-02-10", "2000.00");
    Map<YearMonth, BigDecimal> byMonth = Apportion.gapSupportByMonth(p, G);
    assertEquals(List.of(FEB), List.copyOf(byMonth.keySet()));
    // 2000 x 10 / 20 = 1 000
    assertAmount("1000", byMonth.get(FEB));
  }

  @Test
  void negativeCorrection() {
    // C = [Feb 25, Mar 7): Feb 25..28 (4) + Mar 1..6 (6) = 10 days
    Payment p = pay("0127", "2011-03-15", "2011-02-25", "2011-03-06", "-1200.00");
    Map<YearMonth, BigDecimal> byMonth = Apportion.gapSupportByMonth(p, G);
    // -1200 x 4 / 10 = -480; -1200 x 6 / 10 = -720
    assertAmount("-480", byMonth.get(FEB));
    assertAmount("-720", byMonth.get(MAR));
  }

  @Test
  void onlyCoveredDaysCountNotPaymentDate() {
    // dated after obs_end (the Beam side filters those), but covers February: all 2 800 in Feb
    Payment late = pay("0127", "2011-06-30", "2011-02-01", "2011-02-28", "2800.00");
    assertEquals(Map.of(FEB, m("2800.00")), Apportion.gapSupportByMonth(late, G));
    // dated inside W (Feb 15) but covering Mar 20..31, after the gap: nothing
    Payment after = pay("0127", "2011-02-15", "2011-03-20", "2011-03-31", "1200.00");
    assertTrue(Apportion.gapSupportByMonth(after, G).isEmpty());
    // covering January only, before the gap: nothing, no January key
    Payment before = pay("0127", "2011-01-05", "2011-01-01", "2011-01-31", "3100.00");
    assertTrue(Apportion.gapSupportByMonth(before, G).isEmpty());
    assertFalse(Apportion.gapSupportByMonth(before, G).containsKey(JAN));
  }

  @Test
  void exactHalfOrePublishedUpDespiteDivisionError() {
    // Three payments of 1 000.01 covering Mar 9..14 (6 days); only Mar 9 lies in W = [Feb 1, Mar 10)
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < 3; i++) {
      Payment p = pay("0127", "2011-03-08", "2011-03-09", "2011-03-14", "1000.01");
      BigDecimal mar = Apportion.gapSupportByMonth(p, G).get(MAR);
      // 1000.01 / 6 = 166.668333... -> 166.66833333333333333333 at 20 decimals
      assertEquals(new BigDecimal("166.66833333333333333333"), mar);
      sum = sum.add(mar);
    }
    // exact: 3000.03 / 6 = 500.005; computed: 500.00499999999999999999
    assertEquals(new BigDecimal("500.00499999999999999999"), sum);
    // a direct HALF_UP to 2 decimals would give 500.00; publish gives the exact answer's 500.01
    assertEquals(new BigDecimal("500.00"), sum.setScale(2, RoundingMode.HALF_UP));
    assertEquals(new BigDecimal("500.01"), Money.publish(sum));
  }

  @Test
  void paymentOfAnotherPersonIsRefused() {
    Payment p =
        new Payment(
            "0127", "X1", "fedcba9876543210", "aaaaaaaaaaaaaaaa", d("2011-02-01"), d("2011-02-01"),
            d("2011-02-28"), m("100.00"), ReasonCode.WAITING_PLAN, 1, 0);
    assertThrows(IllegalArgumentException.class, () -> Apportion.gapSupportByMonth(p, G));
    assertThrows(IllegalArgumentException.class, () -> Apportion.partInRecoverableWindow(p, G));
  }

  // --- recoverable money; G: R = [Feb 21, Mar 10), A = 1 300.00 ---

  /** Paid by 0127 for February (28 days): 8 days (Feb 21..28) in R. */
  private static Payment february(String amount) {
    return pay("0127", "2011-02-01", "2011-02-01", "2011-02-28", amount);
  }

  /** Paid by 0136 for March (31 days): 9 days (Mar 1..9) in R. */
  private static Payment march(String amount) {
    return pay("0136", "2011-03-01", "2011-03-01", "2011-03-31", amount);
  }

  @Test
  void recoverableCapBinds() {
    Payment p1 = february("5600.00");
    Payment p2 = march("3100.00");
    BigDecimal r1 = Apportion.partInRecoverableWindow(p1, G);
    BigDecimal r2 = Apportion.partInRecoverableWindow(p2, G);
    // 5600 x 8 / 28 = 1 600; 3100 x 9 / 31 = 900; P = 2 500
    assertAmount("1600", r1);
    assertAmount("900", r2);
    // A = 1300 < P = 2500: factor = 1300 / 2500 = 0.52
    BigDecimal f = Apportion.recoverableFactor(G.retroactiveAllowance(), r1.add(r2));
    assertAmount("0.52", f);
    // 1600 x 0.52 = 832; 900 x 0.52 = 468; 832 + 468 = 1 300 = A
    assertAmount("832", Apportion.recoverable(r1, f));
    assertAmount("468", Apportion.recoverable(r2, f));
    List<BigDecimal> amounts = Apportion.recoverableAmounts(List.of(p1, p2), G);
    assertAmount("832", amounts.get(0));
    assertAmount("468", amounts.get(1));
    assertAmount("1300", amounts.get(0).add(amounts.get(1)));
    // both belong to March 2011, the month of first_payment
    assertEquals(MAR, G.closedMonth());
  }

  @Test
  void recoverableCapDoesNotBind() {
    // A = 308.00 x 13 = 4 004 >= P = 2 500: factor 1, recoverable = the parts in R
    PersonGap g = gap("308.00");
    assertAmount("4004", g.retroactiveAllowance());
    List<BigDecimal> amounts =
        Apportion.recoverableAmounts(List.of(february("5600.00"), march("3100.00")), g);
    assertAmount("1600", amounts.get(0));
    assertAmount("900", amounts.get(1));
    assertEquals(BigDecimal.ONE, Apportion.recoverableFactor(m("4004.00"), m("2500")));
    // A = P exactly: factor 1
    assertEquals(BigDecimal.ONE, Apportion.recoverableFactor(m("2500.00"), m("2500")));
  }

  @Test
  void recoverableFactorWithRepeatingDecimal() {
    // 4200 x 8 / 28 = 1 200; 900 as before; P = 2 100; factor = 1300 / 2100 = 13/21
    List<BigDecimal> amounts =
        Apportion.recoverableAmounts(List.of(february("4200.00"), march("3100.00")), G);
    assertEquals(
        new BigDecimal("0.61904761904761904762"),
        Apportion.recoverableFactor(m("1300.00"), m("2100")));
    // 1200 x 13/21 = 742.857142...; 900 x 13/21 = 557.142857...
    assertEquals(new BigDecimal("742.86"), Money.publish(amounts.get(0)));
    assertEquals(new BigDecimal("557.14"), Money.publish(amounts.get(1)));
    // the scaled parts sum to A = 1 300.00 after publish
    assertEquals(new BigDecimal("1300.00"), Money.publish(amounts.get(0).add(amounts.get(1))));
  }

  @Test
  void nothingRecoverableWhenPNotPositive() {
    assertEquals(0, Apportion.recoverableFactor(m("1300.00"), BigDecimal.ZERO).signum());
    assertEquals(0, Apportion.recoverableFactor(m("1300.00"), m("-50")).signum());
    // only a correction in R: part = -2800 x 8 / 28 = -800 -> P < 0 -> 0
    List<BigDecimal> amounts = Apportion.recoverableAmounts(List.of(february("-2800.00")), G);
    assertEquals(0, amounts.get(0).signum());
  }

  @Test
  void nothingRecoverableWithoutWeekdaysInR() {
    // establishment from Sat Mar 5, first paid Mon Mar 7: R = [Sat, Mon) has 0 weekdays -> A = 0
    PersonGap g =
        PersonGap.of(
                PERSON,
                List.of(lma("2010-06-01", "2011-01-31", "0127"), est("2011-03-05", "2011-03-07", "308.00", "0127")),
                OBS_END)
            .orElseThrow();
    assertEquals(0, g.retroactiveAllowance().signum());
    // March payment: 2 of 31 days in R -> 3100 x 2 / 31 = 200 > 0, but factor 0 / 200 = 0
    Payment p = march("3100.00");
    assertAmount("200", Apportion.partInRecoverableWindow(p, g));
    assertEquals(0, Apportion.recoverableAmounts(List.of(p), g).get(0).signum());
  }

  @Test
  void nothingRecoverableWithoutR() {
    // first payment at obs_end: open gap, no R
    PersonGap open =
        PersonGap.of(
                PERSON,
                List.of(lma("2010-06-01", "2011-01-31", "0127"), est("2011-02-21", "2011-04-01", "308.00", "0127")),
                OBS_END)
            .orElseThrow();
    Payment p = february("2800.00");
    assertEquals(0, Apportion.partInRecoverableWindow(p, open).signum());
    assertEquals(0, Apportion.recoverableAmounts(List.of(p), open).get(0).signum());
    // but it is still gap support in February
    assertAmount("2800", Apportion.gapSupportByMonth(p, open).get(FEB));
  }
}
