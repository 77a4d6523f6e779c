package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.values.KV;

/**
 * What the first reading of files finds: a batch of fingerprints of rows that passed the per-row
 * checks ({@link RowFingerprint}), a rejected row, or a file's description. They travel together
 * through the duplicate check's one shuffle, keyed by a long: a batch by its bucket (rows are put
 * in {@link #BUCKETS} buckets by their key digest, so rows sharing a key meet in one bucket), a
 * rejected row or a file description by its file and line, and these pass through unchanged.
 *
 * <p>Batches, not single fingerprints: a national year has 2.5 million rows, and on Flink every
 * shuffled element costs far more than its 50 bytes (wrapping, key extraction, sorting). A few
 * hundred batches of packed fingerprints cost almost nothing to shuffle; the rule then groups a
 * bucket's fingerprints by key in memory (about 20 000 per bucket for a national year).
 */
public final class Finding {
  /** Buckets of fingerprints; a power of two. */
  static final int BUCKETS = 128;

  enum Kind {
    ROWS, REJECTED, FILE
  }

  final Kind kind;
  /** Encoded fingerprints ({@link RowFingerprint.FingerprintCoder}), one after the other. */
  final byte[] rows;
  final RejectedRow rejected;
  final FileInfo file;

  private Finding(Kind kind, byte[] rows, RejectedRow rejected, FileInfo file) {
    this.kind = kind;
    this.rows = rows;
    this.rejected = rejected;
    this.file = file;
  }

  /** The coder of keyed findings, as every first reading emits them. */
  public static KvCoder<Long, Finding> keyedCoder() {
    return KvCoder.of(BigEndianLongCoder.of(), FindingCoder.of());
  }

  /** The bucket of a row: the top bits of its key digest. */
  static int bucket(RowFingerprint row) {
    return (int) (row.keyHigh >>> (64 - Integer.numberOfTrailingZeros(BUCKETS)));
  }

  static KV<Long, Finding> rows(int bucket, byte[] encodedFingerprints) {
    return KV.of((long) bucket, new Finding(Kind.ROWS, encodedFingerprints, null, null));
  }

  /** Keys above every bucket. */
  static KV<Long, Finding> rejected(int file, RejectedRow r) {
    return KV.of(BUCKETS + ((long) file << 32 | r.line), new Finding(Kind.REJECTED, null, r, null));
  }

  /** Line 0 is no data line. */
  static KV<Long, Finding> file(int file, FileInfo info) {
    return KV.of(BUCKETS + ((long) file << 32), new Finding(Kind.FILE, null, null, info));
  }

  /** The fingerprints of a batch. */
  java.util.List<RowFingerprint> fingerprints() throws IOException {
    java.util.List<RowFingerprint> out = new java.util.ArrayList<>(rows.length / 40);
    PackedBytes.Reader in = new PackedBytes.Reader(rows);
    while (in.hasMore()) {
      out.add(RowFingerprint.readFrom(in));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Finding)) {
      return false;
    }
    Finding f = (Finding) o;
    return kind == f.kind && java.util.Arrays.equals(rows, f.rows) && java.util.Objects.equals(rejected, f.rejected)
        && java.util.Objects.equals(file, f.file);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + java.util.Arrays.hashCode(rows);
  }

  /** A compact coder: a kind byte, then the one payload. */
  public static final class FindingCoder extends AtomicCoder<Finding> {
    private static final long serialVersionUID = 1L;
    private static final ByteArrayCoder ROWS = ByteArrayCoder.of();
    private static final RejectedRow.RejectCoder REJECTED = RejectedRow.RejectCoder.of();
    private static final FileInfo.FileInfoCoder FILE = FileInfo.FileInfoCoder.of();

    public static FindingCoder of() {
      return new FindingCoder();
    }

    @Override
    public void encode(Finding f, OutputStream out) throws IOException {
      out.write(f.kind.ordinal());
      switch (f.kind) {
        case ROWS:
          ROWS.encode(f.rows, out);
          break;
        case REJECTED:
          REJECTED.encode(f.rejected, out);
          break;
        default:
          FILE.encode(f.file, out);
      }
    }

    @Override
    public Finding decode(InputStream in) throws IOException {
      Kind kind = Kind.values()[in.read()];
      switch (kind) {
        case ROWS:
          return new Finding(kind, ROWS.decode(in), null, null);
        case REJECTED:
          return new Finding(kind, null, REJECTED.decode(in), null);
        default:
          return new Finding(kind, null, null, FILE.decode(in));
      }
    }

    @Override
    public void verifyDeterministic() {}
  }
}
