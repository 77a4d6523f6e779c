package se.glappet.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class RecordCodersTest {
  @Test
  void paymentsAndAllowancesRoundTrip() throws Exception {
    Payment p = new Payment("0127", "P-1_a", "0123456789abcdef0123456789abcdef0", "fedcba9876543210",
        LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 1), LocalDate.of(2011, 1, 31), new BigDecimal("-1234.50"),
        ReasonCode.WAITING_PLAN, 2, 3);
    assertEquals(p, CoderUtils.decodeFromByteArray(RecordCoders.PaymentCoder.of(),
        CoderUtils.encodeToByteArray(RecordCoders.PaymentCoder.of(), p)));
    AllowancePeriod a = new AllowancePeriod("a".repeat(64), "0136", AllowancePeriod.Type.ESTABLISHMENT,
        LocalDate.of(2011, 2, 1), null, LocalDate.of(2011, 3, 1), new BigDecimal("308"));
    AllowancePeriod back = CoderUtils.decodeFromByteArray(RecordCoders.AllowanceCoder.of(),
        CoderUtils.encodeToByteArray(RecordCoders.AllowanceCoder.of(), a));
    assertEquals(a, back);
    assertEquals(a.personId, back.personId);
  }
}
