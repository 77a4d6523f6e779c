package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.values.KV;

/**
 * What the first reading of a file finds, one element per data line and one per file: a row that
 * passed the per-row checks ({@link RowFingerprint}), a rejected row, or the file's description.
 * They travel together through the duplicate check's one shuffle, keyed by a long: a row by the
 * digest of its dataset and contract key ({@link RowFingerprint#keyHigh}), so rows sharing a key
 * meet; a rejected row or a file description by its file and line, and passes through unchanged
 * (should such a key meet rows, the rule still sees only the rows). One output instead of three
 * keeps the first reading fused with the shuffle on Flink (a multi-output step there sends every
 * element to every output's reader).
 */
public final class Finding {
  enum Kind {
    ROW, REJECTED, FILE
  }

  final Kind kind;
  final RowFingerprint row;
  final RejectedRow rejected;
  final FileInfo file;

  private Finding(Kind kind, RowFingerprint row, RejectedRow rejected, FileInfo file) {
    this.kind = kind;
    this.row = row;
    this.rejected = rejected;
    this.file = file;
  }

  static KV<Long, Finding> row(RowFingerprint row) {
    return KV.of(row.keyHigh, new Finding(Kind.ROW, row, null, null));
  }

  static KV<Long, Finding> rejected(int file, RejectedRow r) {
    return KV.of((long) file << 32 | r.line, new Finding(Kind.REJECTED, null, r, null));
  }

  /** Line 0 is no data line. */
  static KV<Long, Finding> file(int file, FileInfo info) {
    return KV.of((long) file << 32, new Finding(Kind.FILE, null, null, info));
  }

  /** A compact coder: a kind byte, then the one payload. */
  public static final class FindingCoder extends AtomicCoder<Finding> {
    private static final long serialVersionUID = 1L;
    private static final RowFingerprint.FingerprintCoder ROW = RowFingerprint.FingerprintCoder.of();
    private static final RejectedRow.RejectCoder REJECTED = RejectedRow.RejectCoder.of();
    private static final SerializableCoder<FileInfo> FILE = SerializableCoder.of(FileInfo.class);

    public static FindingCoder of() {
      return new FindingCoder();
    }

    @Override
    public void encode(Finding f, OutputStream out) throws IOException {
      out.write(f.kind.ordinal());
      switch (f.kind) {
        case ROW:
          ROW.encode(f.row, out);
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
        case ROW:
          return new Finding(kind, ROW.decode(in), null, null);
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
