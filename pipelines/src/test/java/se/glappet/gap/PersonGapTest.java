package se.glappet.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.glappet.gap.Fixtures.OBS_END;
import static se.glappet.gap.Fixtures.PERSON;
import static se.glappet.gap.Fixtures.d;
import static se.glappet.gap.Fixtures.est;
import static se.glappet.gap.Fixtures.lma;
import static se.glappet.gap.Fixtures.m;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.glappet.records.AllowancePeriod;

/** Contract section 3.1. Every test uses obs_end = 2011-04-01 (--to 2011-03). */
class PersonGapTest {

  private static PersonGap gap(AllowancePeriod... rows) {
    return PersonGap.of(PERSON, List.of(rows), OBS_END).orElseThrow();
  }

  private static Optional<PersonGap> maybe(AllowancePeriod... rows) {
    return PersonGap.of(PERSON, List.of(rows), OBS_END);
  }

  @Test
  void personWithoutLmaHasNoGap() {
    assertTrue(maybe(est("2011-01-10", "2011-02-25", "308.00", "0127")).isEmpty());
    assertTrue(maybe().isEmpty());
  }

  @Test
  void lmaWithoutToDateMeansNoGap() {
    assertTrue(maybe(lma("2010-05-01", null, "0127")).isEmpty());
    // one ongoing LMA row is enough, even beside a closed one
    assertTrue(
        maybe(lma("2010-01-01", "2010-04-30", "0127"), lma("2010-05-01", null, "0127")).isEmpty());
  }

  @Test
  void ongoingLmaRowStartingAtObsEndIsIgnored() {
    // the row from 2011-04-01 is not known at obs_end; the closed row gives gap_start 2011-02-01
    PersonGap g = gap(lma("2010-01-01", "2011-01-31", "0127"), lma("2011-04-01", null, "0127"));
    assertEquals(d("2011-02-01"), g.gapStart());
    assertEquals(OBS_END, g.gapEnd());
    // Feb 1 .. Mar 31: 28 + 31 = 59
    assertEquals(59, g.cashGapDays());
  }

  @Test
  void zeroDayGapIsNotInTheGap() {
    // gap_start = 2011-01-31 + 1 = 2011-02-01 = first_payment -> cash days 0
    assertTrue(
        maybe(lma("2010-06-01", "2011-01-31", "0127"), est("2011-01-20", "2011-02-01", "308.00", "0127"))
            .isEmpty());
    // first payment before gap_start: max(0, Jan 25 - Feb 1 = -7) = 0
    assertTrue(
        maybe(lma("2010-06-01", "2011-01-31", "0127"), est("2011-01-10", "2011-01-25", "308.00", "0127"))
            .isEmpty());
  }

