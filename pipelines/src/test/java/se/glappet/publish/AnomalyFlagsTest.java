package se.glappet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AnomalyFlagsTest {
  static TreeMap<YearMonth, double[]> series(double... paymentsThenAmounts) {
    TreeMap<YearMonth, double[]> s = new TreeMap<>();
    for (int i = 0; i < paymentsThenAmounts.length; i += 2) {
      s.put(YearMonth.of(2011, 1).plusMonths(i / 2), new double[] {paymentsThenAmounts[i], paymentsThenAmounts[i + 1]});
    }
    return s;
  }

  @Test
  void aMonthWithLessThanHalfThePaymentsIsFlagged() {
    // Jan–May: 100, 110, 90, 100, 105 payments (median of the five = 100); June: 40 payments.
    Map<String, TreeMap<YearMonth, double[]>> h = Map.of("0127",
        series(100, 1e6, 110, 1.1e6, 90, 0.9e6, 100, 1e6, 105, 1.05e6, 40, 0.4e6));
    List<AnomalyFlags.Flag> flags = AnomalyFlags.judge(h, List.of(YearMonth.of(2011, 6)));
    assertEquals(2, flags.size(), flags.toString());
    assertEquals("payments", flags.get(0).measure);
    assertEquals(100.0, flags.get(0).baseline);
    assertTrue(flags.get(0).toString().contains("missing or partial file"));
    assertEquals("amount_sek", flags.get(1).measure);
  }

  @Test
  void ordinaryVariationIsNotFlagged() {
    Map<String, TreeMap<YearMonth, double[]>> h = Map.of("0127",
        series(100, 1e6, 110, 1.1e6, 90, 0.9e6, 100, 1e6, 105, 1.05e6, 60, 1.9e6));
    assertEquals(List.of(), AnomalyFlags.judge(h, List.of(YearMonth.of(2011, 6))).stream()
        .map(Object::toString).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void fewerThanFourMonthsOfHistoryIsAColdStart() {
    Map<String, TreeMap<YearMonth, double[]>> h = Map.of("0127", series(100, 1e6, 110, 1.1e6, 90, 0.9e6, 10, 1e5));
    List<AnomalyFlags.Flag> flags = AnomalyFlags.judge(h, List.of(YearMonth.of(2011, 4)));
    assertEquals(1, flags.size());
    assertTrue(flags.get(0).coldStart());
    // With four months before, the fifth is judged.
    h = Map.of("0127", series(100, 1e6, 110, 1.1e6, 90, 0.9e6, 100, 1e6, 10, 1e5));
    flags = AnomalyFlags.judge(h, List.of(YearMonth.of(2011, 5)));
    assertEquals(2, flags.size());
    assertEquals(100.0, flags.get(0).baseline); // median of 90, 100, 100, 110
  }

  @Test
  void aMonthWithNoPaymentsAfterMonthsWithPaymentsIsFlagged() {
    TreeMap<YearMonth, double[]> s = series(100, 1e6, 110, 1.1e6, 90, 0.9e6, 100, 1e6);
    List<AnomalyFlags.Flag> flags = AnomalyFlags.judge(Map.of("0127", s), List.of(YearMonth.of(2011, 5)));
    assertEquals(1, flags.size());
    assertEquals(0.0, flags.get(0).value);
    assertTrue(flags.get(0).toString().contains("no payments at all"), flags.get(0).toString());
  }

  @Test
  void suppressedMonthsAreNeitherFlaggedNorUsedAsBaseline() {
    TreeMap<YearMonth, double[]> s = series(100, 1e6, 110, 1.1e6, 90, 0.9e6, 100, 1e6);
    s.put(YearMonth.of(2011, 5), new double[] {Double.NaN, Double.NaN});
    assertEquals(List.of(), AnomalyFlags.judge(Map.of("0127", s), List.of(YearMonth.of(2011, 5))));
  }
}
