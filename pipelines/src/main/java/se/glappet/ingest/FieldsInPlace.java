package se.glappet.ingest;


/**
 * The common, certainly valid shapes of {@link FieldRules}' fields, read in place from
 * {@code v[b, e)} (a trimmed field inside a line, as the bytes of {@link TextDecoding.Text}) without
 * a string per field. Each method answers
 * only for values its {@link FieldRules} counterpart takes, with the same value; for anything else
 * it answers "not in place" ({@link #NOT_IN_PLACE}, -1 or null), and the caller reads the field's
 * text with {@link FieldRules}, which gives the value or the exact reason it is bad.
 */
final class FieldsInPlace {
  /** What the methods returning a long answer for a field they do not read. */
  static final long NOT_IN_PLACE = Long.MIN_VALUE;
  private FieldsInPlace() {}

  /**
   * False when v[b, e) cannot be an identity number for {@code IdentityNumbers.isIdentityNumber}:
   * it is not 10 or 12 ASCII digits, nor 6 or 8 digits, one {@code -} or {@code +}, 4 digits.
   */
  static boolean mayBeIdentityNumber(byte[] v, int b, int e) {
    int n = e - b;
    if (n == 10 || n == 12) {
      return allDigits(v, b, e);
    }
    if (n == 11 || n == 13) {
      int sep = e - 5;
      byte c = v[sep];
      return (c == '-' || c == '+') && allDigits(v, b, sep) && allDigits(v, sep + 1, e);
    }
    return false;
  }

  /** True when v[b, e) holds only ASCII digits. */
  static boolean allDigits(byte[] v, int b, int e) {
    for (int i = b; i < e; i++) {
      byte c = v[i];
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@link FieldRules#paymentId}'s shape [A-Za-z0-9_-]{1,64}. */
  static boolean isPaymentId(byte[] v, int b, int e) {
    int n = e - b;
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = b; i < e; i++) {
      byte c = v[i];
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A date {@link FieldRules#date} takes, as {@code year × 10000 + month × 100 + day}; -1 for
   * anything else.
   */
  static int date(byte[] v, int b, int e) {
    if (e - b != 10 || v[b + 4] != '-' || v[b + 7] != '-') {
      return -1;
    }
    int y = digits(v, b, b + 4);
    int m = digits(v, b + 5, b + 7);
    int d = digits(v, b + 8, b + 10);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > FieldRules.lengthOfMonth(y, m)) {
      return -1;
    }
    return y * 10000 + m * 100 + d;
  }

  /** {@link FieldRules#digits}: the value of the ASCII digits v[from, to), or -1. */
  private static int digits(byte[] v, int from, int to) {
    int x = 0;
    for (int i = from; i < to; i++) {
      int c = v[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      x = x * 10 + c;
    }
    return x;
  }

  /**
   * An amount {@link FieldRules#amount} takes whose digits (and separators) number at most 18 and
   * whose characters are all Latin-1 (the minus sign U+2212 and the thousands separator U+202F are
   * left to {@link FieldRules#amount}): the unscaled value of the {@code BigDecimal} it gives, its
   * scale in {@code scale[0]}; for anything else {@link #NOT_IN_PLACE}.
   */
  static long amountUnscaled(byte[] v, int b, int e, int[] scale) {
    // The shape -?([0-9]{1,3}(?:[ \u00A0][0-9]{3})+|[0-9]+)(?:[.,]([0-9]{1,2}))?
    boolean negative = v[b] == '-';
    int intStart = negative ? b + 1 : b;
    int i = skipDigits(v, intStart, e);
    int firstRun = i - intStart;
    if (firstRun == 0) {
      return NOT_IN_PLACE;
    }
    if (i < e && isThousandsSeparator(v[i])) {
      if (firstRun > 3) {
        return NOT_IN_PLACE;
      }
      while (i < e && isThousandsSeparator(v[i])) {
        int groupEnd = skipDigits(v, i + 1, e);
        if (groupEnd - (i + 1) != 3) {
          return NOT_IN_PLACE;
        }
        i = groupEnd;
      }
    }
    int intEnd = i;
    int fracStart = i;
    if (i < e && (v[i] == '.' || v[i] == ',')) {
      fracStart = i + 1;
      i = skipDigits(v, fracStart, e);
      if (i - fracStart < 1 || i - fracStart > 2) {
        return NOT_IN_PLACE;
      }
    }
    if (i != e || intEnd - intStart + (i - fracStart) > 18) {
      return NOT_IN_PLACE;
    }
    long unscaled = 0;
    for (int k = intStart; k < intEnd; k++) {
      int d = v[k] - '0';
      if (d >= 0 && d <= 9) {
        unscaled = unscaled * 10 + d;
      }
    }
    for (int k = fracStart; k < i; k++) {
      unscaled = unscaled * 10 + (v[k] - '0');
    }
    scale[0] = i - fracStart;
    return negative ? -unscaled : unscaled;
  }

  private static boolean isThousandsSeparator(byte c) {
    return c == ' ' || c == (byte) 0xA0;
  }

  private static int skipDigits(byte[] v, int from, int to) {
    int i = from;
    while (i < to && v[i] >= '0' && v[i] <= '9') {
      i++;
    }
    return i;
  }

  /**
   * An integer {@link FieldRules#integer(String)} takes (ASCII digits, at most 18 after leading
   * zeros); {@link #NOT_IN_PLACE} for anything else.
   */
  static long integer(byte[] v, int b, int e) {
    int i = b;
    while (i < e - 1 && v[i] == '0') {
      i++;
    }
    if (e - i > 18 || !allDigits(v, b, e)) {
      return NOT_IN_PLACE;
    }
    long x = 0;
    for (int k = i; k < e; k++) {
      x = x * 10 + (v[k] - '0');
    }
    return x;
  }

  /** The names of {@code codes} as ASCII bytes, for {@link #asciiCode}; null for null. */
  static byte[][] names(Enum<?>[] codes) {
    if (codes == null) {
      return null;
    }
    byte[][] names = new byte[codes.length][];
    for (int i = 0; i < codes.length; i++) {
      names[i] = codes[i].name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    return names;
  }

  /**
   * The code of {@code codes} an ASCII field names, compared case-insensitively as
   * {@link FieldRules#code} does; null when the field is not ASCII or names none. {@code names}:
   * {@link #names} of the codes.
   */
  static Enum<?> asciiCode(byte[] v, int b, int e, Enum<?>[] codes, byte[][] names) {
    int n = e - b;
    for (int i = b; i < e; i++) {
      if (v[i] < 0) { // 0x80-0xFF
        return null;
      }
    }
    for (int k = 0; k < codes.length; k++) {
      byte[] name = names[k];
      if (name.length != n) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < n && same; i++) {
        int c = v[b + i];
        if (c >= 'a' && c <= 'z') {
          c -= 'a' - 'A';
        }
        same = c == name[i];
      }
      if (same) {
        return codes[k];
      }
    }
    return null;
  }
}
