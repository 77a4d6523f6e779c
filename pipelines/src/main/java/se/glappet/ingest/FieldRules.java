package se.glappet.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one field is read (contract section 2.1). Each method returns the parsed value or throws
 * {@link BadValueException} with a message that names the rule. Inputs are already trimmed.
 */
public final class FieldRules {
  private static final Pattern INTEGER = Pattern.compile("[0-9]+");
  private static final Pattern AMOUNT =
      Pattern.compile("[-\u2212]?([0-9]{1,3}(?:[ \u00A0\u202F][0-9]{3})+|[0-9]+)(?:[.,]([0-9]{1,2}))?");
  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
  private static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{4}");
  private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

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
    if (!INTEGER.matcher(v).matches()) {
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
    var m = AMOUNT.matcher(v);
    if (!m.matches()) {
      throw new BadValueException("not an amount (like 1 234,50 or 1234.5)");
    }
    StringBuilder sb = new StringBuilder(v.length());
    if (v.charAt(0) == '-' || v.charAt(0) == '\u2212') {
      sb.append('-');
    }
    String intPart = m.group(1);
    for (int i = 0; i < intPart.length(); i++) {
      char c = intPart.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    if (m.group(2) != null) {
      sb.append('.').append(m.group(2));
    }
    return new BigDecimal(sb.toString());
  }

  /** A year: exactly four ASCII digits. */
  public static long year(String v) throws BadValueException {
    if (v.length() != 4 || !INTEGER.matcher(v).matches()) {
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
    if (m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
      throw new BadValueException("not a valid calendar date");
    }
    return LocalDate.of(y, m, d);
  }

  /** The ASCII digits v[from, to) as a number, or -1 when any is not a digit. */
  private static int digits(String v, int from, int to) {
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

  /** A month {@code YYYY-MM}. */
  public static YearMonth month(String v) throws BadValueException {
    if (!MONTH.matcher(v).matches()) {
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
    if (!MUNICIPALITY.matcher(v).matches()) {
      throw new BadValueException("not a four-digit municipality code");
    }
    return v;
  }

  /** A pseudonym: 16–64 hexadecimal characters, compared in lower case. */
  public static String pseudonym(String v) throws BadValueException {
    int n = v.length();
    boolean lower = true;
    if (n < 16 || n > 64) {
      throw new BadValueException("not a pseudonym (16-64 hexadecimal characters)");
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
        continue;
      }
      if (c >= 'A' && c <= 'F') {
        lower = false;
        continue;
      }
      throw new BadValueException("not a pseudonym (16-64 hexadecimal characters)");
    }
    return lower ? v : v.toLowerCase(Locale.ROOT);
  }

  /** A payment id: 1–64 of {@code A-Z a-z 0-9 _ -}, case-sensitive. */
  public static String paymentId(String v) throws BadValueException {
    if (!PAYMENT_ID.matcher(v).matches()) {
      throw new BadValueException("not a payment id (1-64 of A-Z a-z 0-9 _ -)");
    }
    return v;
  }

  /** A code from a fixed list, compared case-insensitively; returns the enum constant. */
  public static <E extends Enum<E>> E code(String v, Class<E> type) throws BadValueException {
    String upper = v.toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(upper)) {
        return e;
      }
    }
    throw new BadValueException("not one of the codes " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  private static String stripLeadingZeros(String v) {
    int i = 0;
    while (i < v.length() - 1 && v.charAt(i) == '0') {
      i++;
    }
    return v.substring(i);
  }
}
