package se.glappet.gap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Medians and 90th percentiles (contract section 3.3).
 *
 * <p>The methods take {@code List<? extends Number>} so that the same {@code median} and {@code
 * p90} accept both {@code List<Integer>} (day counts) and {@code List<Double>} (KPI values): two
 * overloads {@code median(List<Integer>)} and {@code median(List<Double>)} cannot coexist in Java
 * (same erasure). Values are compared and averaged as doubles, which is exact for int day counts.
 * Null elements are not allowed.
 */
public final class Stats {
  private Stats() {}

  /**
   * The middle value after sorting, or the mean of the two middle values when n is even; null when
   * there are no values. The input list is not modified.
   */
  public static Double median(List<? extends Number> values) {
    List<Double> s = sorted(values);
    int n = s.size();
    if (n == 0) {
      return null;
    }
    if (n % 2 == 1) {
      return s.get(n / 2);
    }
    return (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  /**
   * 90th percentile by nearest rank: the value at 1-based position ⌈0.9 × n⌉ of the sorted values,
   * with the ceiling computed in integers as {@code (9n + 9) / 10}; null when there are no values.
   */
  public static Double p90(List<? extends Number> values) {
    List<Double> s = sorted(values);
    int n = s.size();
    if (n == 0) {
      return null;
    }
    return s.get(nearestRank90(n) - 1);
  }

  /** ⌈0.9 × n⌉ for n ≥ 1, in integer arithmetic. */
  public static int nearestRank90(int n) {
    return (int) ((9L * n + 9) / 10);
  }

  private static List<Double> sorted(List<? extends Number> values) {
    List<Double> s = new ArrayList<>(values.size());
    for (Number v : values) {
      s.add(Objects.requireNonNull(v, "null value").doubleValue());
    }
    s.sort(Comparator.naturalOrder());
    return s;
  }
}