  @Test
  void oneDayGapIsInTheGap() {
    // [Feb 1, Feb 2): 1 day
    PersonGap g =
        gap(lma("2010-06-01", "2011-01-31", "0127"), est("2011-01-20", "2011-02-02", "308.00", "0127"));
    assertEquals(1, g.cashGapDays());
    // entitlement_start Jan 20 < gap_start: max(0, min(Jan 20, Feb 2) - Feb 1) = 0
    assertEquals(0, g.entitlementGapDays());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2011-04-01", "2011-05-10"})
  void firstPaymentAtOrAfterObsEndLeavesTheGapOpen(String firstPayment) {
    PersonGap g =
        gap(lma("2010-06-01", "2011-02-14", "0127"), est("2011-03-01", firstPayment, "308.00", "0136"));
    assertEquals(d("2011-02-15"), g.gapStart());
    assertNull(g.firstPayment());
    assertEquals(OBS_END, g.gapEnd());
    // Feb 15..28 (14) + March (31) = 45
    assertEquals(45, g.cashGapDays());
    assertEquals(d("2011-03-01"), g.entitlementStart());
    // min(Mar 1, Apr 1) - Feb 15 = 14
    assertEquals(14, g.entitlementGapDays());
    assertTrue(g.recoverableWindow().isEmpty());
    assertEquals(0, BigDecimal.ZERO.compareTo(g.retroactiveAllowance()));
    assertNull(g.closedMonth());
    assertEquals(0, m("308.00").compareTo(g.retroDailyAmount()));
    assertEquals("0136", g.homeMunicipality());
    assertTrue(g.isOpenAtEndOf(YearMonth.of(2011, 3)));
  }

  @Test
  void establishmentRowFromObsEndIsIgnored() {
    PersonGap g =
        gap(lma("2010-09-01", "2011-01-31", "0136"), est("2011-04-01", "2011-04-20", "308.00", "0127"));
    assertNull(g.entitlementStart());
    assertNull(g.firstPayment());
    assertNull(g.retroDailyAmount());
    assertEquals(OBS_END, g.gapEnd());
    // Feb 1 .. Mar 31: 28 + 31 = 59
    assertEquals(59, g.cashGapDays());
    // min(obs_end, gap_end) - gap_start = Apr 1 - Feb 1 = 59
    assertEquals(59, g.entitlementGapDays());
    // no establishment row left: home from the LMA row
    assertEquals("0136", g.homeMunicipality());
    assertTrue(g.recoverableWindow().isEmpty());
  }

  @Test
  void latestLmaToDateWins() {
    // given latest-first on purpose; Dec 15 + 1 = Dec 16
    PersonGap g =
        gap(lma("2010-09-01", "2010-12-15", "0136"), lma("2010-03-01", "2010-08-31", "0127"));
    assertEquals(d("2010-12-16"), g.gapStart());
    // Dec 16..31 (16) + Jan (31) + Feb (28) + Mar (31) = 106
    assertEquals(106, g.cashGapDays());
    assertEquals(106, g.entitlementGapDays());
  }

  @Test
  void twoEstablishmentRows() {
    PersonGap g =
        gap(
            lma("2010-06-01", "2010-12-31", "0127"),
            est("2011-01-20", "2011-03-05", "250.00", "0126"), // earliest first payment
            est("2011-01-10", "2011-03-25", "308.00", "0181")); // earliest from_date
    assertEquals(d("2011-01-01"), g.gapStart());
    assertEquals(d("2011-01-10"), g.entitlementStart());
    assertEquals(d("2011-03-05"), g.firstPayment());
    assertEquals(d("2011-03-05"), g.gapEnd());
    // Jan (31) + Feb (28) + Mar 1..4 (4) = 63
    assertEquals(63, g.cashGapDays());
    // Jan 10 - Jan 1 = 9
    assertEquals(9, g.entitlementGapDays());
    // home and daily amount from the earliest from_date row
    assertEquals("0181", g.homeMunicipality());
    assertEquals(0, m("308.00").compareTo(g.retroDailyAmount()));
    // R = [max(Jan 1, Jan 10), Mar 5) = [Mon Jan 10, Sat Mar 5): 54 days = 7 weeks + Mon..Fri -> 40
    assertEquals(DateRange.of(d("2011-01-10"), d("2011-03-05")), g.recoverableWindow().orElseThrow());
    // 308.00 x 40 = 12 320.00
    assertEquals(0, m("12320.00").compareTo(g.retroactiveAllowance()));
    assertEquals(YearMonth.of(2011, 3), g.closedMonth());
  }

  @Test
  void establishmentTieOnFromDateTakesLowestCode() {
    AllowancePeriod high = est("2011-01-10", "2011-03-25", "300.00", "0181");
    AllowancePeriod low = est("2011-01-10", "2011-03-05", "200.00", "0126");
    AllowancePeriod l = lma("2010-06-01", "2010-12-31", "0127");
    for (PersonGap g : List.of(gap(l, high, low), gap(l, low, high))) {
      assertEquals("0126", g.homeMunicipality());
      assertEquals(0, m("200.00").compareTo(g.retroDailyAmount()));
    }
  }

  @Test
  void homeFallsBackToLmaRowWithLatestToDate() {
    PersonGap g =
        gap(lma("2010-09-01", "2010-12-15", "0192"), lma("2010-03-01", "2010-08-31", "0127"));
    assertEquals("0192", g.homeMunicipality());
  }

  @Test
  void lmaTieOnToDateTakesLowestCode() {
    AllowancePeriod a = lma("2010-01-01", "2011-01-31", "0192");
    AllowancePeriod b = lma("2010-06-01", "2011-01-31", "0138");
    assertEquals("0138", gap(a, b).homeMunicipality());
    assertEquals("0138", gap(b, a).homeMunicipality());
  }

  @Test
  void entitlementStartBeforeGapStart() {
    PersonGap g =
        gap(lma("2010-06-01", "2011-01-31", "0127"), est("2011-01-15", "2011-03-10", "308.00", "0127"));
    // gap_start Feb 1, gap_end Mar 10: 28 + 9 = 37
    assertEquals(37, g.cashGapDays());
    // max(0, min(Jan 15, Mar 10) - Feb 1) = max(0, -17) = 0
    assertEquals(0, g.entitlementGapDays());
    // R = [max(Feb 1, Jan 15), Mar 10) = [Tue Feb 1, Thu Mar 10): 37 days = 5 weeks (25) + Tue, Wed = 27
    assertEquals(DateRange.of(d("2011-02-01"), d("2011-03-10")), g.recoverableWindow().orElseThrow());
    // 308.00 x 27 = 8 316.00
    assertEquals(0, m("8316.00").compareTo(g.retroactiveAllowance()));
  }

  @Test
  void entitlementStartAfterGapStart() {
    PersonGap g =
        gap(lma("2010-06-01", "2011-01-31", "0127"), est("2011-02-21", "2011-03-10", "100.00", "0127"));
    assertEquals(37, g.cashGapDays());
    // min(Feb 21, Mar 10) - Feb 1 = 20
    assertEquals(20, g.entitlementGapDays());
    // R = [Mon Feb 21, Thu Mar 10): 17 days = 2 weeks (10) + Mon..Wed Mar 7..9 (3) = 13 weekdays
    assertEquals(DateRange.of(d("2011-02-21"), d("2011-03-10")), g.recoverableWindow().orElseThrow());
    // 100.00 x 13 = 1 300.00
    assertEquals(0, m("1300.00").compareTo(g.retroactiveAllowance()));
  }

  @Test
  void entitlementStartingOnFirstPaymentDayGivesEmptyR() {
    PersonGap g =
        gap(lma("2010-06-01", "2011-01-31", "0127"), est("2011-03-10", "2011-03-10", "308.00", "0127"));
    // min(Mar 10, Mar 10) - Feb 1 = 37 = cash gap
    assertEquals(37, g.entitlementGapDays());
    assertTrue(g.recoverableWindow().orElseThrow().isEmpty());
    assertEquals(0, BigDecimal.ZERO.compareTo(g.retroactiveAllowance()));
  }

  @Test
  void lmaEndingAtOrAfterObsEndIsNotInTheGap() {
    // gap_start = Mar 31 + 1 = Apr 1 = obs_end -> 0 days
    assertTrue(maybe(lma("2010-06-01", "2011-03-31", "0127")).isEmpty());
    // gap_start = Apr 16 > obs_end -> max(0, negative) = 0
    assertTrue(maybe(lma("2010-06-01", "2011-04-15", "0127")).isEmpty());
  }

  @Test
  void monthHelpers() {
    PersonGap g =
        gap(lma("2010-06-01", "2011-01-31", "0127"), est("2011-01-15", "2011-03-10", "308.00", "0127"));
    // W = [Feb 1, Mar 10)
    assertEquals(0, g.daysInMonth(YearMonth.of(2011, 1)));
    assertEquals(28, g.daysInMonth(YearMonth.of(2011, 2)));
    assertEquals(9, g.daysInMonth(YearMonth.of(2011, 3)));
    assertFalse(g.overlapsMonth(YearMonth.of(2011, 1)));
    assertTrue(g.overlapsMonth(YearMonth.of(2011, 3)));
    assertFalse(g.overlapsMonth(YearMonth.of(2011, 4)));
    // open at month end: gap_start in or before t and no first_payment in or before t
    assertFalse(g.isOpenAtEndOf(YearMonth.of(2011, 1))); // gap starts in February
    assertTrue(g.isOpenAtEndOf(YearMonth.of(2011, 2))); // paid only in March
    assertFalse(g.isOpenAtEndOf(YearMonth.of(2011, 3))); // paid Mar 10
  }

  @Test
  void rowsOfAnotherPersonAreRefused() {
    AllowancePeriod other =
        new AllowancePeriod(
            "aaaaaaaaaaaaaaaa", "0127", AllowancePeriod.Type.LMA, d("2010-01-01"), d("2011-01-31"),
            null, m("71.00"));
    assertThrows(
        IllegalArgumentException.class, () -> PersonGap.of(PERSON, List.of(other), OBS_END));
    // letter case of the pseudonym does not matter
    assertTrue(
        PersonGap.of(PERSON.toUpperCase(), List.of(lma("2010-01-01", "2011-01-31", "0127")), OBS_END)
            .isPresent());
  }

  @Test
  void constructorChecksConsistency() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PersonGap(PERSON, "0127", d("2011-02-01"), d("2011-03-10"), null, null, 36, 0, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PersonGap(PERSON, "0127", d("2011-02-01"), d("2011-02-01"), null, null, 0, 0, null));
  }

  @Test
  void serializableValue() throws Exception {
    PersonGap g =
        gap(lma("2010-06-01", "2011-01-31", "0127"), est("2011-02-21", "2011-03-10", "100.00", "0127"));
    PersonGap copy = Fixtures.roundTrip(g);
    assertEquals(g, copy);
    assertEquals(g.hashCode(), copy.hashCode());
    assertEquals(g.recoverableWindow(), copy.recoverableWindow());
  }
}
