package se.glappet.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swedish personal identity numbers (personnummer) and co-ordination numbers (samordningsnummer).
 *
 * <p>A value is an identity number (contract section 2.7, PII_DETECTED) when, after trimming, it is
 * 10 digits, or 12 digits starting with 18, 19 or 20, optionally with {@code -} or {@code +} before
 * the last four; its date part is a valid date (for a co-ordination number the day plus 60; with 10
 * digits in any century) and the Luhn check digit over the last 10 digits is right.
 */
public final class IdentityNumbers {
  private static final Pattern WHOLE = Pattern.compile("([0-9]{6}|[0-9]{8})[-+]?([0-9]{4})");
  /** A run of 10 or 12 digits, optionally with a separator before the last four, touching no digit. */
  private static final Pattern RUN =
      Pattern.compile("(?<![0-9])(?:[0-9]{8}|[0-9]{6})[-+]?[0-9]{4}(?![0-9])");

  private IdentityNumbers() {}

  /** True when the whole (trimmed) value is a valid personal identity or co-ordination number. */
  public static boolean isIdentityNumber(String value) {
    if (value == null) {
      return false;
    }
    String v = trim(value);
    if (!hasWholeShape(v)) {
      return false;
    }
    Matcher m = WHOLE.matcher(v);
    if (!m.matches()) {
      return false;
    }
    String datePart = m.group(1);
    String lastFour = m.group(2);
    if (datePart.length() == 8) {
      String century = datePart.substring(0, 2);
      if (!century.equals("18") && !century.equals("19") && !century.equals("20")) {
        return false;
      }
      int year = Integer.parseInt(datePart.substring(0, 4));
      if (!validDate(year, datePart.substring(4, 6), datePart.substring(6, 8), false)) {
        return false;
      }
    } else if (!validDate(-1, datePart.substring(2, 4), datePart.substring(4, 6), true)
        || !validTwoDigitYear(datePart)) {
      return false;
    }
    String ten = datePart.substring(datePart.length() - 6) + lastFour;
    return luhnValid(ten);
  }

  /**
   * Exactly the strings {@link #WHOLE} matches, checked without a regex (this runs on every field
   * of every row): 10 or 12 ASCII digits, or 6 or 8 digits, one {@code -} or {@code +}, 4 digits.
   */
  private static boolean hasWholeShape(String v) {
    int n = v.length();
    if (n == 10 || n == 12) {
      return allDigits(v, 0, n);
    }
    if (n == 11 || n == 13) {
      int sep = n - 5;
      char c = v.charAt(sep);
      return (c == '-' || c == '+') && allDigits(v, 0, sep) && allDigits(v, sep + 1, n);
    }
    return false;
  }

  /** True when v[from, to) holds only ASCII digits. */
  public static boolean allDigits(String v, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean validTwoDigitYear(String yymmdd) {
    int yy = Integer.parseInt(yymmdd.substring(0, 2));
    int month = Integer.parseInt(yymmdd.substring(2, 4));
    int day = Integer.parseInt(yymmdd.substring(4, 6));
    if (day > 60) {
      day -= 60;
    }
    if (month == 2 && day == 29) {
      // Some century makes it a leap year exactly when yy is divisible by 4 (00: the year 2000).
      return yy % 4 == 0;
    }
    return true;
  }

  /** Month and day valid; year -1 means "any year" (February 29 is then checked by the caller). */
  private static boolean validDate(int year, String mm, String dd, boolean anyYear) {
    int month = Integer.parseInt(mm);
    int day = Integer.parseInt(dd);
    if (day > 60) {
      day -= 60;
    }
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    int max;
    switch (month) {
      case 2:
        max = anyYear ? 29 : (java.time.Year.isLeap(year) ? 29 : 28);
        break;
      case 4:
      case 6:
      case 9:
      case 11:
        max = 30;
        break;
      default:
        max = 31;
    }
    return day <= max;
  }

  /** The Luhn check over ten digits (weights 2,1,2,1,... on the first nine, the tenth is the check). */
  static boolean luhnValid(String tenDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int d = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
    int check = (10 - sum % 10) % 10;
    return check == tenDigits.charAt(9) - '0';
  }

  /**
   * Replaces every digit of every run of 10 or 12 digits (optionally with {@code -} or {@code +}
   * before the last four) that does not touch another digit by {@code *}, valid number or not.
   */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = RUN.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start());
      for (int i = m.start(); i < m.end(); i++) {
        char c = text.charAt(i);
        out.append(c >= '0' && c <= '9' ? '*' : c);
      }
      last = m.end();
    } while (m.find());
    out.append(text, last, text.length());
    return out.toString();
  }

  private static String trim(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }
}
