package se.glappet.generate;

import java.time.LocalDate;

/**
 * Plain calendar rules on days counted as epoch days ({@code int}) and months counted as month indexes
 * ({@code year * 12 + month - 1}): first and last day of a month, weekdays, and cached ISO text.
 */
final class Days {
  /** Marks a missing day (an empty date field). */
  static final int NONE = Integer.MIN_VALUE;

  private static final int CACHE_FIRST = (int) LocalDate.of(1990, 1, 1).toEpochDay();
  private static final int CACHE_LAST = (int) LocalDate.of(2100, 12, 31).toEpochDay();
  private static final String[] TEXT = new String[CACHE_LAST - CACHE_FIRST + 1];
  private static final int[] MONTH = new int[TEXT.length];

  static {
    LocalDate d = LocalDate.ofEpochDay(CACHE_FIRST);
    for (int i = 0; i < TEXT.length; i++) {
      TEXT[i] = d.toString();
      MONTH[i] = d.getYear() * 12 + d.getMonthValue() - 1;
      d = d.plusDays(1);
    }
  }

  private Days() {}

  /** {@code YYYY-MM-DD}. */
  static String text(int day) {
    int i = day - CACHE_FIRST;
    return i >= 0 && i < TEXT.length ? TEXT[i] : LocalDate.ofEpochDay(day).toString();
  }

  static int of(int year, int month, int dayOfMonth) {
    return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
  }

  static int monthIndex(int year, int month) {
    return year * 12 + month - 1;
  }

  static int year(int monthIndex) {
    return Math.floorDiv(monthIndex, 12);
  }

  static int monthOfYear(int monthIndex) {
    return Math.floorMod(monthIndex, 12) + 1;
  }

  /** The month index of a day. */
  static int monthOf(int day) {
    int i = day - CACHE_FIRST;
    if (i >= 0 && i < MONTH.length) {
      return MONTH[i];
    }
    LocalDate d = LocalDate.ofEpochDay(day);
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  static int yearOf(int day) {
    return year(monthOf(day));
  }

  static int firstDay(int monthIndex) {
    return of(year(monthIndex), monthOfYear(monthIndex), 1);
  }

  static int lastDay(int monthIndex) {
    return firstDay(monthIndex + 1) - 1;
  }

  static int lengthOfMonth(int monthIndex) {
    return firstDay(monthIndex + 1) - firstDay(monthIndex);
  }

  /** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
  static int dayOfWeek(int day) {
    return Math.floorMod(day + 3, 7);
  }

  static boolean isWeekday(int day) {
    return dayOfWeek(day) < 5;
  }

  /** The day itself when it is Monday–Friday, else the Friday before. */
  static int weekdayOnOrBefore(int day) {
    int dow = dayOfWeek(day);
    return dow < 5 ? day : day - (dow - 4);
  }

  /** The day itself when it is Monday–Friday, else the Monday after. */
  static int weekdayOnOrAfter(int day) {
    int dow = dayOfWeek(day);
    return dow < 5 ? day : day + (7 - dow);
  }

  /** {@code YYYY-MM}. */
  static String monthText(int monthIndex) {
    int y = year(monthIndex);
    int m = monthOfYear(monthIndex);
    return y + (m < 10 ? "-0" : "-") + m;
  }

  /**
   * Parses a strict {@code YYYY-MM} month.
   *
   * @throws IllegalArgumentException when the text is not such a month
   */
  static int parseMonth(String text) {
    if (text == null || text.length() != 7 || text.charAt(4) != '-') {
      throw new IllegalArgumentException("not a YYYY-MM month: " + text);
    }
    for (int i = 0; i < 7; i++) {
      if (i != 4 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
        throw new IllegalArgumentException("not a YYYY-MM month: " + text);
      }
    }
    int year = Integer.parseInt(text.substring(0, 4));
    int month = Integer.parseInt(text.substring(5, 7));
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("not a YYYY-MM month: " + text);
    }
    return monthIndex(year, month);
  }
}
