package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract sections 2.1–2.5 and 2.7: the checks of one data line, given its file's header. */
class RowParserTest {
  static final Set<String> MUNICIPALITIES = Set.of("0127", "0136", "0180");

  static final String IS_HEADER = "municipality_code;payment_id;household_id;person_id;payment_date;"
      + "covers_from;covers_to;amount_sek;reason_code;adults;children";
  static final String IS_ROW = "0127;P-1;aaaaaaaaaaaaaaaa;bbbbbbbbbbbbbbbb;2024-03-05;"
      + "2024-03-01;2024-03-31;1 234,50;WAITING_PLAN;1;2";

  static final String AL_HEADER =
      "person_id;municipality_code;allowance_type;from_date;to_date;first_payment_date;daily_amount_sek";
  static final String AL_ROW = "bbbbbbbbbbbbbbbb;0127;ESTABLISHMENT;2024-03-01;2024-12-31;2024-04-25;308";

  static final String KIS_HEADER =
      "municipality_code;period;reception_type;newcomers_received;with_plan;awaiting_plan;in_sfi";
  static final String KIS_ROW = "0127;2024-03;ASSIGNED;5;3;2;1";

  static final String POP_HEADER = "municipality_code;year;population";
  static final String POP_ROW = "0127;2023;112000";

  // --- helpers --------------------------------------------------------------------------

  static RowParser.Outcome parse(Dataset dataset, String header, String line) {
    return RowParser.forHeader(dataset, header, MUNICIPALITIES).parse(line);
  }

