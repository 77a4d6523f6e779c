package se.glappet.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import se.glappet.testing.CoderChecks;

/** Beam's coder properties for {@link PersonGapCoder}: gaps with and without entitlement and first payment. */
class PersonGapCoderTest {
  @Test
  void gapsRoundTripWithTheirOptionalParts() throws Exception {
    PersonGap open = new PersonGap("a".repeat(64), "0127", LocalDate.of(2011, 1, 10), LocalDate.of(2011, 3, 1),
        null, null, 50, 0, null);
    PersonGap closed = new PersonGap("0123456789abcdef", "2584", LocalDate.of(2010, 12, 20), LocalDate.of(2011, 1, 5),
        LocalDate.of(2010, 12, 30), LocalDate.of(2011, 1, 5), 16, 6, new BigDecimal("308.00"));
    PersonGap entitledNotYetPaid = new PersonGap("b".repeat(16), "0180", LocalDate.of(1969, 12, 31),
        LocalDate.of(1970, 1, 1), LocalDate.of(1969, 12, 31), null, 1, 1, new BigDecimal("0"));
    CoderChecks.roundTrips(PersonGapCoder.of(), open, closed, entitledNotYetPaid);

    PersonGap back = CoderUtils.clone(PersonGapCoder.of(), closed);
    assertEquals(new BigDecimal("308.00"), back.retroDailyAmount()); // BigDecimal.equals: the scale too
    assertEquals(6, back.entitlementGapDays());
    assertNull(CoderUtils.clone(PersonGapCoder.of(), open).retroDailyAmount());
  }
}
