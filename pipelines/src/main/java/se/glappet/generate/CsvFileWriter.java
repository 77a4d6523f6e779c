package se.glappet.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one CSV file in a {@link FileStyle}: cells are set by contract column index, written in the
 * dialect's column order, quoted only when needed. The file is written to a hidden temporary name
 * beside the target and moved into place on {@link #close()}, so no half-written {@code .csv} stands.
 */
final class CsvFileWriter implements Closeable {
  private static final byte EMPTY = 0;
  private static final byte TEXT = 1;
  private static final byte HEX = 2;
  private static final byte AMOUNT = 3;
  private static final byte INTEGER = 4;
  private static final byte DATE = 5;

  private final Path target;
  private final Path temporary;
  private final FileStyle style;
  private final int[] order;
  private final int columnCount;
  private final Writer out;
  private final StringBuilder line = new StringBuilder(512);
  private final byte[] kind;
  private final String[] text;
  private final long[] number;
  private long dataRows;
  private boolean closed;

  /**
   * @param order contract column indexes in file order; the extra column, when given, has index
   *     {@code dataset.columns.length} and is written last
   */
  CsvFileWriter(Path target, FileStyle style, Dataset dataset, int[] order, boolean extraColumn)
      throws IOException {
    this.target = target;
    this.temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    this.style = style;
    this.columnCount = dataset.columns.length + 1;
    this.order = new int[order.length + (extraColumn ? 1 : 0)];
    System.arraycopy(order, 0, this.order, 0, order.length);
    if (extraColumn) {
      this.order[order.length] = dataset.columns.length;
    }
    this.kind = new byte[columnCount];
    this.text = new String[columnCount];
    this.number = new long[columnCount];
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(temporary), style.dialect.charset), 1 << 16);
    if (style.dialect.byteOrderMark) {
      out.write('\uFEFF');
    }
    for (int i = 0; i < this.order.length; i++) {
      int c = this.order[i];
      text(c, style.header(c < dataset.columns.length ? dataset.columns[c] : dataset.extraColumn));
    }
    out.append(buildRow()).append(style.dialect.lineEnd);
  }

  void text(int column, String value) {
    kind[column] = value == null || value.isEmpty() ? EMPTY : TEXT;
    text[column] = value;
  }

  /** A pseudonym, written in the file's hex letter case. */
  void hex(int column, String value) {
    kind[column] = HEX;
    text[column] = value;
  }

  void amount(int column, long ore) {
    kind[column] = AMOUNT;
    number[column] = ore;
  }

  void integer(int column, long value) {
    kind[column] = INTEGER;
    number[column] = value;
  }

  /** A date, or an empty field for {@link Days#NONE}. */
  void date(int column, int day) {
    kind[column] = day == Days.NONE ? EMPTY : DATE;
    number[column] = day;
  }

  /**
   * Builds the current cells into a line (without line end) and clears them. The returned text is
   * valid until the next call.
   */
  CharSequence buildRow() {
    StringBuilder sb = line;
    sb.setLength(0);
    char sep = style.dialect.separator;
    for (int i = 0; i < order.length; i++) {
      if (i > 0) {
        sb.append(sep);
      }
      int c = order[i];
      switch (kind[c]) {
        case TEXT:
          appendText(sb, text[c], sep);
          break;
        case HEX:
          appendHex(sb, text[c]);
          break;
        case AMOUNT:
          AmountFormat.append(
              sb, number[c], style.dialect.decimalSeparator, style.groupSeparator, style.minus,
              style.twoDecimals);
          break;
        case INTEGER:
          sb.append(number[c]);
          break;
        case DATE:
          sb.append(Days.text((int) number[c]));
          break;
        default:
          break;
      }
      kind[c] = EMPTY;
    }
    for (int i = 0; i < style.trailingEmptyCells; i++) {
      sb.append(sep);
    }
    return sb;
  }

  /** Writes the current cells as a data row. */
  void writeRow() throws IOException {
    writeLine(buildRow());
  }

  /** Writes a data row built earlier (a duplicate). */
  void writeLine(CharSequence row) throws IOException {
    out.append(row).append(style.dialect.lineEnd);
    dataRows++;
  }

  /** A line that readers skip: empty, or only separators as Excel leaves them. */
  void blankLine(boolean separatorsOnly) throws IOException {
    if (separatorsOnly) {
      for (int i = 1; i < order.length; i++) {
        out.write(style.dialect.separator);
      }
    }
    out.write(style.dialect.lineEnd);
  }

  long dataRows() {
    return dataRows;
  }

  private void appendHex(StringBuilder sb, String hex) {
    if (!style.upperCaseHex) {
      sb.append(hex);
      return;
    }
    for (int i = 0; i < hex.length(); i++) {
      char ch = hex.charAt(i);
      sb.append(ch >= 'a' && ch <= 'f' ? (char) (ch - 32) : ch);
    }
  }

  private static void appendText(StringBuilder sb, String value, char sep) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char ch = value.charAt(i);
      quote = ch == sep || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      sb.append(value);
      return;
    }
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        sb.append('"');
      }
      sb.append(ch);
    }
    sb.append('"');
  }

  /** Flushes and moves the file into place. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    out.close();
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Drops a file that could not be finished. */
  void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException ignored) {
      // the temporary file is removed below either way
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // nothing more to do: a hidden .tmp file is never read as input
    }
  }
}
