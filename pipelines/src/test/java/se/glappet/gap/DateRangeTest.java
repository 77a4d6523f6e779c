package se.glappet.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.glappet.gap.Fixtures.d;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRangeTest {

  @Test
  void daysOfHalfOpenRange() {
    // [2011-02-01, 2011-03-01): 28 days of February 2011, 2011-03-01 excluded
    DateRange r = DateRange.of(d("2011-02-01"), d("2011-03-01"));
    assertEquals(28, r.days());
    assertFalse(r.isEmpty());
    assertTrue(r.contains(d("2011-02-01")));
    assertTrue(r.contains(d("2011-02-28")));
    assertFalse(r.contains(d("2011-03-01")));
  }

  @Test
  void endOnOrBeforeStartIsEmpty() {
    DateRange same = DateRange.of(d("2011-03-01"), d("2011-03-01"));
    DateRange backwards = DateRange.of(d("2011-03-10"), d("2011-03-01"));
    assertEquals(0, same.days());
    assertEquals(0, backwards.days());
    assertTrue(backwards.isEmpty());
    assertEquals(0, backwards.weekdays());
    // all empty ranges are equal
    assertEquals(same, backwards);
    assertEquals(same.hashCode(), backwards.hashCode());
    assertEquals(DateRange.of(d("2000-01-01"), d("1999-01-01")), same);
  }

  @Test
  void month() {
    // February 2012 is a leap month: 29 days
    assertEquals(DateRange.of(d("2012-02-01"), d("2012-03-01")), DateRange.month(YearMonth.of(2012, 2)));
    assertEquals(29, DateRange.month(YearMonth.of(2012, 2)).days());
    // December runs to the first day of the next year: 31 days
    DateRange dec = DateRange.month(YearMonth.of(2011, 12));
    assertEquals(d("2011-12-01"), dec.start());
    assertEquals(d("2012-01-01"), dec.endExclusive());
    assertEquals(31, dec.days());
  }

  @Test
  void intersectAndOverlap() {
    DateRange c = DateRange.of(d("2011-02-15"), d("2011-03-17"));
    DateRange w = DateRange.of(d("2011-02-01"), d("2011-03-10"));
    // [max(Feb15, Feb1), min(Mar17, Mar10)) = [Feb15, Mar10): 14 (Feb 15..28) + 9 (Mar 1..9) = 23
    assertEquals(DateRange.of(d("2011-02-15"), d("2011-03-10")), c.intersect(w));
    assertEquals(23, c.overlapDays(w));
    assertEquals(23, w.overlapDays(c));
    assertTrue(c.overlaps(w));
  }

  @Test
  void adjacentAndDisjointRangesDoNotOverlap() {
    DateRange feb = DateRange.month(YearMonth.of(2011, 2));
    DateRange mar = DateRange.month(YearMonth.of(2011, 3));
    // half-open: Feb ends where March starts, no common day
    assertEquals(0, feb.overlapDays(mar));
    assertTrue(feb.intersect(mar).isEmpty());
    assertFalse(feb.overlaps(mar));
    DateRange jan = DateRange.month(YearMonth.of(2011, 1));
    assertEquals(0, jan.overlapDays(mar));
    assertEquals(0, mar.overlapDays(jan));
  }

  @Test
  void weekdaysAcrossAWeekend() {
    // 2011-01-07 is a Friday: [Fri 7, Tue 11) = Fri, Sat, Sun, Mon -> 2 weekdays (Fri, Mon)
    assertEquals(DayOfWeek.FRIDAY, d("2011-01-07").getDayOfWeek());
    DateRange r = DateRange.of(d("2011-01-07"), d("2011-01-11"));
    assertEquals(4, r.days());
    assertEquals(2, r.weekdays());
  }

  @Test
  void weekdaysOfAWeekendOnly() {
    // [Sat 2011-01-08, Mon 2011-01-10) = Sat, Sun -> 0
    assertEquals(0, DateRange.of(d("2011-01-08"), d("2011-01-10")).weekdays());
  }

  @Test
  void weekdaysOfLongerRanges() {
    // February 2011: 28 days = 4 full weeks -> 4 x 5 = 20
    assertEquals(20, DateRange.month(YearMonth.of(2011, 2)).weekdays());
    // year 2011: 365 days = 52 weeks (260 weekdays) + 1 day, 2011-12-31 a Saturday -> 260
    assertEquals(260, DateRange.of(d("2011-01-01"), d("2012-01-01")).weekdays());
    // [Mon 2011-01-10, Sat 2011-03-05): 54 days = 7 weeks (35) + Mon..Fri Feb 28..Mar 4 (5) -> 40
    assertEquals(40, DateRange.of(d("2011-01-10"), d("2011-03-05")).weekdays());
  }

  @Test
  void weekdaysAgreesWithDayByDayCount() {
    LocalDate base = d("2011-01-01");
    for (int s = 0; s < 14; s++) {
      for (int len = 0; len < 40; len++) {
        LocalDate start = base.plusDays(s);
        long expected = 0;
        for (int i = 0; i < len; i++) {
          DayOfWeek w = start.plusDays(i).getDayOfWeek();
          if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
            expected++;
          }
        }
        assertEquals(expected, DateRange.of(start, start.plusDays(len)).weekdays(), start + "+" + len);
      }
    }
  }

  @Test
  void monthsTouched() {
    // [2011-01-22, 2011-03-10) touches January, February and March
    assertEquals(
        List.of(YearMonth.of(2011, 1), YearMonth.of(2011, 2), YearMonth.of(2011, 3)),
        DateRange.of(d("2011-01-22"), d("2011-03-10")).months());
    // [Feb 1, Mar 1) is February only: March 1 is excluded
    assertEquals(List.of(YearMonth.of(2011, 2)), DateRange.month(YearMonth.of(2011, 2)).months());
    assertEquals(List.of(), DateRange.of(d("2011-02-01"), d("2011-02-01")).months());
  }

  @Test
  void valueSemantics() throws Exception {
    DateRange r = DateRange.of(d("2011-02-01"), d("2011-03-10"));
    assertEquals(r, DateRange.of(d("2011-02-01"), d("2011-03-10")));
    assertEquals(r.hashCode(), DateRange.of(d("2011-02-01"), d("2011-03-10")).hashCode());
    assertFalse(r.equals(DateRange.of(d("2011-02-01"), d("2011-03-11"))));
    assertEquals("[2011-02-01, 2011-03-10)", r.toString());
    assertEquals(r, Fixtures.roundTrip(r));
  }
}
