package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.YearMonth;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;
import se.glappet.records.ReasonCode;

/** The typed cell keys: their coder, and the text keys of SummarisePayments read back into them. */
class CellKeyTest {
  static final YearMonth JAN = YearMonth.of(2011, 1);
  static final List<CellKey> KEYS = List.of(
      CellKey.of(JAN, "0127"),
      CellKey.of(YearMonth.of(1999, 12), "0114", ReasonCode.values()[0]),
      CellKey.of(JAN, "0127").withPerson("p-1|x"),
      CellKey.of(YearMonth.of(2099, 12), "9999", ReasonCode.values()[ReasonCode.values().length - 1]).withPerson("q"),
      CellKey.personAndPayer("p-2", "0136"));

  @Test
  void theCoderRoundTripsEveryShapeAndIsDeterministic() throws Exception {
    CellKey.CellKeyCoder coder = CellKey.CellKeyCoder.of();
    for (CellKey k : KEYS) {
      CoderProperties.coderDecodeEncodeEqual(coder, k);
      CoderProperties.coderConsistentWithEquals(coder, k, KEYS.get(0));
      CoderProperties.coderDeterministic(coder, k, org.apache.beam.sdk.util.CoderUtils.clone(coder, k));
    }
    CoderProperties.coderSerializable(coder);
    // A month-municipality key is small: presence byte, var-int month index (3 bytes), 4-digit code (5).
    assertEquals(9, org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(coder, KEYS.get(0)).length);
  }

  @Test
  void droppingThePersonOrReasonGivesTheCoarserCell() {
    CellKey k = CellKey.of(JAN, "0127", ReasonCode.values()[0]).withPerson("p");
    assertEquals(CellKey.of(JAN, "0127", ReasonCode.values()[0]), k.withoutPerson());
    assertEquals(CellKey.of(JAN, "0127"), k.municipalityMonth());
    assertNotEquals(CellKey.of(JAN, "0127"), CellKey.of(JAN, "0128"));
    assertFalse(k.toString().contains("p\u0020"), "no person in the text");
  }

  @Test
  void thePartialKeysOfSummarisePaymentsRoundTrip() throws Exception {
    SummarisePayments.PartialKeyCoder coder = SummarisePayments.PartialKeyCoder.of();
    ReasonCode r = ReasonCode.values()[2];
    List<SummarisePayments.PartialKey> keys = List.of(
        new SummarisePayments.PartialKey(SummarisePayments.Part.INCOME_MONTHLY, CellKey.of(JAN, "0180")),
        new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_PAYER, CellKey.of(JAN, "0180")),
        new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_REASON, CellKey.of(JAN, "0180", r).withPerson("ab")),
        new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_IN_RECOVERABLE_WINDOW,
            CellKey.personAndPayer("ab", "0180")));
    for (SummarisePayments.PartialKey k : keys) {
      CoderProperties.coderDecodeEncodeEqual(coder, k);
      CoderProperties.coderDeterministic(coder, k, org.apache.beam.sdk.util.CoderUtils.clone(coder, k));
    }
    assertNotEquals(keys.get(0), new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_PAYER,
        CellKey.of(JAN, "0180")));
    // The packed income key reads back to the typed key.
    long packed = PackedIncomeKey.pack(JAN, "0180");
    assertEquals(CellKey.of(JAN, "0180"), PackedIncomeKey.cellKey(packed));
  }
}
