package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

/** Packed partial sums: every partial comes back once, added by key, whatever the batching. */
class PartialBatchesTest {
  private static SummarisePayments.PartialKey gapKey(int i) {
    return new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_PAYER,
        CellKey.of(YearMonth.of(2011, 1 + i % 12), String.format("%04d", 100 + i % 290))
            .withPerson(String.format("%064x", i)));
  }

  @Test
  void manyPartialsFillSeveralBatchesAndAddUpByKey() {
    PartialBatches packer = new PartialBatches();
    List<KV<Long, byte[]>> batches = new ArrayList<>();
    int keys = 100_000; // about 110 bytes each, twice: 22 MB, more than one batch per bucket
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < keys; i++) {
        packer.add(gapKey(i), SummarisePayments.Partial.of(new BigDecimal(i + ".0" + round)), batches::add);
      }
    }
    packer.flush(batches::add);
    assertTrue(batches.size() > PartialBatches.BUCKETS, "batches: " + batches.size());
    Map<SummarisePayments.PartialKey, SummarisePayments.Partial> sums = new HashMap<>();
    for (KV<Long, byte[]> b : batches) {
      assertTrue(b.getKey() >= 0 && b.getKey() < PartialBatches.BUCKETS);
      PartialBatches.addAll(b.getValue(), sums);
    }
    assertEquals(keys, sums.size());
    for (int i = 0; i < keys; i++) {
      // i.00 + i.01, exactly
      assertEquals(0, new BigDecimal(2 * i + ".01").compareTo(sums.get(gapKey(i)).amount), "key " + i);
    }
  }

  @Test
  void aKeysBucketDependsOnItsValuesOnly() {
    for (int i = 0; i < 1000; i++) {
      assertEquals(PartialBatches.bucket(gapKey(i)), PartialBatches.bucket(gapKey(i)));
    }
    SummarisePayments.PartialKey a = SummarisePayments.PartialKey.income(CellKey.of(YearMonth.of(2011, 3), "0180"));
    SummarisePayments.PartialKey b = SummarisePayments.PartialKey.income(CellKey.of(YearMonth.of(2011, 3), "0180"));
    assertEquals(PartialBatches.bucket(a), PartialBatches.bucket(b));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SummarisePayments.PartialKey
        .income(CellKey.of(YearMonth.of(2011, 3), "0180", se.glappet.records.ReasonCode.values()[1])));
  }
}
