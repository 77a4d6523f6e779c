package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The reported flag of a gap cell: how it merges, travels, and what it does to the gap_monthly row. */
class GapCellTest {
  static GapCell cell(boolean reported) {
    GapCell c = new GapCell();
    c.personsInGap = 6;
    c.gapSupportPersons = 7;
    c.gapSupportSek = new BigDecimal("1234.567");
    c.recoverablePersons = 5;
    c.recoverableSek = new BigDecimal("100.005");
    c.newcomersReceived = 10L;
    c.closedCashDays.add(40);
    c.closedEntitlementDays.add(9);
    c.incomeSupportReported = reported;
    return c;
  }

  @Test
  void aMonthIsReportedWhenAnyPartSaysSo() {
    assertTrue(GapCell.sum(new GapCell(), cell(true)).incomeSupportReported);
    assertTrue(GapCell.sum(cell(true), new GapCell()).incomeSupportReported);
    assertFalse(GapCell.sum(new GapCell(), cell(false)).incomeSupportReported);
  }

  @Test
  void theCoderKeepsTheFlag() throws Exception {
    for (boolean reported : new boolean[] {true, false}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      GapCell.CellCoder.of().encode(cell(reported), out);
      GapCell back = GapCell.CellCoder.of().decode(new ByteArrayInputStream(out.toByteArray()));
      assertEquals(reported, back.incomeSupportReported);
      assertEquals(10L, back.newcomersReceived);
      assertEquals(List.of(40), back.closedCashDays);
    }
  }

  @Test
  void aMonthNotReportedHasNullPaymentFigures() {
    Row r = BatchFigures.gapMonthlyRow(CellKey.of(java.time.YearMonth.of(2011, 3), "0127"), cell(false));
    assertEquals(false, r.getBoolean("income_support_reported"));
    for (String c : List.of("gap_support_persons", "gap_support_sek", "gap_support_per_newcomer_sek",
        "recoverable_persons", "recoverable_sek")) {
      assertNull(r.getValue(c), c);
    }
    assertEquals(6L, r.getInt64("persons_in_gap"));
    assertEquals(10L, r.getInt64("newcomers_received"));
    assertEquals(40.0, r.getDouble("median_cash_gap_days"));
    assertEquals(false, r.getBoolean("suppressed"));

    Row reported = BatchFigures.gapMonthlyRow(CellKey.of(java.time.YearMonth.of(2011, 3), "0127"), cell(true));
    assertEquals(true, reported.getBoolean("income_support_reported"));
    assertEquals(7L, reported.getInt64("gap_support_persons"));
    assertEquals(0, new BigDecimal("1234.57").compareTo(reported.getDecimal("gap_support_sek")));
    assertEquals(0, new BigDecimal("123.46").compareTo(reported.getDecimal("gap_support_per_newcomer_sek")));
    assertEquals(0, new BigDecimal("100.01").compareTo(reported.getDecimal("recoverable_sek")));
  }
}
