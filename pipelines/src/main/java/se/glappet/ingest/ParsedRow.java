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
  public final String key;
  public final String canonical;
  public final String rawLine;
  /**
   * The typed values as read ({@link RowParser.Outcome#values}), for making records without
   * reading the canonical text again; null when a row is made without them (as in tests).
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
}
