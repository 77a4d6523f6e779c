package se.glappet.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import se.glappet.testing.CoderChecks;

/** Beam's coder properties for the records' hand-written coders, edge values included. */
class RecordCoderPropertiesTest {
  private static final String PERSON = "0123456789abcdef0123456789abcdef0"; // odd length: a half byte
  private static final String HOUSEHOLD = "fedcba9876543210";

  @Test
  void decimalsKeepValueAndScaleAndEncodeEqualValuesAlike() throws Exception {
    BigDecimal[] values = {BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("1234.50"),
        new BigDecimal("1234.5"), new BigDecimal("-0.01"), new BigDecimal("1E+3"), new BigDecimal("-1E+5"),
        BigDecimal.valueOf((1L << 62) - 1), BigDecimal.valueOf(-(1L << 62)), // the largest var-longs
        BigDecimal.valueOf(1L << 62), BigDecimal.valueOf(Long.MIN_VALUE), // the smallest as bytes
        new BigDecimal("123456789012345678901234567890.123456789012345678901234567890")};
    CoderChecks.roundTrips(DecimalCoder.of(), values);
    CoderChecks.consistentWithEquals(DecimalCoder.of(), values); // BigDecimal.equals compares scale too
    CoderProperties.coderDeterministic(DecimalCoder.of(), new BigDecimal("7.10"), new BigDecimal("7.10"));
    assertThrows(IllegalArgumentException.class, () -> CoderUtils.encodeToByteArray(DecimalCoder.of(), null));
  }

  @Test
  void monthsRoundTripAndEncodeAsTheirIndex() throws Exception {
    YearMonth[] months = {YearMonth.of(2011, 1), YearMonth.of(2010, 12), YearMonth.of(1999, 12), YearMonth.of(2099, 1),
        YearMonth.of(1, 1)};
    CoderChecks.roundTrips(RecordCoders.YearMonthCoder.of(), months);
    CoderChecks.consistentWithEquals(RecordCoders.YearMonthCoder.of(), months);
    CoderProperties.coderDeterministic(RecordCoders.YearMonthCoder.of(), YearMonth.of(2024, 3), YearMonth.of(2024, 3));
    // 2011 × 12 + 0 = 24132 as a var-int: 0xC4 0xBC 0x01.
    assertArrayEquals(new byte[] {(byte) 0xC4, (byte) 0xBC, 0x01},
        CoderUtils.encodeToByteArray(RecordCoders.YearMonthCoder.of(), YearMonth.of(2011, 1)));
  }

  @Test
  void paymentsRoundTrip() throws Exception {
    Payment negative = new Payment("0127", "P-1_a", HOUSEHOLD, PERSON, LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 1),
        LocalDate.of(2011, 1, 31), new BigDecimal("-1234.50"), ReasonCode.WAITING_PLAN, 2, 3);
    Payment old = new Payment("2584", "Å/ö 9", "0".repeat(16), "a".repeat(64), LocalDate.of(1969, 12, 31),
        LocalDate.of(1969, 12, 1), LocalDate.of(1969, 12, 31), new BigDecimal("0.01"), ReasonCode.OTHER, 0, 0);
    CoderChecks.roundTrips(RecordCoders.PaymentCoder.of(), negative, old);
    CoderChecks.consistentWithEquals(RecordCoders.PaymentCoder.of(), negative, old);
    Payment back = CoderUtils.clone(RecordCoders.PaymentCoder.of(), negative);
    assertEquals(PERSON, back.personId); // equals does not compare every field: these do
    assertEquals(new BigDecimal("-1234.50"), back.amountSek);
    assertEquals(3, back.children);
  }

  @Test
  void allowancesRoundTripWithAndWithoutTheirOptionalDates() throws Exception {
    AllowancePeriod open = new AllowancePeriod("a".repeat(64), "0136", AllowancePeriod.Type.ESTABLISHMENT,
        LocalDate.of(2011, 2, 1), null, null, new BigDecimal("308"));
    AllowancePeriod closed = new AllowancePeriod(PERSON, "0180", AllowancePeriod.Type.LMA,
        LocalDate.of(1965, 2, 1), LocalDate.of(1965, 3, 31), LocalDate.of(1965, 4, 2), new BigDecimal("231.50"));
    CoderChecks.roundTrips(RecordCoders.AllowanceCoder.of(), open, closed);
    AllowancePeriod back = CoderUtils.clone(RecordCoders.AllowanceCoder.of(), closed);
    assertEquals(LocalDate.of(1965, 3, 31), back.toDate);
    assertEquals(new BigDecimal("231.50"), back.dailyAmountSek);
    assertNull(CoderUtils.clone(RecordCoders.AllowanceCoder.of(), open).firstPaymentDate);
  }

  @Test
  void kisRowsRoundTripWithAndWithoutSfi() throws Exception {
    KisRow[] rows = {
      new KisRow("0127", YearMonth.of(2011, 1), KisRow.ReceptionType.ASSIGNED, 12, 7, 5, null),
      new KisRow("0127", YearMonth.of(2011, 1), KisRow.ReceptionType.ASSIGNED, 12, 7, 5, 0L),
      new KisRow("2584", YearMonth.of(2024, 12), KisRow.ReceptionType.FAMILY, 0, 0, 0, 3L),
      new KisRow("0180", YearMonth.of(2010, 12), KisRow.ReceptionType.QUOTA, 1_000_000L, 999_999L, 1L, 1_000_000L)};
    CoderChecks.roundTrips(RecordCoders.KisCoder.of(), rows);
    CoderChecks.consistentWithEquals(RecordCoders.KisCoder.of(), rows); // null and 0 in_sfi stay apart
  }

  @Test
  void populationRowsRoundTrip() throws Exception {
    PopulationRow[] rows = {new PopulationRow("0180", 2023, 988_943L), new PopulationRow("0180", 2024, 0L),
        new PopulationRow("2584", 2024, 21_000L)};
    CoderChecks.roundTrips(RecordCoders.PopulationCoder.of(), rows);
    CoderChecks.consistentWithEquals(RecordCoders.PopulationCoder.of(), rows);
  }
}
