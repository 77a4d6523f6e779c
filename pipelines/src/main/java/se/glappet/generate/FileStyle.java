package se.glappet.generate;

import java.util.SplittableRandom;

/** How one file is written: its dialect plus the small per-file variations real exports show. */
final class FileStyle {
  enum HeaderCase {
    LOWER,
    TITLE,
    UPPER
  }

  final Dialect dialect;
  /** Thousands separator: space, no-break space, or 0 for none. */
  final char groupSeparator;
  final char minus;
  final boolean twoDecimals;
  final HeaderCase headerCase;
  final boolean upperCaseHex;
  /** Excel's empty cells at the end of every line ({@code ;;}): 0 or 2. */
  final int trailingEmptyCells;

  FileStyle(
      Dialect dialect, char groupSeparator, char minus, boolean twoDecimals, HeaderCase headerCase,
      boolean upperCaseHex, int trailingEmptyCells) {
    this.dialect = dialect;
    this.groupSeparator = groupSeparator;
    this.minus = minus;
    this.twoDecimals = twoDecimals;
    this.headerCase = headerCase;
    this.upperCaseHex = upperCaseHex;
    this.trailingEmptyCells = trailingEmptyCells;
  }

  /** Draws the per-file variations of a dialect; trailing empty cells only when dirt is on. */
  static FileStyle draw(SplittableRandom r, Dialect dialect, boolean dirt) {
    switch (dialect) {
      case EXCEL_BOM: {
        char group = r.nextDouble() < 0.7 ? ' ' : '\u00A0';
        char minus = r.nextDouble() < 0.8 ? '-' : '\u2212';
        double h = r.nextDouble();
        HeaderCase hc = h < 0.6 ? HeaderCase.LOWER : h < 0.9 ? HeaderCase.TITLE : HeaderCase.UPPER;
        boolean upper = r.nextDouble() < 0.3;
        // Drawn either way, so a --clean file differs from its dirty twin only in the dirt.
        int trailing = r.nextDouble() < 0.35 && dirt ? 2 : 0;
        return new FileStyle(dialect, group, minus, true, hc, upper, trailing);
      }
      case WINDOWS_1252: {
        char group = r.nextDouble() < 0.7 ? 0 : '\u00A0';
        HeaderCase hc = r.nextDouble() < 0.6 ? HeaderCase.TITLE : HeaderCase.LOWER;
        boolean upper = r.nextDouble() < 0.7;
        return new FileStyle(dialect, group, '-', true, hc, upper, 0);
      }
      default: {
        HeaderCase hc = r.nextDouble() < 0.9 ? HeaderCase.LOWER : HeaderCase.TITLE;
        return new FileStyle(dialect, (char) 0, '-', false, hc, false, 0);
      }
    }
  }

  String header(String column) {
    switch (headerCase) {
      case UPPER:
        return column.toUpperCase(java.util.Locale.ROOT);
      case TITLE: {
        StringBuilder sb = new StringBuilder(column.length());
        boolean start = true;
        for (int i = 0; i < column.length(); i++) {
          char c = column.charAt(i);
          sb.append(start ? Character.toUpperCase(c) : c);
          start = c == '_';
        }
        return sb.toString();
      }
      default:
        return column;
    }
  }
}
