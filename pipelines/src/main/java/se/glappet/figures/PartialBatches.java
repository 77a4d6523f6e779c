package se.glappet.figures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.KV;

/**
 * Partial sums packed into byte batches, one stream per bucket of their key, as the fingerprints
 * are ({@code ingest.Finding}). A national year's income-support partials hold millions of
 * household entries; as single elements, Flink's batch engine encoded and decoded each of them
 * several times (once per reader of a step with several outputs, again in the sort of the
 * shuffle). Packed, they are encoded once where they are made and decoded once where they are
 * added ({@link #addAll}); in between they are copied as bytes, and the shuffle sorts a few hundred
 * batches. The bucket ({@link #bucket}) is the same in every JVM.
 */
final class PartialBatches {
  static final int BUCKETS = 64;
  static final int BATCH_BYTES = 256 * 1024;
  /** A bucket and a batch of (key, partial) pairs, one after the other. */
  static final KvCoder<Long, byte[]> CODER = KvCoder.of(VarLongCoder.of(), ByteArrayCoder.of());
  private static final SummarisePayments.PartialKeyCoder KEY = SummarisePayments.PartialKeyCoder.of();
  private static final SummarisePayments.PartialCoder PARTIAL = SummarisePayments.PartialCoder.of();

  private final ByteArrayOutputStream[] buckets = new ByteArrayOutputStream[BUCKETS];

  /** Packs one partial; a full batch goes to {@code out}. */
  void add(SummarisePayments.PartialKey k, SummarisePayments.Partial p, Consumer<KV<Long, byte[]>> out) {
    try {
      int b = bucket(k);
      if (buckets[b] == null) {
        buckets[b] = new ByteArrayOutputStream(BATCH_BYTES + 1024);
      }
      KEY.encode(k, buckets[b]);
      PARTIAL.encode(p, buckets[b]);
      if (buckets[b].size() >= BATCH_BYTES) {
        out.accept(KV.of((long) b, buckets[b].toByteArray()));
        buckets[b] = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bucket of a key, from values whose hash is the same in every JVM (ordinals, numbers and
   * {@link String#hashCode}, never an enum's identity hash).
   */
  static int bucket(SummarisePayments.PartialKey k) {
    CellKey c = k.cell;
    int h = k.part.ordinal();
    h = h * 31 + (c.period == null ? -1 : c.period.getYear() * 12 + c.period.getMonthValue());
    h = h * 31 + (c.municipality == null ? 0 : c.municipality.hashCode());
    h = h * 31 + (c.reason == null ? -1 : c.reason.ordinal());
    h = h * 31 + (c.person == null ? 0 : c.person.hashCode());
    return Math.floorMod(h * 0x9E3779B9, BUCKETS);
  }

  /** Emits the batches not yet full. */
  void flush(Consumer<KV<Long, byte[]>> out) {
    for (int b = 0; b < BUCKETS; b++) {
      if (buckets[b] != null) {
        out.accept(KV.of((long) b, buckets[b].toByteArray()));
        buckets[b] = null;
      }
    }
  }

  /** Decodes a batch and adds each partial into {@code sums} by key; {@code batch} is not changed. */
  static void addAll(byte[] batch, Map<SummarisePayments.PartialKey, SummarisePayments.Partial> sums) {
    ByteArrayInputStream in = new ByteArrayInputStream(batch);
    try {
      while (in.available() > 0) {
        SummarisePayments.PartialKey k = KEY.decode(in);
        SummarisePayments.Partial p = PARTIAL.decode(in);
        SummarisePayments.Partial sum = sums.get(k);
        if (sum == null) {
          sums.put(k, p.owned());
        } else {
          sum.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
