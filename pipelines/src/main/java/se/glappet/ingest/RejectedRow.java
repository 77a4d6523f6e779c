package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * A rejected row as reported (contract section 2.7): dataset folder, file relative to the input
 * folder, physical line, reason, column, message and raw line, with identity-number-like digit
 * runs masked.
 */
@DefaultCoder(RejectedRow.RejectCoder.class)
public final class RejectedRow implements Serializable {
  private static final long serialVersionUID = 1L;

  public final String dataset;
  public final String file;
  public final int line;
  public final RejectReason reason;
  /** Null when the reason is not about one column. */
  public final String column;
  public final String message;
  public final String rawLine;

  public RejectedRow(String dataset, String file, int line, RejectReason reason, String column,
      String message, String rawLine) {
    this.dataset = dataset;
    this.file = file;
    this.line = line;
    this.reason = reason;
    this.column = column;
    this.message = message;
    this.rawLine = rawLine;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RejectedRow)) {
      return false;
    }
    RejectedRow r = (RejectedRow) o;
    return dataset.equals(r.dataset) && file.equals(r.file) && line == r.line && reason == r.reason
        && Objects.equals(column, r.column) && message.equals(r.message) && rawLine.equals(r.rawLine);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataset, file, line, reason);
  }

  @Override
  public String toString() {
    return dataset + "/" + file + ":" + line + " " + reason + (column == null ? "" : "(" + column + ")");
  }

  /** Coder for rejected rows. */
  public static final class RejectCoder extends AtomicCoder<RejectedRow> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder S = StringUtf8Coder.of();
    private static final NullableCoder<String> N = NullableCoder.of(StringUtf8Coder.of());
    private static final VarIntCoder I = VarIntCoder.of();

    public static RejectCoder of() {
      return new RejectCoder();
    }

    @Override
    public void encode(RejectedRow r, OutputStream out) throws IOException {
      S.encode(r.dataset, out);
      S.encode(r.file, out);
      I.encode(r.line, out);
      I.encode(r.reason.ordinal(), out);
      N.encode(r.column, out);
      S.encode(r.message, out);
      S.encode(r.rawLine, out);
    }

    @Override
    public RejectedRow decode(InputStream in) throws IOException {
      return new RejectedRow(S.decode(in), S.decode(in), I.decode(in), RejectReason.values()[I.decode(in)],
          N.decode(in), S.decode(in), S.decode(in));
    }
  }
}
