package se.glappet.generate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The three file dialects real exports come in. */
enum Dialect {
  /** Excel in Swedish: {@code ;}, decimal comma, thousands groups, UTF-8 with byte-order mark, CRLF. */
  EXCEL_BOM(';', ',', StandardCharsets.UTF_8, true, "\r\n"),
  /** An older case-management export: Windows-1252, {@code ;}, decimal comma, CRLF, an extra free-text column. */
  WINDOWS_1252(';', ',', Charset.forName("windows-1252"), false, "\r\n"),
  /** A plain export: {@code ,}, decimal point, UTF-8 without byte-order mark, LF. */
  PLAIN_COMMA(',', '.', StandardCharsets.UTF_8, false, "\n");

  final char separator;
  final char decimalSeparator;
  final Charset charset;
  final boolean byteOrderMark;
  final String lineEnd;

  Dialect(char separator, char decimalSeparator, Charset charset, boolean byteOrderMark, String lineEnd) {
    this.separator = separator;
    this.decimalSeparator = decimalSeparator;
    this.charset = charset;
    this.byteOrderMark = byteOrderMark;
    this.lineEnd = lineEnd;
  }

  /** True for the dialect that carries an extra, ignored free-text column with Swedish letters. */
  boolean hasExtraColumn() {
    return this == WINDOWS_1252;
  }
}
