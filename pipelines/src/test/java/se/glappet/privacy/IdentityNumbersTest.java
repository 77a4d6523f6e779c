package se.glappet.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract section 2.7, PII_DETECTED and the masking of raw lines.
 *
 * <p>Check digits (Luhn over the last ten digits, weights 2,1,2,1,... on the first nine; a product
 * of two digits has its digits summed; check = (10 - sum mod 10) mod 10), computed by hand:
 *
 * <pre>
 * 811218-9876  8*2=16→7, 1, 1*2=2, 2, 1*2=2, 8, 9*2=18→9, 8, 7*2=14→5   sum 44 → check 6  ✓
 * 811218-9875  same, check digit 5 ≠ 6                                     → wrong
 * 811318-9875  7, 1, 2, 3, 2, 8, 9, 8, 5                     sum 45 → check 5, but month 13
 * 701063-2391  7*2=14→5, 0, 2, 0, 6*2=12→3, 3, 4, 3, 9*2=18→9 sum 29 → check 1  ✓
 *              (samordningsnummer: day 63 - 60 = 3, 1970-10-03)
 * 701092-2396  5, 0, 2, 0, 9*2=18→9, 2, 4, 3, 9              sum 34 → check 6, day 92-60 = 32
 * 000229-1235  0, 0, 0, 2, 4, 9, 2, 2, 6                     sum 25 → check 5  ✓ (2000 is leap)
 * 040229-1231  0, 4, 0, 2, 4, 9, 2, 2, 6                     sum 29 → check 1  ✓ (1904/2004 leap)
 * 010229-1234  0, 1, 0, 2, 4, 9, 2, 2, 6                     sum 26 → check 4, but 1801/1901/2001
 *              are not leap years, so no century makes 29 February valid
 * 000289-1232  0, 0, 0, 2, 8*2=16→7, 9, 2, 2, 6             sum 28 → check 2  ✓ (samordning, 29 Feb 2000)
 * 1234567890   2, 2, 6, 4, 10→1, 6, 14→5, 8, 18→9            sum 43 → check 7 ≠ 0 (and month 34)
 * </pre>
 */
class IdentityNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"811218-9876", "19811218-9876", "8112189876", "198112189876", "811218+9876",
      "19811218+9876"})
  void skatteverketTestNumberInEveryWrittenFormIsDetected(String value) {
    assertTrue(IdentityNumbers.isIdentityNumber(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"701063-2391", "7010632391", "19701063-2391", "197010632391"})
  void samordningsnummerWithDayPlusSixtyIsDetected(String value) {
    assertTrue(IdentityNumbers.isIdentityNumber(value), value);
  }

  @Test
  void samordningsnummerWhoseDayMinusSixtyIsNoDateIsNotDetected() {
    assertFalse(IdentityNumbers.isIdentityNumber("701092-2396"));
  }

  @Test
  void samordningsnummerOnTwentyNinthFebruaryIsDetected() {
    assertTrue(IdentityNumbers.isIdentityNumber("000289-1232"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"000229-1235", "0002291235", "040229-1231", "20000229-1235", "19040229-1231"})
  void twentyNinthFebruaryIsValidWhenSomeCenturyMakesItALeapYear(String value) {
    assertTrue(IdentityNumbers.isIdentityNumber(value), value);
  }

  @Test
  void twentyNinthFebruaryInTenDigitFormIsInvalidWhenNoCenturyIsALeapYear() {
    assertFalse(IdentityNumbers.isIdentityNumber("010229-1234"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"19000229-1235", "18000229-1235"})
  void twentyNinthFebruaryInTwelveDigitFormUsesTheWrittenCentury(String value) {
    assertFalse(IdentityNumbers.isIdentityNumber(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"811218-9875", "8112189875", "19811218-9875"})
  void wrongCheckDigitIsNotDetected(String value) {
    assertFalse(IdentityNumbers.isIdentityNumber(value), value);
  }

  @Test
  void monthThirteenIsNotDetectedEvenWithARightCheckDigit() {
    assertFalse(IdentityNumbers.isIdentityNumber("811318-9875"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"218112189876", "21811218-9876", "178112189876"})
  void twelveDigitsNotStartingWith18Or19Or20AreNotDetected(String value) {
    assertFalse(IdentityNumbers.isIdentityNumber(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"81121898760", "19811218987", "8112189876012", "811218-98760", "1811218-9876"})
  void elevenOrThirteenDigitsAreNotDetected(String value) {
    assertFalse(IdentityNumbers.isIdentityNumber(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567890123456", "2011-01-05", "20110105", "1234567890", "1 234,50", "12345,67",
      "811218 9876", "811218--9876", "811218/9876", "x8112189876", ""})
  void otherValuesAreNotDetected(String value) {
    assertFalse(IdentityNumbers.isIdentityNumber(value), value);
  }

  // The shape (10 or 12 digits, or 6 or 8 digits, one '-' or '+', 4 digits) is checked by hand
  // before the regular expression: these pin its edges.

  @ParameterizedTest
  @ValueSource(strings = {"19701063+2391", "701063+2391", "20000289-1232", "200002891232", "\t19811218+9876\t"})
  void samordningsnummerAndPlusFormsInTwelveDigitsAreDetected(String value) {
    assertTrue(IdentityNumbers.isIdentityNumber(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "81121-89876", // separator one place too early
      "8112189-876", // one place too late
      "1981121-89876", // 13 characters, separator not before the last four
      "198112189-876",
      "811218-987", // ten characters including the separator
      "-8112189876", "8112189876-", "+8112189876",
      "811218+-9876", "19811218-+9876",
      "811218\u22129876", // U+2212 minus sign
      "811218\u20109876", // hyphen U+2010
      "\uFF18112189876", // fullwidth 8
      "\u0668112189876", // Arabic-Indic 8
      "811218a9876", "8112189876a", "a8112189876", "81121a-9876", "1981121a9876",
      "811218-9876 x", "811218 -9876"})
  void stringsCloseToTheShapeAreNotDetected(String value) {
    assertFalse(IdentityNumbers.isIdentityNumber(value), value);
  }

  @Test
  void nullIsNotDetected() {
    assertFalse(IdentityNumbers.isIdentityNumber(null));
  }

  @Test
  void surroundingSpacesAndTabsAreTrimmedBeforeTheCheck() {
    assertTrue(IdentityNumbers.isIdentityNumber(" \t811218-9876 "));
  }

  // --- mask -------------------------------------------------------------------------------

  @Test
  void maskReplacesTheDigitsOfATenDigitRunAndKeepsTheSeparator() {
    assertEquals("a;******-****;b", IdentityNumbers.mask("a;811218-9876;b"));
    assertEquals("a;******+****;b", IdentityNumbers.mask("a;811218+9876;b"));
    assertEquals("a;**********;b", IdentityNumbers.mask("a;8112189876;b"));
  }

  @Test
  void maskReplacesTheDigitsOfATwelveDigitRun() {
    assertEquals("********-****", IdentityNumbers.mask("19811218-9876"));
    assertEquals("************", IdentityNumbers.mask("198112189876"));
  }

  @Test
  void maskAlsoReplacesRunsThatAreNotValidNumbers() {
    assertEquals("**********", IdentityNumbers.mask("8112189875"));
    assertEquals("x ************ y", IdentityNumbers.mask("x 218112189876 y"));
    assertEquals("amount **********", IdentityNumbers.mask("amount 1234567890"));
  }

  @Test
  void maskReplacesRunsNextToLettersAndOtherNonDigits() {
    assertEquals("id=**********abcdef", IdentityNumbers.mask("id=8112189876abcdef"));
  }

  @Test
  void maskReplacesEveryRunOnTheLine() {
    assertEquals("**********;************;\"******-****\"",
        IdentityNumbers.mask("8112189876;198112189876;\"811218-9876\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678901", "1234567890123", "1234567890123456", "811218-98765",
      "9811218-9876", "2011-01-05", "20110105", "1 234,50", "0127", "no digits here", ""})
  void maskLeavesRunsOfOtherLengthsAndRunsTouchingADigitUntouched(String text) {
    assertEquals(text, IdentityNumbers.mask(text));
  }

  @Test
  void maskOfNullIsNull() {
    assertEquals(null, IdentityNumbers.mask(null));
  }
}
