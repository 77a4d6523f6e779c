package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * A row that passed the per-row checks, waiting for the duplicate check: where it came from, its
 * key and canonical values, and its raw line for the report if it turns out a duplicate. The raw
 * line is masked ({@link se.glappet.privacy.IdentityNumbers#mask}) when, and only when, a rejected
 * row is made of it: it never leaves the pipeline unmasked, and most rows never need masking.
 */
@DefaultCoder(ParsedRow.RowCoder.class)
public final class ParsedRow implements Serializable {
  private static final long serialVersionUID = 1L;

  public final Dataset dataset;
  public final String file;
  public final int line;
  public final String key;
  public final String canonical;
  public final String rawLine;
  /**
   * The typed values as read ({@link RowParser.Outcome#values}), for making records without
   * reading the canonical text again; not encoded, so null after a coder round trip.
   */
  final Object[] values;

  public ParsedRow(Dataset dataset, String file, int line, String key, String canonical, String rawLine) {
    this(dataset, file, line, key, canonical, rawLine, null);
  }

  ParsedRow(Dataset dataset, String file, int line, String key, String canonical, String rawLine,
      Object[] values) {
    this.dataset = dataset;
    this.file = file;
    this.line = line;
    this.key = key;
    this.canonical = canonical;
    this.rawLine = rawLine;
    this.values = values;
  }

  /** (file, line) order: the first row of a group of identical duplicates is the one accepted. */
  public int compareOrigin(ParsedRow o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }

  /** A compact coder: the rows of every dataset travel through the duplicate check's shuffle. */
  public static final class RowCoder extends AtomicCoder<ParsedRow> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder S = StringUtf8Coder.of();
    private static final VarIntCoder I = VarIntCoder.of();

    public static RowCoder of() {
      return new RowCoder();
    }

    @Override
    public void encode(ParsedRow r, OutputStream out) throws IOException {
      I.encode(r.dataset.ordinal(), out);
      S.encode(r.file, out);
      I.encode(r.line, out);
      S.encode(r.key, out);
      S.encode(r.canonical, out);
      S.encode(r.rawLine, out);
    }

    @Override
    public ParsedRow decode(InputStream in) throws IOException {
      return new ParsedRow(Dataset.values()[I.decode(in)], S.decode(in), I.decode(in), S.decode(in),
          S.decode(in), S.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
