package se.glappet.figures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.KV;

/**
 * The gap candidates ({@link CandidatePayment}) packed into byte batches under a key of their own,
 * {@link #KEY}, so that they travel in the same collection as the partial-sum batches
 * ({@link PartialBatches}, keys 0 and up). On Flink's batch engine each output of a step is written
 * and read once for every output the step has: the payments' reading has two outputs instead of
 * three, and a third less of its output is written and decoded. {@code ApportionGapSupport} takes
 * the candidate batches out again before the partials are grouped.
 */
final class CandidateBatches {
  /** The key of a batch of candidates: below every bucket of partial sums. */
  static final long KEY = -1;
  private static final CandidatePayment.CandidateCoder CODER = CandidatePayment.CandidateCoder.of();

  private ByteArrayOutputStream batch;

  /** Packs one candidate; a full batch goes to {@code out}. */
  void add(CandidatePayment c, Consumer<KV<Long, byte[]>> out) {
    if (batch == null) {
      batch = new ByteArrayOutputStream(PartialBatches.BATCH_BYTES + 1024);
    }
    try {
      CODER.encode(c, batch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (batch.size() >= PartialBatches.BATCH_BYTES) {
      flush(out);
    }
  }

  /** Emits the batch not yet full, if any. */
  void flush(Consumer<KV<Long, byte[]>> out) {
    if (batch != null) {
      out.accept(KV.of(KEY, batch.toByteArray()));
      batch = null;
    }
  }

  /** Whether an element of the collection is a batch of candidates (else partial sums). */
  static boolean isCandidates(KV<Long, byte[]> element) {
    return element.getKey() == KEY;
  }

  /** Decodes a batch's candidates in the order they were added; {@code batch} is not changed. */
  static void forEach(byte[] batch, Consumer<CandidatePayment> each) {
    ByteArrayInputStream in = new ByteArrayInputStream(batch);
    try {
      while (in.available() > 0) {
        each.accept(CODER.decode(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
