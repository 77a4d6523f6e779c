package se.glappet.figures;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.KV;

/**
 * Partial gap cells added by key within one bundle of a step, so that the step emits one partial
 * cell per key and bundle instead of one per person. The per-person parts of a national year number
 * in the hundreds of thousands, the municipality-months in the thousands; every element that
 * crosses a step costs an encoding and a decoding for each step that reads it (on Flink's batch
 * engine, once for each output of a step with several). Adding is exact and in any order, so the
 * sums after the final grouping are the same.
 */
final class CellSums {
  private Map<CellKey, GapCell> sums = new HashMap<>();

  /** Adds {@code part} (not modified) into the sum of {@code key}. */
  void add(CellKey key, GapCell part) {
    GapCell.addInto(sumOf(key), part);
  }

  /**
   * The sum of {@code key}, to add into directly (an empty cell when there is none yet): for a
   * caller that would otherwise build a part only to add it.
   */
  GapCell sumOf(CellKey key) {
    GapCell sum = sums.get(key);
    if (sum == null) {
      sum = new GapCell();
      sums.put(key, sum);
    }
    return sum;
  }

  /** Emits every sum once and starts afresh; emitted cells are not touched again. */
  void emit(Consumer<KV<CellKey, GapCell>> out) {
    Map<CellKey, GapCell> done = sums;
    sums = new HashMap<>();
    done.forEach((k, v) -> out.accept(KV.of(k, v)));
  }

  int size() {
    return sums.size();
  }
}
