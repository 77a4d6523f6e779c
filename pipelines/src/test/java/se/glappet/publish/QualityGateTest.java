package se.glappet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quality gate of contract section 1 on hand-computed counts. */
class QualityGateTest {
  static QualityGate.Counts counts(String dataset, long read, long rejected) {
    return new QualityGate.Counts(dataset, read, rejected);
  }

  @Test
  void exactlyAtTheRatePasses() {
    // 5 of 100 is 0.05, not above 0.05.
    QualityGate.Verdict v = QualityGate.judge(List.of(counts("income-support", 100, 5)), 0.05);
    assertTrue(v.passed());
    assertEquals(List.of(), v.failures);
    // 1 of 4 is 0.25, not above 0.25.
    assertTrue(QualityGate.judge(List.of(counts("kis", 4, 1)), 0.25).passed());
  }

  @Test
  void justAboveTheRateFails() {
    // 51 of 1000 is 0.051 > 0.05.
    QualityGate.Verdict v = QualityGate.judge(List.of(counts("income-support", 1000, 51)), 0.05);
    assertFalse(v.passed());
    assertEquals(List.of("income-support: 51 of 1000 rows rejected (5.1%)"), v.failures);
    // 6 of 100 is 0.06 > 0.05.
    assertEquals(List.of("kis: 6 of 100 rows rejected (6.0%)"),
        QualityGate.judge(List.of(counts("kis", 100, 6)), 0.05).failures);
  }

  @Test
  void aDatasetWithNoRowsReadNeverFails() {
    assertTrue(QualityGate.judge(List.of(counts("population", 0, 0)), 0.0).passed());
    assertTrue(QualityGate.judge(List.of(counts("population", 0, 0)), 0.05).passed());
  }

  @Test
  void aZeroRateFailsOnOneRejectedRow() {
    assertEquals(List.of("allowances: 1 of 3 rows rejected (33.3%)"),
        QualityGate.judge(List.of(counts("allowances", 3, 1), counts("kis", 3, 0)), 0.0).failures);
  }

  @Test
  void duplicateRowsAreNotCounted() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    reasons.put("DUPLICATE_ROW", 40L);
    reasons.put("BAD_VALUE", 3L);
    reasons.put("UNKNOWN_MUNICIPALITY", 2L);
    QualityGate.Counts c = QualityGate.Counts.of("income-support", 100, reasons);
    assertEquals(5, c.rejectedForGate);
    // 45 of 100 rejected, but only 5 count: exactly at 0.05, passes; at 0.04 it fails with 5, not 45.
    assertTrue(QualityGate.judge(List.of(c), 0.05).passed());
    assertEquals(List.of("income-support: 5 of 100 rows rejected (5.0%)"),
        QualityGate.judge(List.of(c), 0.04).failures);
  }

  @Test
  void theMessageListsEveryFailingDatasetInOrder() {
    QualityGate.Verdict v = QualityGate.judge(List.of(counts("kis", 10, 2), counts("income-support", 100, 1),
        counts("allowances", 8, 1)), 0.1);
    assertEquals("quality gate failed, above --max-reject-rate 0.1: kis: 2 of 10 rows rejected (20.0%); "
        + "allowances: 1 of 8 rows rejected (12.5%). Nothing was published. Read the quality report, fix or resend "
        + "the files, and run again.", v.message());
  }
}
