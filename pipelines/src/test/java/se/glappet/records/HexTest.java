package se.glappet.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shared digit table against the JDK's reading of hexadecimal digits, for every char. */
class HexTest {
  @Test
  void eitherCaseAgreesWithCharacterDigitOnAsciiAndRefusesEverythingElse() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      int expected = c < 128 ? Character.digit((char) c, 16) : -1; // Character.digit also takes e.g. '\uFF10'
      assertEquals(expected, Hex.nibble((char) c), "char " + c);
    }
  }

  @Test
  void lowerCaseOnlyRefusesUpperCaseLetters() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      boolean lowerHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      assertEquals(lowerHex ? Character.digit((char) c, 16) : -1, Hex.lowerNibble((char) c), "char " + c);
    }
  }

  @Test
  void digitsAreLowerCaseAndReadBack() {
    for (int v = 0; v < 16; v++) {
      assertEquals(Integer.toHexString(v).charAt(0), Hex.digit(v));
      assertEquals(v, Hex.lowerNibble(Hex.digit(v)));
    }
  }

  @Test
  void kindsSayHexadecimalAndUpperCase() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      boolean lowerHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      boolean upperHex = c >= 'A' && c <= 'F';
      int expected = lowerHex ? Hex.LOWER_OR_DIGIT : upperHex ? Hex.UPPER : Hex.NOT_HEX;
      assertEquals(expected, Hex.kind((char) c), "char " + c);
    }
  }
}
