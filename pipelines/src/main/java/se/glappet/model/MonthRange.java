package se.glappet.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The months published, {@code [from, to]}, and the observation end {@code obs_end} = the first day
 * after {@code to}. Empty when there is nothing to publish.
 */
public final class MonthRange implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final MonthRange EMPTY = new MonthRange(null, null);

  public final YearMonth from;
  public final YearMonth to;

  public MonthRange(YearMonth from, YearMonth to) {
    this.from = from;
    this.to = to;
  }

  public boolean isEmpty() {
    return from == null || to == null || from.isAfter(to);
  }

  public LocalDate obsEnd() {
    return to.plusMonths(1).atDay(1);
  }

  public boolean contains(YearMonth m) {
    return !isEmpty() && !m.isBefore(from) && !m.isAfter(to);
  }

  public List<YearMonth> months() {
    List<YearMonth> out = new ArrayList<>();
    if (!isEmpty()) {
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        out.add(m);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MonthRange && Objects.equals(from, ((MonthRange) o).from)
        && Objects.equals(to, ((MonthRange) o).to);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to);
  }

  @Override
  public String toString() {
    return isEmpty() ? "(empty)" : from + ".." + to;
  }
}
