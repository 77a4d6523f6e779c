package se.glappet.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import se.glappet.records.Hex;

/**
 * How one field is read (contract section 2.1). Each method returns the parsed value or throws
 * {@link BadValueException} with a message that names the rule. Inputs are already trimmed.
 *
 * <p>These run on every field of every input row, so the shapes are checked by hand rather than
 * with regular expressions; the regular expression each check stands for is given in its comment.
 */
public final class FieldRules {
  private FieldRules() {}

  /** A field that breaks its rule. */
  public static final class BadValueException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadValueException(String message) {
      super(message, null, false, false);
    }
  }

  /** Removes spaces and tabs (only those) at both ends. */
  public static String trim(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return (b == 0 && e == s.length()) ? s : s.substring(b, e);
  }

  /** Plain ASCII digits, leading zeros allowed. */
  public static long integer(String v) throws BadValueException {
    if (v.isEmpty() || !allDigits(v, 0, v.length())) { // [0-9]+
      throw new BadValueException("not an integer (digits 0-9 only)");
    }
    String digits = stripLeadingZeros(v);
    if (digits.length() > 18) {
      throw new BadValueException("integer too large");
    }
    return Long.parseLong(digits);
  }

  /** An integer within [min, max]. */
  public static long integer(String v, long min, long max) throws BadValueException {
    long x = integer(v);
    if (x < min || x > max) {
      throw new BadValueException("must be between " + min + " and " + max);
    }
    return x;
  }

  /**
   * An amount: optional {@code -} or U+2212, digits with optional thousands groups separated by
   * space, no-break space or narrow no-break space, optional 1–2 decimals after {@code .} or
   * {@code ,}.
   */
  public static BigDecimal amount(String v) throws BadValueException {
    // The shape [-\u2212]?([0-9]{1,3}(?:[ \u00A0\u202F][0-9]{3})+|[0-9]+)(?:[.,]([0-9]{1,2}))?
    int n = v.length();
    boolean negative = n > 0 && (v.charAt(0) == '-' || v.charAt(0) == '\u2212');
    int intStart = negative ? 1 : 0;
    int i = skipDigits(v, intStart);
    int firstRun = i - intStart;
    if (firstRun == 0) {
      throw notAnAmount();
    }
    if (i < n && isThousandsSeparator(v.charAt(i))) {
      // Grouped: one to three digits, then groups of exactly three, each after one separator.
      if (firstRun > 3) {
        throw notAnAmount();
      }
      while (i < n && isThousandsSeparator(v.charAt(i))) {
        int groupEnd = skipDigits(v, i + 1);
        if (groupEnd - (i + 1) != 3) {
          throw notAnAmount();
        }
        i = groupEnd;
      }
    }
    int intEnd = i;
    int fracStart = i;
    if (i < n && (v.charAt(i) == '.' || v.charAt(i) == ',')) {
      fracStart = i + 1;
      i = skipDigits(v, fracStart);
      if (i - fracStart < 1 || i - fracStart > 2) {
        throw notAnAmount();
      }
    }
    if (i != n) {
      throw notAnAmount();
    }
    return amountValue(v, negative, intStart, intEnd, fracStart, i);
  }

  /**
   * The value of a well-formed amount: the digits of v[intStart, intEnd) (separators skipped) and
   * the decimals v[fracStart, fracEnd), as {@code new BigDecimal("-123.45")} would give it.
   */
  private static BigDecimal amountValue(String v, boolean negative, int intStart, int intEnd, int fracStart,
      int fracEnd) {
    int scale = fracEnd - fracStart;
    if (intEnd - intStart + scale <= 18) {
      // Fits a long (at most 18 digits, the separators counted too): no text to parse.
      long unscaled = 0;
      for (int i = intStart; i < intEnd; i++) {
        char c = v.charAt(i);
        if (c >= '0' && c <= '9') {
          unscaled = unscaled * 10 + (c - '0');
        }
      }
      for (int i = fracStart; i < fracEnd; i++) {
        unscaled = unscaled * 10 + (v.charAt(i) - '0');
      }
      return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }
    StringBuilder sb = new StringBuilder(v.length());
    if (negative) {
      sb.append('-');
    }
    for (int i = intStart; i < intEnd; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    if (scale > 0) {
      sb.append('.').append(v, fracStart, fracEnd);
    }
    return new BigDecimal(sb.toString());
  }

  private static BadValueException notAnAmount() {
    return new BadValueException("not an amount (like 1 234,50 or 1234.5)");
  }

  /** Space, no-break space or narrow no-break space: the thousands separators of an amount. */
  private static boolean isThousandsSeparator(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u202F';
  }

  /** The index of the first character at or after from that is not an ASCII digit. */
  private static int skipDigits(String v, int from) {
    int i = from;
    while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** True when v[from, to) holds only ASCII digits (the rule identity numbers use too). */
  private static boolean allDigits(String v, int from, int to) {
    return se.glappet.privacy.IdentityNumbers.allDigits(v, from, to);
  }

  /** A year: exactly four ASCII digits. */
  public static long year(String v) throws BadValueException {
    if (v.length() != 4 || !allDigits(v, 0, 4)) {
      throw new BadValueException("not a four-digit year");
    }
    return Long.parseLong(v);
  }

  /** A date {@code YYYY-MM-DD}, nothing else. */
  public static LocalDate date(String v) throws BadValueException {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      throw new BadValueException("not a date YYYY-MM-DD");
    }
    int y = digits(v, 0, 4);
    int m = digits(v, 5, 7);
    int d = digits(v, 8, 10);
    if (y < 0 || m < 0 || d < 0) {
      throw new BadValueException("not a date YYYY-MM-DD");
    }
    if (m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
      throw new BadValueException("not a valid calendar date");
    }
    return LocalDate.of(y, m, d);
  }

  /** The ASCII digits v[from, to) as a number, or -1 when any is not a digit. */
  static int digits(String v, int from, int to) {
    int x = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }

  /** The days in month m (1-12) of year y, as {@code YearMonth.of(y, m).lengthOfMonth()}. */
  static int lengthOfMonth(int y, int m) {
    switch (m) {
      case 2:
        return java.time.Year.isLeap(y) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** A month {@code YYYY-MM}. */
  public static YearMonth month(String v) throws BadValueException {
    // [0-9]{4}-[0-9]{2}
    if (v.length() != 7 || v.charAt(4) != '-' || !allDigits(v, 0, 4) || !allDigits(v, 5, 7)) {
      throw new BadValueException("not a month YYYY-MM");
    }
    int mm = Integer.parseInt(v.substring(5));
    if (mm < 1 || mm > 12) {
      throw new BadValueException("not a valid month");
    }
    return YearMonth.of(Integer.parseInt(v.substring(0, 4)), mm);
  }

  /** A municipality code: four ASCII digits (membership in the reference list is checked later). */
  public static String municipalityCode(String v) throws BadValueException {
    if (v.length() != 4 || !allDigits(v, 0, 4)) { // [0-9]{4}
      throw new BadValueException("not a four-digit municipality code");
    }
    return v;
  }

  /** A pseudonym: 16–64 hexadecimal characters, compared in lower case. */
  public static String pseudonym(String v) throws BadValueException {
    int n = v.length();
    if (n < 16 || n > 64) {
      throw new BadValueException("not a pseudonym (16-64 hexadecimal characters)");
    }
    // One table look-up per character, or-ed together: random hex digits would make the
    // range comparisons branch unpredictably.
    int kinds = 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      kinds |= Hex.kind(c);
    }
    if ((kinds & Hex.NOT_HEX) != 0) {
      throw new BadValueException("not a pseudonym (16-64 hexadecimal characters)");
    }
    return (kinds & Hex.UPPER) == 0 ? v : lowerCaseHex(v);
  }

  /**
   * {@code v.toLowerCase(Locale.ROOT)} for a string of only {@code 0-9 a-f A-F}: setting bit 0x20
   * turns A-F into a-f and leaves the digits (0x30-0x39) as they are.
   */
  private static String lowerCaseHex(String v) {
    byte[] b = new byte[v.length()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (v.charAt(i) | 0x20);
    }
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** A payment id: 1–64 of {@code A-Z a-z 0-9 _ -}, case-sensitive. */
  public static String paymentId(String v) throws BadValueException {
    if (!isPaymentId(v)) {
      throw new BadValueException("not a payment id (1-64 of A-Z a-z 0-9 _ -)");
    }
    return v;
  }

  /** [A-Za-z0-9_-]{1,64} */
  private static boolean isPaymentId(String v) {
    int n = v.length();
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A code from a fixed list, compared case-insensitively; returns the enum constant. */
  public static <E extends Enum<E>> E code(String v, Class<E> type) throws BadValueException {
    E[] constants = type.getEnumConstants();
    if (isAscii(v)) {
      // For ASCII text, toUpperCase(Locale.ROOT) changes a-z only: compare without allocating.
      for (E e : constants) {
        if (equalsAsciiUpperCased(e.name(), v)) {
          return e;
        }
      }
    } else {
      // Outside ASCII, upper-casing may change the length or map a character onto A-Z.
      String upper = v.toUpperCase(Locale.ROOT);
      for (E e : constants) {
        if (e.name().equals(upper)) {
          return e;
        }
      }
    }
    throw new BadValueException("not one of the codes " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  private static boolean isAscii(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /** True when name equals the ASCII string v with a-z turned into A-Z. */
  private static boolean equalsAsciiUpperCased(String name, String v) {
    if (name.length() != v.length()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c = (char) (c - ('a' - 'A'));
      }
      if (c != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String stripLeadingZeros(String v) {
    int i = 0;
    while (i < v.length() - 1 && v.charAt(i) == '0') {
      i++;
    }
    return v.substring(i);
  }
}
