package se.glappet.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 3.3. */
class StatsTest {

  @Test
  void oddCount() {
    // sorted [1, 2, 3]: median = 2nd = 2; p90 rank ceil(2.7) = 3 -> 3
    assertEquals(2.0, Stats.median(List.of(3, 1, 2)));
    assertEquals(3.0, Stats.p90(List.of(3, 1, 2)));
  }

  @Test
  void evenCount() {
    // sorted [1, 2, 3, 4]: median = (2 + 3) / 2 = 2.5; p90 rank ceil(3.6) = 4 -> 4
    assertEquals(2.5, Stats.median(List.of(4, 1, 3, 2)));
    assertEquals(4.0, Stats.p90(List.of(4, 1, 3, 2)));
  }

  @Test
  void tenValues() {
    List<Integer> v = List.of(70, 10, 100, 40, 90, 20, 60, 30, 80, 50);
    // rank ceil(0.9 x 10) = 9 -> 9th of [10..100] = 90
    assertEquals(90.0, Stats.p90(v));
    // (50 + 60) / 2 = 55
    assertEquals(55.0, Stats.median(v));
  }

  @Test
  void moreRanks() {
    List<Integer> eleven = new ArrayList<>();
    for (int i = 11; i >= 1; i--) {
      eleven.add(i);
    }
    // n = 11: ceil(9.9) = 10 -> 10; median = 6th = 6
    assertEquals(10.0, Stats.p90(eleven));
    assertEquals(6.0, Stats.median(eleven));
    List<Integer> twenty = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      twenty.add(i);
    }
    // n = 20: ceil(18) = 18 -> 18
    assertEquals(18.0, Stats.p90(twenty));
    // single value
    assertEquals(7.0, Stats.median(List.of(7)));
    assertEquals(7.0, Stats.p90(List.of(7)));
    // ties are kept: [5, 5, 9] -> median 5
    assertEquals(5.0, Stats.median(List.of(9, 5, 5)));
  }

  @Test
  void nearestRankInIntegers() {
    // ceil(0.9n) for n = 1, 3, 4, 9, 10, 11, 19, 20, 21
    int[][] cases = {{1, 1}, {3, 3}, {4, 4}, {9, 9}, {10, 9}, {11, 10}, {19, 18}, {20, 18}, {21, 19}};
    for (int[] c : cases) {
      assertEquals(c[1], Stats.nearestRank90(c[0]), "n=" + c[0]);
    }
    for (int n = 1; n <= 1000; n++) {
      assertEquals((int) Math.ceil(n * 9 / 10.0 - 1e-9), Stats.nearestRank90(n), "n=" + n);
    }
  }

  @Test
  void emptyIsNull() {
    assertNull(Stats.median(List.of()));
    assertNull(Stats.p90(List.of()));
  }

  @Test
  void doubles() {
    // sorted [0.5, 1.5, 2.5] -> 1.5; [1.0, 2.0] -> 1.5
    assertEquals(1.5, Stats.median(List.of(2.5, 0.5, 1.5)));
    assertEquals(1.5, Stats.median(List.of(2.0, 1.0)));
    // ten values 0.1..1.0: rank 9 -> 0.9
    assertEquals(0.9, Stats.p90(List.of(1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1)));
  }

  @Test
  void inputIsNotModifiedAndNullsAreRefused() {
    List<Integer> v = new ArrayList<>(List.of(3, 1, 2));
    Stats.median(v);
    Stats.p90(v);
    assertEquals(List.of(3, 1, 2), v);
    assertThrows(NullPointerException.class, () -> Stats.median(Arrays.asList(1, null)));
  }
}
