package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import se.glappet.records.Payment;
import se.glappet.records.ReasonCode;

/** Gap candidates packed into batches that travel with the partial sums, and unpacked again. */
class CandidateBatchesTest {
  private static CandidatePayment candidate(int file, int line, String amount) {
    Payment p = new Payment("0127", "P-" + line, "a".repeat(64), "b".repeat(63) + (line % 10),
        LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 1), LocalDate.of(2011, 1, 31), new BigDecimal(amount),
        ReasonCode.WAITING_PLAN, 1, 2);
    return new CandidatePayment(file, line, p);
  }

  @Test
  void everyCandidateComesBackOnceInOrderUnderItsOwnKey() {
    CandidateBatches batches = new CandidateBatches();
    List<KV<Long, byte[]>> out = new ArrayList<>();
    List<CandidatePayment> in = new ArrayList<>();
    // Enough candidates for several full batches, then a partly filled last one.
    for (int i = 0; i < 20_000; i++) {
      CandidatePayment c = candidate(i % 7, i + 2, i % 2 == 0 ? "1234.50" : "-0.05");
      in.add(c);
      batches.add(c, out::add);
    }
    int full = out.size();
    assertTrue(full >= 2, "full batches before the flush: " + full);
    batches.flush(out::add);
    assertEquals(full + 1, out.size());
    batches.flush(out::add); // nothing left: nothing more
    assertEquals(full + 1, out.size());

    List<CandidatePayment> back = new ArrayList<>();
    for (KV<Long, byte[]> b : out) {
      assertEquals(CandidateBatches.KEY, b.getKey());
      assertTrue(CandidateBatches.isCandidates(b));
      CandidateBatches.forEach(b.getValue(), back::add);
    }
    assertEquals(in, back);
  }

  @Test
  void partialSumBatchesAreNotCandidates() {
    PartialBatches partials = new PartialBatches();
    List<KV<Long, byte[]>> out = new ArrayList<>();
    partials.add(new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_PAYER,
        CellKey.of(java.time.YearMonth.of(2011, 1), "0127").withPerson("ab")),
        SummarisePayments.Partial.of(BigDecimal.TEN), out::add);
    partials.flush(out::add);
    assertEquals(1, out.size());
    assertFalse(CandidateBatches.isCandidates(out.get(0)));
    for (long bucket = 0; bucket < PartialBatches.BUCKETS; bucket++) {
      assertFalse(CandidateBatches.isCandidates(KV.of(bucket, new byte[0])));
    }
  }
}
