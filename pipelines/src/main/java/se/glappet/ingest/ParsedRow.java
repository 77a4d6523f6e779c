package se.glappet.ingest;


/**
 * A row that passed the per-row checks, as {@link FileParser} hands it to its sink: where it came
 * from, its key and canonical values, its typed values, and its raw line for the report if it turns
 * out a duplicate. It lives only inside the step reading the file (the duplicate check shuffles
 * {@link RowFingerprint}s). The raw line is masked ({@link se.glappet.privacy.IdentityNumbers#mask})
 * when, and only when, a rejected row is made of it: it never leaves the pipeline unmasked.
 */
public final class ParsedRow {
  public final Dataset dataset;
  public final String file;
  public final int line;
  /** Null until asked for when the row was made from its values ({@link #key()}, {@link #canonical()}). */
  private String key;
  private String canonical;
  /** The raw line, or the file's text it lies in ({@link #rawLine()} cuts it out when asked). */
  private String text;
  private int from;
  private int to;
  /**
   * The typed values as read ({@link RowParser.Outcome#values}), for making records without
   * reading the canonical text again; null when a row is made without them (as in tests).
   */
  final Object[] values;
  /** The digests {@link RowFingerprint#of} takes ({@link RowParser.Outcome#keyDigest}), or null. */
  final long[] keyDigest;
  final long[] rowDigest;

  public ParsedRow(Dataset dataset, String file, int line, String key, String canonical, String rawLine) {
    this(dataset, file, line, key, canonical, rawLine, null);
  }

  ParsedRow(Dataset dataset, String file, int line, String key, String canonical, String rawLine,
      Object[] values) {
    this(dataset, file, line, key, canonical, rawLine, 0, rawLine.length(), values, null, null);
  }

  /** A row whose raw line is {@code text[from, to)}. */
  ParsedRow(Dataset dataset, String file, int line, String key, String canonical, String text, int from, int to,
      Object[] values, long[] keyDigest, long[] rowDigest) {
    this.dataset = dataset;
    this.file = file;
    this.line = line;
    this.key = key;
    this.canonical = canonical;
    this.text = text;
    this.from = from;
    this.to = to;
    this.values = values;
    this.keyDigest = keyDigest;
    this.rowDigest = rowDigest;
  }

  /** The key columns' canonical values joined by {@link RowParser#SEP}. */
  public String key() {
    if (key == null) {
      key = RowParser.keyText(dataset, values);
    }
    return key;
  }

  /** The canonical values of every column joined by {@link RowParser#SEP}. */
  public String canonical() {
    if (canonical == null) {
      canonical = RowParser.canonicalText(dataset, values);
    }
    return canonical;
  }

  /** The raw line as read (not masked), without its line break. */
  public String rawLine() {
    if (from != 0 || to != text.length()) {
      text = text.substring(from, to);
      from = 0;
      to = text.length();
    }
    return text;
  }
}
