package se.glappet.generate;

/**
 * Writes an amount held in öre (hundredths of a krona) the way a dialect shows it: {@code 1 234,50},
 * {@code 1234.5}, {@code −75,00}. Written by hand: no {@code String.format} or BigDecimal in the hot loop.
 */
final class AmountFormat {
  private AmountFormat() {}

  /**
   * @param decimalSeparator {@code ,} or {@code .}
   * @param groupSeparator thousands separator (space, no-break space), or 0 for none
   * @param minus {@code -} or {@code −} (U+2212)
   * @param alwaysTwoDecimals true: {@code 61,00}; false: {@code 61}, {@code 61.5}, {@code 61.25}
   */
  static void append(
      StringBuilder sb, long ore, char decimalSeparator, char groupSeparator, char minus,
      boolean alwaysTwoDecimals) {
    if (ore < 0) {
      sb.append(minus);
      ore = -ore;
    }
    long kronor = ore / 100;
    int cents = (int) (ore % 100);
    appendGrouped(sb, kronor, groupSeparator);
    if (alwaysTwoDecimals) {
      sb.append(decimalSeparator).append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
    } else if (cents != 0) {
      sb.append(decimalSeparator).append((char) ('0' + cents / 10));
      if (cents % 10 != 0) {
        sb.append((char) ('0' + cents % 10));
      }
    }
  }

  /** Appends a non-negative integer, with a separator every three digits when groupSeparator is not 0. */
  static void appendGrouped(StringBuilder sb, long value, char groupSeparator) {
    char[] digits = new char[20];
    int n = 0;
    do {
      digits[n++] = (char) ('0' + (value % 10));
      value /= 10;
    } while (value > 0);
    for (int i = n - 1; i >= 0; i--) {
      sb.append(digits[i]);
      if (groupSeparator != 0 && i > 0 && i % 3 == 0) {
        sb.append(groupSeparator);
      }
    }
  }

  static String toText(long ore, char decimalSeparator, char groupSeparator, char minus, boolean two) {
    StringBuilder sb = new StringBuilder(16);
    append(sb, ore, decimalSeparator, groupSeparator, minus, two);
    return sb.toString();
  }
}
