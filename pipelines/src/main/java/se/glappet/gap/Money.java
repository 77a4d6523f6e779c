package se.glappet.gap;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding and division of money amounts (contract section 3.2). */
public final class Money {
  /** Decimals of the intermediate rounding in {@link #publish(BigDecimal)}. */
  public static final int GUARD_SCALE = 12;

  private Money() {}

  /**
   * Rounds an exactly computed amount to 2 decimals, half away from zero ({@link
   * RoundingMode#HALF_UP}), as published {@code _sek} columns are; null stays null.
   *
   * <p>The amount is first rounded to {@value #GUARD_SCALE} decimals (HALF_UP). Amounts here are
   * sums of quotients carried to {@link Apportion#SCALE} = 20 decimals, so each term may be off by
   * up to 0.5e-20 and a sum of n terms by n × 0.5e-20. A value that is exactly x.xx5 may therefore
   * arrive just below it: three payments of 1 000,01 SEK covering 6 days each, with one of those
   * days in the gap, give three parts 1000.01 / 6 = 166.66833333333333333333 (each rounded down at
   * the 20th decimal), summing to 500.00499999999999999999 where the exact sum is 3000.03 / 6 =
   * 500.005. Rounded directly that gives 500.00 instead of 500.01. Rounding to 12 decimals first
   * removes the error (many orders of magnitude below 1e-12): 500.005000000000 → 500.01. The price
   * is that a true value within 0.5e-12 of x.xx5 but not equal to it would also round as x.xx5; a
   * published öre amount cannot tell the difference.
   */
  public static BigDecimal publish(BigDecimal exact) {
    if (exact == null) {
      return null;
    }
    return exact.setScale(GUARD_SCALE, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * {@code a / b} to {@link Apportion#SCALE} = 20 decimals (HALF_EVEN); null when a or b is null or
   * b is zero.
   */
  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (a == null || b == null || b.signum() == 0) {
      return null;
    }
    return a.divide(b, Apportion.SCALE, RoundingMode.HALF_EVEN);
  }
}
