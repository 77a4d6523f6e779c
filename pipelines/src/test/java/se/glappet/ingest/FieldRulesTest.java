package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.glappet.ingest.FieldRules.BadValueException;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
import se.glappet.records.ReasonCode;

/** Contract section 2.1: how single fields are read. */
class FieldRulesTest {

  // --- trimming -------------------------------------------------------------------------

  @Test
  void trimRemovesSpacesAndTabsOnly() {
    assertEquals("a b", FieldRules.trim(" \ta b\t "));
    assertEquals("\u00A0a\u00A0", FieldRules.trim(" \u00A0a\u00A0 "));
    assertEquals("a\r", FieldRules.trim("a\r"));
  }

  // --- integers -------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"0,0", "7,7", "01,1", "0007,7", "000,0", "20,20"})
  void integerIsPlainDigitsWithLeadingZerosAllowed(String in, long expected) throws Exception {
    assertEquals(expected, FieldRules.integer(in));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+1", "1.0", "1,0", "1 000", "1e3", "x", "",
      "\u0661\u0662", // Arabic-Indic ١٢
      "\uFF11", // fullwidth 1
      "\u0967"}) // Devanagari 1
  void integerRejectsSignsSeparatorsAndNonAsciiDigits(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.integer(in));
  }

  @Test
  void integerWithBoundsRejectsValuesOutsideThem() throws Exception {
    assertEquals(2, FieldRules.integer("2", 1, 2));
    assertEquals(1, FieldRules.integer("01", 1, 2));
    assertThrows(BadValueException.class, () -> FieldRules.integer("3", 1, 2));
    assertThrows(BadValueException.class, () -> FieldRules.integer("0", 1, 2));
  }

  // --- amounts --------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 234,50|1234.50",
      "1234.5|1234.5",
      "−75|-75", // U+2212 minus
      "-75|-75",
      "1\u00A0234,50|1234.50", // no-break space
      "1\u202F234\u202F567.8|1234567.8", // narrow no-break space
      "12 345 678|12345678",
      "0,5|0.5",
      "0|0",
      "007|7",
      "1234,05|1234.05",
      "-1 234,5|-1234.5"})
  void validAmounts(String in, String expected) throws Exception {
    assertEquals(0, new BigDecimal(expected).compareTo(FieldRules.amount(in)), in);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.234,50", // dot as thousands separator
      "12,345", // three decimals
      "12.345",
      "1 23", // short group
      "1 2345", // long group
      "1234 567", // first group longer than three digits
      "1,2,3",
      "12,", // empty decimals
      "12.",
      ",5", // no integer digits
      "+75",
      "--75",
      "- 75",
      "75-",
      "1  234", // two spaces
      "1\t234",
      "\u0661\u0662", // Arabic-Indic digits
      "1e3",
      ""})
  void invalidAmounts(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.amount(in), in);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 234,50|1234.50", // the scale is that of the written decimals
      "-0,00|0.00",
      "\u22120|0",
      "0,10|0.10",
      "123456789012345678|123456789012345678", // 18 digits
      "1234567890123456789|1234567890123456789", // 19 digits
      "-12345678901234567,89|-12345678901234567.89",
      "999 999 999 999 999 999,99|999999999999999999.99",
      "12 345 678 901 234 567|12345678901234567",
      "1 000|1000"})
  void amountsKeepTheirScaleAndAllTheirDigits(String in, String expected) throws Exception {
    assertEquals(new BigDecimal(expected), FieldRules.amount(in), in); // equals: value and scale
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1 234 ", // separator at the end
      " 1 234",
      "1 234 56",
      "1 234 5678",
      "1 234,",
      "1 234,567",
      "1234 5678",
      "\u22121\u00A0000,5x",
      "1\u2009234", // thin space is no thousands separator
      "1_234",
      "-",
      "\u2212",
      "-,5",
      "1,5,",
      "12\uFF13"})
  void amountsCloseToTheShapeAreBad(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.amount(in), in);
  }

  // --- dates and months -----------------------------------------------------------------

  @Test
  void dateIsYyyyMmDd() throws Exception {
    assertEquals(LocalDate.of(2024, 2, 29), FieldRules.date("2024-02-29"));
    assertEquals(LocalDate.of(2023, 12, 31), FieldRules.date("2023-12-31"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
      "2024-1-5", "2024/01/05", "20240105", "05-01-2024", "2024-01-05T00:00", "2024-01", "2024-01-05 ",
      "２０２４-01-05", "2100-02-29", "1900-02-29", "2024-06-31", "2024-01-32", "2024-01-0a", "2024-01-\uFF10\uFF15"})
  void otherDatesAndImpossibleCalendarDatesAreBad(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.date(in), in);
  }

  @Test
  void dateAcceptsEveryLastDayOfAMonth() throws Exception {
    assertEquals(LocalDate.of(2000, 2, 29), FieldRules.date("2000-02-29"));
    assertEquals(LocalDate.of(2023, 2, 28), FieldRules.date("2023-02-28"));
    assertEquals(LocalDate.of(2024, 4, 30), FieldRules.date("2024-04-30"));
    assertEquals(LocalDate.of(2024, 8, 31), FieldRules.date("2024-08-31"));
    assertEquals(LocalDate.of(0, 1, 1), FieldRules.date("0000-01-01"));
  }

  @Test
  void monthIsYyyyMm() throws Exception {
    assertEquals(YearMonth.of(2024, 1), FieldRules.month("2024-01"));
    assertEquals(YearMonth.of(2024, 12), FieldRules.month("2024-12"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-13", "2024-00", "2024-1", "202401", "2024-01-01", "01-2024", "2024/01",
      "2024-0a", "2024-1 ", "\uFF12024-01", "2024--1", "2024_01"})
  void otherMonthsAreBad(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.month(in), in);
  }

  // --- codes and identifiers ------------------------------------------------------------

  @Test
  void municipalityCodeIsFourDigitsKeptAsText() throws Exception {
    assertEquals("0127", FieldRules.municipalityCode("0127"));
    assertEquals("2584", FieldRules.municipalityCode("2584"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127", "01270", "012a", "01 27", "\u0660\u0661\u0662\u0667", "", "012/", "012:",
      "-127", "012\uFF17"})
  void municipalityCodeOfAnotherShapeIsBad(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.municipalityCode(in), in);
  }

  @Test
  void pseudonymIs16To64HexCharactersComparedInLowerCase() throws Exception {
    assertEquals("0123456789abcdef", FieldRules.pseudonym("0123456789ABCDEF"));
    assertEquals("a".repeat(64), FieldRules.pseudonym("A".repeat(64)));
    assertEquals("1234567890123456", FieldRules.pseudonym("1234567890123456"));
  }

  @Test
  void pseudonymInMixedCaseIsLowerCased() throws Exception {
    assertEquals("0123456789abcdef", FieldRules.pseudonym("0123456789aBcDeF"));
    assertEquals("abcdef0123456789".repeat(4), FieldRules.pseudonym("aBcDeF0123456789".repeat(4)));
    String lower = "0123456789abcdef";
    assertEquals(lower, FieldRules.pseudonym(lower));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0123456789abcde", "0123456789abcdeg", "0123456789abcdef-", "0123-4567-89ab-cdef",
      "0123456789ABCDEG", "0123456789ABCDE", "0123456789abcde@", "0123456789abcde`", "0123456789abcde/",
      "0123456789abcde:", "0123456789abcde\u00C1", "0123456789abcde\uFF41", "0123456789abcde\u0100",
      "0123456789abcde\u0141", "0123456789ABCDE\u00E1", "0123456789abcde "})
  void pseudonymOfAnotherShapeIsBad(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.pseudonym(in), in);
  }

  @Test
  void pseudonymLongerThan64IsBad() {
    assertThrows(BadValueException.class, () -> FieldRules.pseudonym("a".repeat(65)));
  }

  @Test
  void paymentIdKeepsItsCase() throws Exception {
    assertEquals("Ab-1_z", FieldRules.paymentId("Ab-1_z"));
    assertEquals("x", FieldRules.paymentId("x"));
    assertEquals("Z".repeat(64), FieldRules.paymentId("Z".repeat(64)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a.b", "a/b", "å", "a+b", "", "a:b", "a@b", "a[b", "a`b", "a{b", "a\u00A0b", "a\tb",
      "a;b", "a\"b", "\uFF21", "a\u2010b", "a\u00DFb"})
  void paymentIdWithOtherCharactersIsBad(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.paymentId(in), in);
  }

  @Test
  void paymentIdLongerThan64IsBad() {
    assertThrows(BadValueException.class, () -> FieldRules.paymentId("a".repeat(65)));
  }

  @Test
  void paymentIdOfEveryAllowedCharacterAtTheEdgeOfItsLength() throws Exception {
    String all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    assertEquals(64, all.length());
    assertEquals(all, FieldRules.paymentId(all));
    assertThrows(BadValueException.class, () -> FieldRules.paymentId(all + "A"));
    assertThrows(BadValueException.class, () -> FieldRules.paymentId("-".repeat(65)));
  }

  @Test
  void codesAreCaseInsensitive() throws Exception {
    assertEquals(ReasonCode.WAITING_PLAN, FieldRules.code("waiting_plan", ReasonCode.class));
    assertEquals(ReasonCode.SECONDARY_MOVE, FieldRules.code("Secondary_Move", ReasonCode.class));
    assertEquals(AllowancePeriod.Type.ESTABLISHMENT, FieldRules.code("establishment", AllowancePeriod.Type.class));
    assertEquals(AllowancePeriod.Type.LMA, FieldRules.code("lma", AllowancePeriod.Type.class));
    assertEquals(KisRow.ReceptionType.OWN_HOUSING, FieldRules.code("own_housing", KisRow.ReceptionType.class));
  }

  @Test
  void codesInMixedCaseAreKnown() throws Exception {
    assertEquals(ReasonCode.OTHER, FieldRules.code("oThEr", ReasonCode.class));
    assertEquals(ReasonCode.OUTSIDE_TARGET_GROUP, FieldRules.code("outside_TARGET_group", ReasonCode.class));
    assertEquals(KisRow.ReceptionType.QUOTA, FieldRules.code("Quota", KisRow.ReceptionType.class));
    assertEquals(AllowancePeriod.Type.LMA, FieldRules.code("lMa", AllowancePeriod.Type.class));
  }

  @Test
  void codesAreUpperCasedAsStringToUpperCaseRootDoes() throws Exception {
    // Outside ASCII: dotless i (U+0131) and long s (U+017F) upper-case to I and S.
    assertEquals(ReasonCode.SICK, FieldRules.code("s\u0131ck", ReasonCode.class));
    assertEquals(ReasonCode.SICK, FieldRules.code("\u017Fick", ReasonCode.class));
    // The Kelvin sign (U+212A) only lower-cases to k; upper-casing keeps it, so no match.
    assertThrows(BadValueException.class, () -> FieldRules.code("\u212Aick", ReasonCode.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"WAITING PLAN", "WAITING-PLAN", "WAITING_PLANS", "X", "", "SIC", "SICKK", "S\u00CDCK",
      "sick\u0000", "\uFF33ICK", "SICK ", "WAITING_PLAn_"})
  void unknownCodesAreBad(String in) {
    assertThrows(BadValueException.class, () -> FieldRules.code(in, ReasonCode.class), in);
  }

  @Test
  void everyContractCodeIsKnown() throws Exception {
    for (String c : new String[] {"WAITING_PLAN", "WAITING_PAYMENT", "BELOW_NORM", "OUTSIDE_TARGET_GROUP",
        "FAMILY_REUNION", "ALLOWANCE_REDUCED", "PLAN_ENDED", "SECONDARY_MOVE", "UNEMPLOYED", "SICK", "OTHER"}) {
      assertEquals(c, FieldRules.code(c, ReasonCode.class).name());
    }
    for (String c : new String[] {"ASSIGNED", "OWN_HOUSING", "QUOTA", "FAMILY"}) {
      assertEquals(c, FieldRules.code(c, KisRow.ReceptionType.class).name());
    }
  }
}
