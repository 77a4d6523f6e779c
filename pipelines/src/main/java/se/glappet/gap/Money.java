package se.glappet.gap;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** TEMPORARY stand-in until the gaprules branch lands; replaced by its Money. */
public final class Money {
  private Money() {}

  public static BigDecimal publish(BigDecimal exact) {
    return exact == null ? null : exact.setScale(12, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (a == null || b == null || b.signum() == 0) {
      return null;
    }
    return a.divide(b, 20, RoundingMode.HALF_EVEN);
  }
}