  /** The row with the named columns' values replaced: with(header, row, "adults", "2", ...). */
  static String with(String header, String row, String... columnValuePairs) {
    List<String> names = Arrays.asList(header.split(";", -1));
    String[] values = row.split(";", -1);
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      int idx = names.indexOf(columnValuePairs[i]);
      if (idx < 0) {
        throw new IllegalArgumentException(columnValuePairs[i]);
      }
      values[idx] = columnValuePairs[i + 1];
    }
    return String.join(";", values);
  }

  static RowParser.Outcome payment(String... columnValuePairs) {
    return parse(Dataset.INCOME_SUPPORT, IS_HEADER, with(IS_HEADER, IS_ROW, columnValuePairs));
  }

  static RowParser.Outcome allowance(String... columnValuePairs) {
    return parse(Dataset.ALLOWANCES, AL_HEADER, with(AL_HEADER, AL_ROW, columnValuePairs));
  }

  static RowParser.Outcome kis(String... columnValuePairs) {
    return parse(Dataset.KIS, KIS_HEADER, with(KIS_HEADER, KIS_ROW, columnValuePairs));
  }

  static RowParser.Outcome population(String... columnValuePairs) {
    return parse(Dataset.POPULATION, POP_HEADER, with(POP_HEADER, POP_ROW, columnValuePairs));
  }

  static void assertAccepted(RowParser.Outcome o) {
    assertTrue(o.accepted(), () -> "expected accepted, got " + o.reason + " " + o.column + ": " + o.message);
  }

  static void assertRejected(RejectReason reason, String column, RowParser.Outcome o) {
    assertEquals(reason, o.reason, () -> "message: " + o.message);
    if (column != null) {
      assertEquals(column, o.column);
    }
  }

  // --- valid rows -----------------------------------------------------------------------

  @Test
  void validRowOfEveryDatasetIsAccepted() {
    assertAccepted(payment());
    assertAccepted(allowance());
    assertAccepted(kis());
    assertAccepted(population());
  }

  // --- MISSING_COLUMN -------------------------------------------------------------------

  @Test
  void missingRequiredColumnRejectsTheRowNamingTheColumn() {
    String header = IS_HEADER.replace(";children", "");
    String row = IS_ROW.substring(0, IS_ROW.lastIndexOf(';'));
    RowParser parser = RowParser.forHeader(Dataset.INCOME_SUPPORT, header, MUNICIPALITIES);
    assertEquals("children", parser.missingColumns());
    assertRejected(RejectReason.MISSING_COLUMN, "children", parser.parse(row));
  }

  @Test
  void missingColumnComesBeforeMalformedRowAndPii() {
    String header = KIS_HEADER.replace("period;", "");
    RowParser parser = RowParser.forHeader(Dataset.KIS, header, MUNICIPALITIES);
    assertRejected(RejectReason.MISSING_COLUMN, "period", parser.parse("0127"));
    assertRejected(RejectReason.MISSING_COLUMN, "period", parser.parse("0127;\"unbalanced"));
    assertRejected(RejectReason.MISSING_COLUMN, "period", parser.parse("0127;811218-9876;1;2;3;4"));
  }

  @Test
  void missingOptionalColumnsAreFine() {
    assertAccepted(parse(Dataset.KIS, KIS_HEADER.replace(";in_sfi", ""), "0127;2024-03;ASSIGNED;5;3;2"));
    assertAccepted(parse(Dataset.ALLOWANCES,
        "person_id;municipality_code;allowance_type;from_date;daily_amount_sek",
        "bbbbbbbbbbbbbbbb;0127;LMA;2024-03-01;308"));
  }

  // --- MALFORMED_ROW --------------------------------------------------------------------

  @Test
  void tooFewFieldsIsMalformed() {
    assertRejected(RejectReason.MALFORMED_ROW, null,
        parse(Dataset.INCOME_SUPPORT, IS_HEADER, IS_ROW.substring(0, IS_ROW.lastIndexOf(';'))));
    assertRejected(RejectReason.MALFORMED_ROW, null, parse(Dataset.POPULATION, POP_HEADER, "0127;2023"));
  }

  @Test
  void extraNonEmptyFieldIsMalformed() {
    assertRejected(RejectReason.MALFORMED_ROW, null, parse(Dataset.INCOME_SUPPORT, IS_HEADER, IS_ROW + ";x"));
    assertRejected(RejectReason.MALFORMED_ROW, null, parse(Dataset.POPULATION, POP_HEADER, POP_ROW + ";;0"));
  }

  @Test
  void extraEmptyFieldsAreFine() {
    assertAccepted(parse(Dataset.INCOME_SUPPORT, IS_HEADER, IS_ROW + ";;"));
    assertAccepted(parse(Dataset.POPULATION, POP_HEADER, POP_ROW + "; ;\t"));
    assertAccepted(parse(Dataset.POPULATION, POP_HEADER, POP_ROW + ";\"\""));
  }

  @Test
  void unbalancedQuotesAreMalformed() {
    assertRejected(RejectReason.MALFORMED_ROW, null, payment("payment_id", "\"P-1"));
    assertRejected(RejectReason.MALFORMED_ROW, null, payment("children", "\"2"));
  }

  @Test
  void strayQuoteInsideAnUnquotedFieldIsMalformed() {
    assertRejected(RejectReason.MALFORMED_ROW, null, payment("municipality_code", "27\""));
    assertRejected(RejectReason.MALFORMED_ROW, null,
        parse(Dataset.POPULATION, POP_HEADER + ";note", POP_ROW + ";12\" screen"));
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    assertRejected(RejectReason.MALFORMED_ROW, null, payment("payment_id", "\"P\"-1"));
  }

  @Test
  void quotedFieldsAreUnquotedBeforeTheChecks() {
    assertAccepted(payment("payment_id", "\"P-1\"", "amount_sek", "\" 1 234,50 \""));
    assertAccepted(parse(Dataset.INCOME_SUPPORT, IS_HEADER.replace(';', ','),
        "0127,P-1,aaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbb,2024-03-05,2024-03-01,2024-03-31,\"1 234,50\",WAITING_PLAN,1,2"));
  }

  // --- PII_DETECTED ---------------------------------------------------------------------

  @Test
  void identityNumberInAContractColumnIsPii() {
    assertRejected(RejectReason.PII_DETECTED, "payment_id", payment("payment_id", "811218-9876"));
    assertRejected(RejectReason.PII_DETECTED, "household_id", payment("household_id", "198112189876"));
  }

  @Test
  void identityNumberInAnUnknownColumnIsPii() {
    RowParser.Outcome o = parse(Dataset.POPULATION, POP_HEADER + ";note", POP_ROW + ";811218+9876");
    assertRejected(RejectReason.PII_DETECTED, null, o);
  }

  @Test
  void quotedAndPaddedIdentityNumberIsPii() {
    assertRejected(RejectReason.PII_DETECTED, "person_id", payment("person_id", " \"701063-2391\" "));
  }

  @Test
  void piiIsCheckedBeforeBadValue() {
    // municipality_code (first column) and amount_sek are bad; person_id holds an identity number.
    assertRejected(RejectReason.PII_DETECTED, "person_id",
        payment("municipality_code", "127", "amount_sek", "0", "person_id", "8112189876"));
  }

  @Test
  void malformedRowIsCheckedBeforePii() {
    assertRejected(RejectReason.MALFORMED_ROW, null,
        parse(Dataset.POPULATION, POP_HEADER, "0127;811218-9876;112000;x"));
  }

  @Test
  void numberWithAWrongCheckDigitIsNotPiiButMayBeABadValue() {
    assertRejected(RejectReason.BAD_VALUE, "household_id", payment("household_id", "811218-9875"));
  }

  @Test
  void badValueMessageNamesTheColumnAndMasksDigitRuns() {
    RowParser.Outcome o = payment("household_id", "8112189875");
    assertRejected(RejectReason.BAD_VALUE, "household_id", o);
    assertTrue(o.message.contains("household_id"), o.message);
    assertTrue(!o.message.contains("8112189875"), o.message);
  }

  // --- BAD_VALUE ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "municipality_code|127",
      "municipality_code|01270",
      "municipality_code|O127",
      "payment_id|P 1",
      "payment_id|P.1",
      "household_id|abc",
      "person_id|0123456789abcdeg",
      "payment_date|2024-02-30",
      "payment_date|2024-3-5",
      "covers_from|2024/03/01",
      "covers_to|31.03.2024",
      "amount_sek|0",
      "amount_sek|0,00",
      "amount_sek|-0",
      "amount_sek|200000",
      "amount_sek|200 000,00",
      "amount_sek|-200000",
      "amount_sek|−200 000",
      "amount_sek|250000",
      "amount_sek|1.234,50",
      "amount_sek|12,345",
      "amount_sek|1 23",
      "amount_sek|1,2,3",
      "amount_sek|12,",
      "reason_code|WAITING",
      "reason_code|GAP",
      "adults|0",
      "adults|3",
      "adults|1.0",
      "adults|\u0661",
      "children|21",
      "children|-1",
      "children|\u0662"})
  void paymentFieldBreakingItsRuleIsBadValueNamingTheColumn(String column, String value) {
    assertRejected(RejectReason.BAD_VALUE, column, payment(column, value));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "amount_sek|199999.99",
      "amount_sek|199 999,99",
      "amount_sek|-199999.99",
      "amount_sek|−75",
      "amount_sek|-75",
      "amount_sek|0,01",
      "amount_sek|1\u00A0234,5",
      "amount_sek|1\u202F234",
      "adults|2",
      "adults|01",
      "children|0",
      "children|20",
      "children|020",
      "reason_code|other",
      "reason_code|Secondary_Move",
      "payment_id|a_B-9",
      "household_id|ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
      "person_id|1234567890123456"})
  void paymentFieldAtTheEdgeOfItsRuleIsAccepted(String column, String value) {
    assertAccepted(payment(column, value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"municipality_code", "payment_id", "household_id", "person_id", "payment_date",
      "covers_from", "covers_to", "amount_sek", "reason_code", "adults", "children"})
  void emptyRequiredPaymentFieldIsBadValue(String column) {
    assertRejected(RejectReason.BAD_VALUE, column, payment(column, " "));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "person_id|bbbb",
      "municipality_code|12345",
      "allowance_type|LMA2",
      "allowance_type|''",
      "from_date|2024-02-30",
      "from_date|''",
      "to_date|2024-13-01",
      "first_payment_date|x",
      "daily_amount_sek|0",
      "daily_amount_sek|0,00",
      "daily_amount_sek|-5",
      "daily_amount_sek|1000.01",
      "daily_amount_sek|1 000,01",
      "daily_amount_sek|''"})
  void allowanceFieldBreakingItsRuleIsBadValueNamingTheColumn(String column, String value) {
    assertRejected(RejectReason.BAD_VALUE, column, allowance(column, value));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "daily_amount_sek|1000",
      "daily_amount_sek|1 000,00",
      "daily_amount_sek|0,01",
      "daily_amount_sek|0.5",
      "to_date|''",
      "first_payment_date|''",
      "allowance_type|establishment"})
  void allowanceFieldAtTheEdgeOfItsRuleIsAccepted(String column, String value) {
    assertAccepted(allowance(column, value));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "period|2024-13",
      "period|2024-03-01",
      "period|2024-3",
      "reception_type|REFUGEE",
      "newcomers_received|-1",
      "with_plan|1.5",
      "awaiting_plan|''",
      "in_sfi|x",
      "in_sfi|-2"})
  void kisFieldBreakingItsRuleIsBadValueNamingTheColumn(String column, String value) {
    assertRejected(RejectReason.BAD_VALUE, column, kis(column, value));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "in_sfi|''",
      "newcomers_received|0",
      "with_plan|00",
      "reception_type|own_housing",
      "reception_type|Quota",
      "reception_type|family"})
  void kisFieldAtTheEdgeOfItsRuleIsAccepted(String column, String value) {
    assertAccepted(kis(column, value));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "year|999",
      "year|10000",
      "year|23",
      "year|2023.0",
      "year|02023",
      "population|0",
      "population|000",
      "population|-5",
      "population|''"})
  void populationFieldBreakingItsRuleIsBadValueNamingTheColumn(String column, String value) {
    assertRejected(RejectReason.BAD_VALUE, column, population(column, value));
  }

  @Test
  void populationOfOneIsAccepted() {
    assertAccepted(population("population", "1"));
  }

  // --- UNKNOWN_MUNICIPALITY -------------------------------------------------------------

  @Test
  void wellFormedCodeNotInTheReferenceListIsUnknownMunicipality() {
    assertRejected(RejectReason.UNKNOWN_MUNICIPALITY, "municipality_code", payment("municipality_code", "9999"));
    assertRejected(RejectReason.UNKNOWN_MUNICIPALITY, "municipality_code", allowance("municipality_code", "0128"));
    assertRejected(RejectReason.UNKNOWN_MUNICIPALITY, "municipality_code", kis("municipality_code", "0000"));
    assertRejected(RejectReason.UNKNOWN_MUNICIPALITY, "municipality_code", population("municipality_code", "2585"));
  }

  @Test
  void threeDigitCodeIsBadValueNotUnknownMunicipality() {
    assertRejected(RejectReason.BAD_VALUE, "municipality_code", payment("municipality_code", "127"));
  }

  @Test
  void badValueIsCheckedBeforeUnknownMunicipality() {
    assertRejected(RejectReason.BAD_VALUE, "adults", payment("municipality_code", "9999", "adults", "3"));
  }

  // --- INCONSISTENT_DATES ---------------------------------------------------------------

  @Test
  void coversToBeforeCoversFromIsInconsistent() {
    assertRejected(RejectReason.INCONSISTENT_DATES, null,
        payment("covers_from", "2024-03-01", "covers_to", "2024-02-29"));
  }

  @Test
  void coversToOnCoversFromIsAccepted() {
    assertAccepted(payment("covers_from", "2024-03-01", "covers_to", "2024-03-01"));
  }

  @Test
  void coversToExactlyNinetyTwoDaysAfterCoversFromIsAccepted() {
    // 2024-03-01 + 92 days: March 31 + April 30 + May 31 = 92 → 2024-06-01
    assertAccepted(payment("covers_from", "2024-03-01", "covers_to", "2024-06-01"));
  }

  @Test
  void coversToNinetyThreeDaysAfterCoversFromIsInconsistent() {
    assertRejected(RejectReason.INCONSISTENT_DATES, null,
        payment("covers_from", "2024-03-01", "covers_to", "2024-06-02"));
  }

  @Test
  void toDateBeforeFromDateIsInconsistent() {
    assertRejected(RejectReason.INCONSISTENT_DATES, null,
        allowance("allowance_type", "LMA", "from_date", "2024-03-01", "to_date", "2024-02-29",
            "first_payment_date", ""));
  }

  @Test
  void toDateOnFromDateIsAccepted() {
    assertAccepted(allowance("from_date", "2024-03-01", "to_date", "2024-03-01", "first_payment_date", ""));
  }

  @Test
  void firstPaymentBeforeFromDateIsInconsistentOnAnEstablishmentRow() {
    assertRejected(RejectReason.INCONSISTENT_DATES, null,
        allowance("allowance_type", "ESTABLISHMENT", "from_date", "2024-03-01", "first_payment_date", "2024-02-29"));
  }

  @Test
  void firstPaymentOnFromDateIsAcceptedOnAnEstablishmentRow() {
    assertAccepted(
        allowance("allowance_type", "ESTABLISHMENT", "from_date", "2024-03-01", "first_payment_date", "2024-03-01"));
  }

  @Test
  void firstPaymentBeforeFromDateIsAcceptedOnAnLmaRow() {
    assertAccepted(allowance("allowance_type", "LMA", "from_date", "2024-03-01", "first_payment_date", "2024-02-01"));
  }

  @Test
  void firstPaymentDateOnAnLmaRowIsStillParsedLikeAnyDate() {
    assertRejected(RejectReason.BAD_VALUE, "first_payment_date",
        allowance("allowance_type", "LMA", "first_payment_date", "2024-02-30"));
  }

  @Test
  void unknownMunicipalityIsCheckedBeforeInconsistentDates() {
    assertRejected(RejectReason.UNKNOWN_MUNICIPALITY, "municipality_code",
        payment("municipality_code", "9999", "covers_to", "2024-02-01"));
  }

  @Test
  void badValueIsCheckedBeforeInconsistentDates() {
    assertRejected(RejectReason.BAD_VALUE, "children", payment("covers_to", "2024-02-01", "children", "21"));
  }

  // --- header ---------------------------------------------------------------------------

  @Test
  void columnNamesMatchCaseInsensitivelyAfterTrimmingInAnyOrder() {
    String header = " Children ;ADULTS;Reason_Code;\tamount_sek\t;covers_to;covers_from;payment_date;"
        + "person_id;household_id;payment_id;MUNICIPALITY_CODE";
    List<String> values = new ArrayList<>(Arrays.asList(IS_ROW.split(";")));
    java.util.Collections.reverse(values);
    RowParser.Outcome reordered = parse(Dataset.INCOME_SUPPORT, header, String.join(";", values));
    assertAccepted(reordered);
    assertEquals(payment().canonical(), reordered.canonical());
  }

  @Test
  void unknownColumnsAreIgnoredAndListed() {
    RowParser parser = RowParser.forHeader(Dataset.POPULATION, "Kommun;" + POP_HEADER + ";Källa", MUNICIPALITIES);
    assertEquals(List.of("kommun", "källa"), lower(parser.unknownColumns()));
    RowParser.Outcome o = parser.parse("Södertälje;" + POP_ROW + ";SCB");
    assertAccepted(o);
    assertEquals(population().canonical(), o.canonical());
  }

  @Test
  void emptyHeaderCellsAtTheEndAreDropped() {
    RowParser parser = RowParser.forHeader(Dataset.POPULATION, POP_HEADER + ";;; ", MUNICIPALITIES);
    assertEquals(List.of(), parser.unknownColumns());
    assertAccepted(parser.parse(POP_ROW));
    assertAccepted(parser.parse(POP_ROW + ";;;"));
    assertRejected(RejectReason.MALFORMED_ROW, null, parser.parse(POP_ROW + ";;x;"));
    assertRejected(RejectReason.MALFORMED_ROW, null, parser.parse("0127;2023"));
  }

  @Test
  void separatorComesFromTheHeader() {
    assertEquals(',', RowParser.forHeader(Dataset.POPULATION, "municipality_code,year,population", MUNICIPALITIES)
        .separator());
    assertAccepted(parse(Dataset.POPULATION, "municipality_code,year,population", "0127,2023,112000"));
    assertAccepted(parse(Dataset.POPULATION, "municipality_code\tyear\tpopulation", "0127\t2023\t112000"));
    // a semicolon row in a comma file has one field
    assertRejected(RejectReason.MALFORMED_ROW, null,
        parse(Dataset.POPULATION, "municipality_code,year,population", "0127;2023;112000"));
  }

  @Test
  void quotedHeaderNamesAreUnquoted() {
    assertAccepted(parse(Dataset.POPULATION, "\"municipality_code\";\"Year\";\"population\"", POP_ROW));
  }

  // --- identical after parsing ----------------------------------------------------------

  @Test
  void amountsEqualAfterParsingGiveEqualCanonicalRows() {
    assertEquals(payment("amount_sek", "1 234,50").canonical(), payment("amount_sek", "1234.5").canonical());
    assertEquals(payment("amount_sek", "−75").canonical(), payment("amount_sek", "-75,00").canonical());
    assertEquals(payment("amount_sek", "1\u00A0000").canonical(), payment("amount_sek", "1000.0").canonical());
  }

  @Test
  void integersWithLeadingZerosGiveEqualCanonicalRows() {
    assertEquals(payment("adults", "1", "children", "2").canonical(),
        payment("adults", "01", "children", "002").canonical());
    assertEquals(population("population", "112000").canonical(), population("population", "0112000").canonical());
  }

  @Test
  void pseudonymsAndCodesIgnoreLetterCase() {
    RowParser.Outcome lower = payment("household_id", "abcdef0123456789", "person_id", "fedcba9876543210",
        "reason_code", "below_norm");
    RowParser.Outcome upper = payment("household_id", "ABCDEF0123456789", "person_id", "FedCBA9876543210",
        "reason_code", "BELOW_NORM");
    assertEquals(lower.canonical(), upper.canonical());
    assertEquals(allowance("person_id", "ABCDEF0123456789", "allowance_type", "establishment").key(),
        allowance("person_id", "abcdef0123456789", "allowance_type", "ESTABLISHMENT").key());
    assertEquals(kis("reception_type", "quota").key(), kis("reception_type", "QUOTA").key());
  }

  @Test
  void differentValuesGiveDifferentCanonicalRowsWithTheSameKey() {
    RowParser.Outcome a = payment("amount_sek", "1234.5");
    RowParser.Outcome b = payment("amount_sek", "1234.51");
    assertEquals(a.key(), b.key());
    assertNotEquals(a.canonical(), b.canonical());
  }

  @Test
  void optionalEmptyAndMissingColumnGiveEqualCanonicalRows() {
    assertEquals(kis("in_sfi", "").canonical(),
        parse(Dataset.KIS, KIS_HEADER.replace(";in_sfi", ""), "0127;2024-03;ASSIGNED;5;3;2").canonical());
  }

  @Test
  void unknownColumnsDoNotTakePartInIdentity() {
    RowParser parser = RowParser.forHeader(Dataset.POPULATION, POP_HEADER + ";source", MUNICIPALITIES);
    assertEquals(parser.parse(POP_ROW + ";SCB 2024").canonical(), parser.parse(POP_ROW + ";manual").canonical());
  }

  @Test
  void paymentIdIsCaseSensitiveInTheKey() {
    assertNotEquals(payment("payment_id", "abc-1").key(), payment("payment_id", "ABC-1").key());
  }

  @Test
  void paymentKeyIsMunicipalityAndPaymentId() {
    assertEquals(payment("payment_id", "X1", "amount_sek", "5").key(),
        payment("payment_id", "X1", "person_id", "cccccccccccccccc").key());
    assertNotEquals(payment("payment_id", "X1").key(), payment("payment_id", "X1", "municipality_code", "0136").key());
  }

  @Test
  void rejectedOutcomeHasNoKey() {
    RowParser.Outcome o = payment("adults", "3");
    assertNull(o.key());
    assertNull(o.canonical());
  }

  private static List<String> lower(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
