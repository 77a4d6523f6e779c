package se.glappet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class MonthFileRowsTest {
  private static Row byReason(String municipality, long households, String amount) {
    return OutputTable.INCOME_SUPPORT_BY_REASON.row()
        .set("period", "2011-03")
        .set("municipality_code", municipality)
        .set("reason_code", "R1")
        .set("households", households)
        .set("amount_sek", new BigDecimal(amount))
        .build();
  }

  @Test
  void packedRowsUnpackToTheSameRowsDatasetAndPeriod() {
    List<Row> rows = List.of(byReason("0127", 3, "1200.50"), byReason("0128", 0, "0.00"));
    byte[] packed = MonthFileRows.pack(OutputTable.INCOME_SUPPORT_BY_REASON, "2011-03", rows);
    MonthFileRows back = MonthFileRows.unpack(packed);
    assertEquals(OutputTable.INCOME_SUPPORT_BY_REASON, back.table);
    assertEquals("2011-03", back.period);
    assertEquals(rows, back.rows);
    MonthFileRows header = MonthFileRows.header(packed);
    assertEquals(OutputTable.INCOME_SUPPORT_BY_REASON, header.table);
    assertEquals("2011-03", header.period);
    assertEquals(List.of(), header.rows);
  }

  @Test
  void rowsWithNullsOfOtherDatasetsRoundTrip() {
    Row gap = OutputTable.GAP_MONTHLY.row().set("period", "2011-01").set("municipality_code", "0127")
        .set("income_support_reported", true).build();
    Row comparison = OutputTable.NATIONAL_COMPARISON.row().set("period", "2011-01").set("area_type", "NATION")
        .set("area_code", "SE").set("area_name", "Riket").set("kpi", "MEDIAN_CASH_GAP_DAYS").build();
    assertEquals(List.of(gap), MonthFileRows.unpack(MonthFileRows.pack(OutputTable.GAP_MONTHLY, "2011-01", List.of(gap))).rows);
    assertEquals(List.of(comparison), MonthFileRows.unpack(
        MonthFileRows.pack(OutputTable.NATIONAL_COMPARISON, "2011-01", List.of(comparison))).rows);
    assertEquals(List.of(), MonthFileRows.unpack(MonthFileRows.pack(OutputTable.GAP_MONTHLY, "2011-01", List.of())).rows);
  }

  @Test
  void aRowOfAnotherDatasetOrBytesAfterTheLastRowAreRefused() {
    List<Row> rows = List.of(byReason("0127", 3, "1.00"));
    assertThrows(IllegalArgumentException.class, () -> MonthFileRows.pack(OutputTable.GAP_BY_REASON, "2011-03", rows));
    byte[] packed = MonthFileRows.pack(OutputTable.INCOME_SUPPORT_BY_REASON, "2011-03", rows);
    byte[] longer = Arrays.copyOf(packed, packed.length + 1);
    assertThrows(IllegalArgumentException.class, () -> MonthFileRows.unpack(longer));
    byte[] noDataset = packed.clone();
    noDataset[0] = (byte) 99;
    assertThrows(IllegalArgumentException.class, () -> MonthFileRows.unpack(noDataset));
  }
}
