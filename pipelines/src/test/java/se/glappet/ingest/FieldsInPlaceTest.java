package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import se.glappet.records.ReasonCode;

/** The in-place readings: values inside a line, read where they lie ("[" and "]" mark the field). */
class FieldsInPlaceTest {
  /** The field between "[" and "]" in s: {from, to}. */
  private static int[] field(String s) {
    return new int[] {s.indexOf('[') + 1, s.indexOf(']')};
  }

  /** s's characters as the reading's checks see them ({@link TextDecoding#latin1Bytes}). */
  private static byte[] b(String s) {
    return TextDecoding.latin1Bytes(s);
  }

  private static long amount(String s, int[] scale) {
    int[] f = field(s);
    return FieldsInPlace.amountUnscaled(b(s), f[0], f[1], scale);
  }

  @Test
  void amountsAsUnscaledAndScale() {
    int[] scale = new int[1];
    assertEquals(123450, amount("x;[1 234,50];y", scale));
    assertEquals(2, scale[0]);
    assertEquals(12345, amount("[1234.5]", scale));
    assertEquals(1, scale[0]);
    assertEquals(-75, amount("[-75]", scale));
    assertEquals(0, scale[0]);
    assertEquals(-228304, amount(";[-2\u00A0283,04];", scale));
    assertEquals(2, scale[0]);
    assertEquals(123456789012345678L, amount("[123456789012345678]", scale));
  }

  @Test
  void amountsNotReadInPlace() {
    int[] scale = new int[1];
    for (String bad : new String[] {"[12 34]", "[1000,001]", "[1.]", "[,5]", "[+5]", "[1234 567]", "[-]",
        "[1 2345]", "[1234567890123456789]", "[123456789012345678,5]", "[1 234 567 890 123 456]",
        // Characters above U+00FF (the minus sign U+2212, the narrow no-break space U+202F) are left
        // to FieldRules.amount, which takes them (the row parser's tests read such lines whole).
        "[\u221275]", "[1\u202F000,5]"}) {
      assertEquals(FieldsInPlace.NOT_IN_PLACE, amount(bad, scale), bad);
    }
  }

  @Test
  void datesAsYearMonthDay() {
    assertEquals(20240229, FieldsInPlace.date(b("a;2024-02-29;b"), 2, 12));
    assertEquals(101, FieldsInPlace.date(b("0000-01-01"), 0, 10));
    assertEquals(-1, FieldsInPlace.date(b("2023-02-29"), 0, 10));
    assertEquals(-1, FieldsInPlace.date(b("2024-04-31"), 0, 10));
    assertEquals(-1, FieldsInPlace.date(b("2024-13-01"), 0, 10));
    assertEquals(-1, FieldsInPlace.date(b("2024/03/05"), 0, 10));
    assertEquals(-1, FieldsInPlace.date(b("2024-03-5;"), 0, 9));
  }

  @Test
  void integersWithoutLeadingZeros() {
    assertEquals(2, FieldsInPlace.integer(b(";002;"), 1, 4));
    assertEquals(0, FieldsInPlace.integer(b("000"), 0, 3));
    assertEquals(999_999_999_999_999_999L, FieldsInPlace.integer(b("000999999999999999999"), 0, 21));
    assertEquals(FieldsInPlace.NOT_IN_PLACE, FieldsInPlace.integer(b("1000000000000000000"), 0, 19));
    assertEquals(FieldsInPlace.NOT_IN_PLACE, FieldsInPlace.integer(b("1.0"), 0, 3));
    assertEquals(FieldsInPlace.NOT_IN_PLACE, FieldsInPlace.integer(b("-1"), 0, 2));
  }

  @Test
  void paymentIdsAndDigits() {
    assertTrue(FieldsInPlace.isPaymentId(b(";utb_001-U76;"), 1, 12));
    assertFalse(FieldsInPlace.isPaymentId(b("a b"), 0, 3));
    assertFalse(FieldsInPlace.isPaymentId(b("a".repeat(65)), 0, 65));
    assertTrue(FieldsInPlace.allDigits(b("x0127x"), 1, 5));
    assertFalse(FieldsInPlace.allDigits(b("x01a7x"), 1, 5));
  }

  @Test
  void identityNumberShapes() {
    assertTrue(FieldsInPlace.mayBeIdentityNumber(b(";8112189875;"), 1, 11));
    assertTrue(FieldsInPlace.mayBeIdentityNumber(b("19811218-9876"), 0, 13));
    assertTrue(FieldsInPlace.mayBeIdentityNumber(b("811218+9875"), 0, 11));
    assertTrue(FieldsInPlace.mayBeIdentityNumber(b("198112189876"), 0, 12));
    assertFalse(FieldsInPlace.mayBeIdentityNumber(b("81121898751"), 0, 11));
    assertFalse(FieldsInPlace.mayBeIdentityNumber(b("2024-03-05"), 0, 10));
    assertFalse(FieldsInPlace.mayBeIdentityNumber(b("19811218 9876"), 0, 13));
  }

  @Test
  void codesCaseInsensitiveAsciiOnly() {
    Enum<?>[] codes = ReasonCode.values();
    assertSame(ReasonCode.SICK, FieldsInPlace.asciiCode(b(";sIcK;"), 1, 5, codes, FieldsInPlace.names(codes)));
    assertNull(FieldsInPlace.asciiCode(b("sjuk"), 0, 4, codes, FieldsInPlace.names(codes)));
    // Dotless i upper-cases to I: not ASCII, so left to FieldRules.code.
    assertNull(FieldsInPlace.asciiCode(b("s\u0131ck"), 0, 4, codes, FieldsInPlace.names(codes)));
  }

  @Test
  void agreesWithFieldRulesWhereItAnswers() throws Exception {
    int[] scale = new int[1];
    for (String v : new String[] {"1 234,50", "0,01", "-0", "999 999,99", "12", "07,5", "1000.10"}) {
      long u = FieldsInPlace.amountUnscaled(b(v), 0, v.length(), scale);
      assertEquals(FieldRules.amount(v), BigDecimal.valueOf(u, scale[0]), v);
    }
  }
}
