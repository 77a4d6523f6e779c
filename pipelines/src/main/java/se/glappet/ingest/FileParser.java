package se.glappet.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.glappet.privacy.IdentityNumbers;

/**
 * Reads one whole file in one pass (contract section 2.1): decodes it, splits physical lines,
 * skips blank ones, reads the header and checks every data line with a {@link RowParser}. Every
 * data line goes to exactly one of the sink's two methods.
 */
public final class FileParser {
  /** Receives the rows of one file. */
  public interface Sink {
    void accepted(ParsedRow row);

    void rejected(RejectedRow row);
  }

  private FileParser() {}

  /** Checks every line and describes the file (with its SHA-256) for the quality report. */
  public static FileInfo parse(Dataset dataset, String relativePath, byte[] bytes,
      Set<String> municipalities, Sink sink) {
    return scan(dataset, relativePath, bytes, municipalities, sink, true);
  }

  /**
   * Checks every line again, exactly as {@link #parse} did, without describing the file: the
   * second reading of a file whose duplicates are already known.
   */
  public static void parseRows(Dataset dataset, String relativePath, byte[] bytes,
      Set<String> municipalities, Sink sink) {
    scan(dataset, relativePath, bytes, municipalities, sink, false);
  }

  private static FileInfo scan(Dataset dataset, String relativePath, byte[] bytes,
      Set<String> municipalities, Sink sink, boolean describe) {
    FileDigests.Pending sha256 = describe ? FileDigests.start(bytes) : null; // while the rows are checked
    String encoding = TextDecoding.detect(bytes);
    TextDecoding.Text decoded = TextDecoding.decodeText(bytes, encoding);
    String text = decoded.text;
    byte[] chars = decoded.bytes; // text's characters as bytes, index for index: what the checks read
    String maskedFile = IdentityNumbers.mask(relativePath);
    RowParser parser = null;
    long rows = 0;
    int lineNo = 0;
    int start = 0;
    int n = text.length();
    // The next '"' at or after the current line's start: whether a line has one, without looking
    // through each line for it (looked for once the one-pass reading has stopped: -2 until then).
    int nextQuote = -2;
    // Lines are read in one pass (RowParser.parseCommonLine) while that reading takes them; after a
    // line it does not take, only if it took one before (a file of quoted lines is not tried on).
    boolean onePass = true;
    long onePassRows = 0;
    while (start < n) {
      if (parser != null && onePass) {
        RowParser.Outcome o = parser.parseCommonLine(text, chars, start);
        if (o != null && !isSkippable(chars, start, parser.contentEnd())) {
          lineNo++;
          rows++;
          onePassRows++;
          sink.accepted(new ParsedRow(dataset, maskedFile, lineNo, null, null, text, start, parser.contentEnd(),
              o.values, o.keyDigest, o.rowDigest));
          start = parser.lineEnd() < n ? parser.lineEnd() + 1 : n;
          continue;
        }
        onePass = onePassRows > 0;
      }
      int nl = TextDecoding.indexOf(chars, (byte) '\n', start, n);
      int end = nl < 0 ? n : nl;
      int contentEnd = end > start && chars[end - 1] == '\r' ? end - 1 : end;
      int lineStart = start;
      lineNo++;
      start = nl < 0 ? n : nl + 1;
      if (isSkippable(chars, lineStart, contentEnd)) {
        continue;
      }
      if (parser == null) {
        parser = RowParser.forHeader(dataset, text.substring(lineStart, contentEnd), municipalities);
        continue;
      }
      rows++;
      if (nextQuote == -2 || (nextQuote >= 0 && nextQuote < lineStart)) {
        nextQuote = TextDecoding.indexOf(chars, (byte) '"', lineStart, n);
      }
      boolean quoted = nextQuote >= 0 && nextQuote < contentEnd;
      RowParser.Outcome o = parser.parse(text, chars, lineStart, contentEnd, quoted);
      if (o.accepted()) {
        sink.accepted(new ParsedRow(dataset, maskedFile, lineNo, null, null, text, lineStart, contentEnd,
            o.values, o.keyDigest, o.rowDigest));
      } else {
        String line = text.substring(lineStart, contentEnd);
        sink.rejected(new RejectedRow(dataset.folder, maskedFile, lineNo, o.reason, o.column,
            IdentityNumbers.mask(o.message), IdentityNumbers.mask(line)));
      }
    }
    if (!describe) {
      return null;
    }
    List<String> unknown = new ArrayList<>();
    if (parser != null) {
      for (String u : parser.unknownColumns()) {
        unknown.add(IdentityNumbers.mask(u.isEmpty() ? "(empty header cell)" : u));
      }
    }
    String sep = parser == null ? "" : parser.separator() == '\t' ? "tab" : String.valueOf(parser.separator());
    return new FileInfo(dataset.folder, maskedFile, bytes.length, sha256.hex(), encoding, sep,
        rows, unknown);
  }

  /** {@link CsvDialect#isSkippable} of text[from, to). */
  private static boolean isSkippable(byte[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = text[i];
      if (c != ' ' && c != '\t' && c != ';' && c != ',') {
        return false;
      }
    }
    return true;
  }
}
