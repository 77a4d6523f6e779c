package se.glappet.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  static final byte[] KEY = "municipality-secret-0127".getBytes(StandardCharsets.UTF_8);

  @Test
  void everyWrittenFormOfOneNumberGivesOnePseudonym() {
    Pseudonymiser p = new Pseudonymiser(KEY, TODAY);
    String expected = p.pseudonym("198112189876");
    assertTrue(expected.matches("[0-9a-f]{64}"), expected);
    for (String form : new String[] {"811218-9876", "8112189876", "19811218-9876", " 198112189876 "}) {
      assertEquals(expected, p.pseudonym(form), form);
    }
  }

  @Test
  void plusMeansAHundredYearsOrOlder() {
    assertEquals("188112189876", Pseudonymiser.normalise("811218+9876", TODAY));
    assertEquals("198112189876", Pseudonymiser.normalise("811218-9876", TODAY));
    Pseudonymiser p = new Pseudonymiser(KEY, TODAY);
    assertEquals(p.pseudonym("18811218-9876"), p.pseudonym("811218+9876"));
    assertNotEquals(p.pseudonym("811218-9876"), p.pseudonym("811218+9876"));
  }

  @Test
  void centuryOfATenDigitNumberMakesThePersonYoungerThanAHundred() {
    // 2010-02-29 does not exist; use 2004-02-29 (leap): born 2004, not 1904.
    assertEquals("200402291231", Pseudonymiser.normalise("040229-1231", TODAY));
    // A date later this year than today belongs to the previous century: 261231 → 1926-12-31.
    assertEquals("1926", Pseudonymiser.normalise(tenDigit("261231", "123"), TODAY).substring(0, 4));
  }

  @Test
  void coordinationNumbersKeepTheirDayPlusSixty() {
    assertEquals("197010632391", Pseudonymiser.normalise("701063-2391", TODAY));
    Pseudonymiser p = new Pseudonymiser(KEY, TODAY);
    assertEquals(p.pseudonym("197010632391"), p.pseudonym("7010632391"));
  }

  @Test
  void anotherKeyGivesAnotherPseudonym() {
    Pseudonymiser a = new Pseudonymiser(KEY, TODAY);
    Pseudonymiser b = new Pseudonymiser("another-municipality-key".getBytes(StandardCharsets.UTF_8), TODAY);
    assertNotEquals(a.pseudonym("811218-9876"), b.pseudonym("811218-9876"));
  }

  @Test
  void invalidNumbersHaveNoPseudonym() {
    Pseudonymiser p = new Pseudonymiser(KEY, TODAY);
    assertNull(p.pseudonym("811218-9875")); // wrong check digit
    assertNull(p.pseudonym("811318-9876")); // month 13
    assertNull(p.pseudonym(""));
    assertNull(p.pseudonym("aaaaaaaaaaaaaaaa"));
  }

  @Test
  void noKeyNoRun() {
    assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new byte[0], TODAY));
    assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser("short".getBytes(StandardCharsets.UTF_8), TODAY));
  }

  @Test
  void aKeyOfBlanksOrOfOneRepeatedCharacterIsRefused() {
    for (String weak : new String[] {" ".repeat(16), " ".repeat(40), "\t \r\n".repeat(8), "a".repeat(32),
        "abababababababababab", "    short-key     "}) {
      assertThrows(IllegalArgumentException.class,
          () -> new Pseudonymiser(weak.getBytes(StandardCharsets.UTF_8), TODAY), "'" + weak + "'");
    }
    new Pseudonymiser("0123456789abcdef".getBytes(StandardCharsets.UTF_8), TODAY);
  }

  /** A valid 10-digit number for a date and three serial digits (computes the Luhn digit). */
  static String tenDigit(String yymmdd, String serial) {
    String nine = yymmdd + serial;
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
    return yymmdd + "-" + serial + (10 - sum % 10) % 10;
  }
}
