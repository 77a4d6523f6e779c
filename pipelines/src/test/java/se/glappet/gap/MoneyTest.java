package se.glappet.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static BigDecimal m(String s) {
    return new BigDecimal(s);
  }

  @Test
  void halfAwayFromZero() {
    // x.xx5 goes up (HALF_EVEN would give 2.12)
    assertEquals(m("2.13"), Money.publish(m("2.125")));
    // -x.xx5 goes away from zero
    assertEquals(m("-2.13"), Money.publish(m("-2.125")));
    // below the half: down
    assertEquals(m("2.12"), Money.publish(m("2.1249")));
    assertEquals(m("-2.12"), Money.publish(m("-2.1249")));
  }

  @Test
  void divisionErrorCannotFlipAnExactHalf() {
    // 2.125 - 1e-20 (division error): 12-decimal step gives 2.125000000000 -> 2.13
    assertEquals(m("2.13"), Money.publish(m("2.12499999999999999999")));
    assertEquals(m("-2.13"), Money.publish(m("-2.12499999999999999999")));
    // a real difference of 1e-9 is kept: 2.124999999 -> 2.12
    assertEquals(m("2.12"), Money.publish(m("2.124999999")));
  }

  @Test
  void alwaysTwoDecimals() {
    assertEquals(2, Money.publish(m("1300")).scale());
    assertEquals(m("1300.00"), Money.publish(m("1300")));
    assertEquals(m("0.00"), Money.publish(BigDecimal.ZERO));
    assertNull(Money.publish(null));
  }

  @Test
  void divide() {
    // 1 / 3 and 2 / 3 to 20 decimals, HALF_EVEN
    assertEquals(m("0.33333333333333333333"), Money.divide(m("1"), m("3")));
    assertEquals(m("0.66666666666666666667"), Money.divide(m("2.00"), m("3")));
    // 1 234.50 / 5 = 246.9
    assertEquals(0, m("246.9").compareTo(Money.divide(m("1234.50"), m("5"))));
    assertNull(Money.divide(m("1"), BigDecimal.ZERO));
    assertNull(Money.divide(m("1"), m("0.00")));
    assertNull(Money.divide(m("1"), null));
    assertNull(Money.divide(null, m("3")));
  }
}
