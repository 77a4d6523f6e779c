package se.glappet.gap;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A half-open interval of days {@code [start, endExclusive)} (contract section 3: "an interval
 * [a, b) includes a and excludes b").
 *
 * <p>A range whose end is on or before its start is <em>empty</em>: it has zero days. Empty ranges
 * are normalised on construction (the end is set to the start) and all empty ranges are equal to
 * each other, so {@code intersect} of two disjoint ranges equals {@code DateRange.of(d, d)} for any
 * d.
 */
public final class DateRange implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LocalDate start;
  private final LocalDate endExclusive;

  private DateRange(LocalDate start, LocalDate endExclusive) {
    this.start = start;
    this.endExclusive = endExclusive;
  }

  /** {@code [start, endExclusive)}; empty (zero days) when {@code endExclusive <= start}. */
  public static DateRange of(LocalDate start, LocalDate endExclusive) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(endExclusive, "endExclusive");
    return new DateRange(start, endExclusive.isAfter(start) ? endExclusive : start);
  }

  /** Month t as in the contract: from its first day to the first day of the next month. */
  public static DateRange month(YearMonth m) {
    return new DateRange(m.atDay(1), m.plusMonths(1).atDay(1));
  }

  /** First day (for an empty range: the normalised position, with no meaning). */
  public LocalDate start() {
    return start;
  }

  /** First day after the range (equals {@link #start()} for an empty range). */
  public LocalDate endExclusive() {
    return endExclusive;
  }

  /** Number of days in the range; 0 when empty. */
  public long days() {
    return ChronoUnit.DAYS.between(start, endExclusive);
  }

  public boolean isEmpty() {
    return days() == 0;
  }

  /** True when the day lies in the range. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(endExclusive);
  }

  /** The days in both ranges (possibly empty). */
  public DateRange intersect(DateRange o) {
    LocalDate s = start.isAfter(o.start) ? start : o.start;
    LocalDate e = endExclusive.isBefore(o.endExclusive) ? endExclusive : o.endExclusive;
    return of(s, e);
  }

  /** {@code |this ∩ o|}, the number of days in both ranges. */
  public long overlapDays(DateRange o) {
    return intersect(o).days();
  }

  /** True when the two ranges share at least one day. */
  public boolean overlaps(DateRange o) {
    return overlapDays(o) > 0;
  }

  /** Number of Monday–Friday days in the range (public holidays are not considered). */
  public long weekdays() {
    long days = days();
    long result = (days / 7) * 5; // every full week holds exactly five weekdays
    LocalDate d = start.plusDays((days / 7) * 7);
    for (long i = 0; i < days % 7; i++, d = d.plusDays(1)) {
      DayOfWeek w = d.getDayOfWeek();
      if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
        result++;
      }
    }
    return result;
  }

  /** The months that share at least one day with the range, in order; empty when the range is. */
  public List<YearMonth> months() {
    if (isEmpty()) {
      return Collections.emptyList();
    }
    List<YearMonth> out = new ArrayList<>();
    YearMonth last = YearMonth.from(endExclusive.minusDays(1));
    for (YearMonth m = YearMonth.from(start); !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DateRange)) {
      return false;
    }
    DateRange r = (DateRange) o;
    if (isEmpty() || r.isEmpty()) {
      return isEmpty() && r.isEmpty();
    }
    return start.equals(r.start) && endExclusive.equals(r.endExclusive);
  }

  @Override
  public int hashCode() {
    return isEmpty() ? 0 : Objects.hash(start, endExclusive);
  }

  @Override
  public String toString() {
    return isEmpty() ? "[empty)" : "[" + start + ", " + endExclusive + ")";
  }
}
