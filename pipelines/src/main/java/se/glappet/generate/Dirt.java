package se.glappet.generate;

/**
 * The deliberate dirt of a generated folder: few enough rows that no dataset comes near the 5 % reject
 * gate, but every kind present. The first municipality of the selection always gets a duplicate, a bad
 * value and a blank line in its first month; the last one always gets a resent file in the middle month.
 */
final class Dirt {
  /** Share of payment rows written a second time, a few lines later (DUPLICATE_ROW). */
  static final double DUPLICATE_PAYMENT = 0.001;
  /** Share of regular payment rows with an impossible date such as {@code 2011-13-01} (BAD_VALUE). */
  static final double BAD_VALUE = 0.0003;
  /** Share of income-support files with a blank (or separators-only) line. */
  static final double BLANK_LINE = 0.05;
  /** Share of municipality-months whose file is partly resent in another file of another dialect. */
  static final double RESENT_FILE = 1.0 / 30;
  /** Share of allowance rows repeated at the end of their file. */
  static final double DUPLICATE_ALLOWANCE = 0.003;
  /** Share of KIS and allowances files that end with a blank line. */
  static final double TRAILING_BLANK_LINE = 0.2;

  private Dirt() {}

  /** {@code 2011-03-15} → {@code 2011-13-15}: a month that does not exist. */
  static String badMonth(int day) {
    String t = Days.text(day);
    return t.substring(0, 5) + "13" + t.substring(7);
  }

  /** {@code 2011-03-15} → {@code 2011-03-32}: a day that does not exist. */
  static String badDay(int day) {
    String t = Days.text(day);
    return t.substring(0, 8) + "32";
  }
}
