package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Canonical text back to values: the hand-read dates agree with LocalDate.parse. */
class CanonicalRowsTest {
  @Test
  void datesAreReadLikeLocalDateParse() {
    for (String d : new String[] {"2011-01-01", "2012-02-29", "1999-12-31", "2024-03-05", "0001-01-01"}) {
      assertEquals(LocalDate.parse(d), CanonicalRows.date(d), d);
    }
  }

  @Test
  void impossibleDatesFailAsLocalDateParseDoes() {
    assertThrows(DateTimeException.class, () -> CanonicalRows.date("2011-02-29"));
    assertThrows(DateTimeException.class, () -> CanonicalRows.date("2011-13-01"));
  }

  @Test
  void oneFieldOfACanonicalRow() {
    String row = String.join(String.valueOf(RowParser.SEP), "0127", "P-1", "", "last");
    assertEquals("0127", CanonicalRows.field(row, 0));
    assertEquals("", CanonicalRows.field(row, 2));
    assertEquals("last", CanonicalRows.field(row, 3));
  }

  @Test
  void aPaymentFromTypedValuesEqualsThePaymentFromCanonicalText() {
    for (String amount : new String[] {"1 234,50", "100", "-0.50", "199999.99", "1000.00"}) {
      RowParser.Outcome o = RowParserTest.payment("amount_sek", amount, "adults", "02");
      org.junit.jupiter.api.Assertions.assertTrue(o.accepted(), amount);
      ParsedRow row = new ParsedRow(Dataset.INCOME_SUPPORT, "f", 2, o.key(), o.canonical(), "raw", o.values);
      se.glappet.records.Payment fromValues = CanonicalRows.payment(row);
      se.glappet.records.Payment fromText = CanonicalRows.payment(o.canonical());
      assertEquals(fromText.amountSek, fromValues.amountSek, amount); // equals compares the scale too
      assertEquals(fromText.paymentDate, fromValues.paymentDate);
      assertEquals(fromText.coversTo, fromValues.coversTo);
      assertEquals(fromText.householdId, fromValues.householdId);
      assertEquals(fromText.reason, fromValues.reason);
      assertEquals(fromText.adults, fromValues.adults);
      assertEquals(fromText.children, fromValues.children);
      assertEquals(fromText.municipalityCode + fromText.paymentId + fromText.personId,
          fromValues.municipalityCode + fromValues.paymentId + fromValues.personId);
    }
  }

  @Test
  void anAllowanceFromTypedValuesEqualsTheAllowanceFromCanonicalText() {
    String[][] variants = {
        {"daily_amount_sek", "308,00"}, {"daily_amount_sek", "1000"}, {"daily_amount_sek", "0.50"},
        {"person_id", "BBBBBBBBBBBBBBBBAAAA"}, {"to_date", "", "first_payment_date", ""},
        {"allowance_type", "LMA", "first_payment_date", ""}};
    for (String[] variant : variants) {
      RowParser.Outcome o = RowParserTest.allowance(variant);
      String what = String.join(" ", variant);
      org.junit.jupiter.api.Assertions.assertTrue(o.accepted(), what);
      ParsedRow row = new ParsedRow(Dataset.ALLOWANCES, "f", 2, o.key(), o.canonical(), "raw", o.values);
      se.glappet.records.AllowancePeriod fromValues = CanonicalRows.allowance(row);
      se.glappet.records.AllowancePeriod fromText = CanonicalRows.allowance(o.canonical());
      assertEquals(fromText.dailyAmountSek, fromValues.dailyAmountSek, what); // equals compares the scale too
      assertEquals(fromText.personId, fromValues.personId, what);
      assertEquals(fromText.personId, CanonicalRows.allowancePerson(row), what);
      assertEquals(fromText.municipalityCode, fromValues.municipalityCode, what);
      assertEquals(fromText.type, fromValues.type, what);
      assertEquals(fromText.fromDate, fromValues.fromDate, what);
      assertEquals(fromText.toDate, fromValues.toDate, what);
      assertEquals(fromText.firstPaymentDate, fromValues.firstPaymentDate, what);
    }
  }
}
