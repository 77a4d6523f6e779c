package se.glappet.pipeline;

import se.glappet.model.MonthRange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;
import se.glappet.testing.CoderChecks;

/** The month span's accumulator coder, and the month range as the side input carries it. */
class MonthRangeCodersTest {
  @Test
  void spanAccumulatorsRoundTripTheEmptyOneIncluded() throws Exception {
    ComputeMonthRange.Span span = new ComputeMonthRange.Span(null, null);
    int[] empty = span.createAccumulator(); // {MAX_VALUE, MIN_VALUE}
    int[] one = span.addInput(span.createAccumulator(), YearMonth.of(2011, 1));
    int[] two = span.addInput(span.addInput(span.createAccumulator(), YearMonth.of(2011, 3)), YearMonth.of(2010, 12));
    CoderChecks.roundTrips(new ComputeMonthRange.PairCoder(), empty, one, two, new int[] {0, 0});
    CoderProperties.coderDeterministic(new ComputeMonthRange.PairCoder(), new int[] {1, 2}, new int[] {1, 2});
    assertEquals(new MonthRange(YearMonth.of(2010, 12), YearMonth.of(2011, 3)), span.extractOutput(two));
    assertEquals(new MonthRange(null, null), span.extractOutput(empty));
  }

  @Test
  void monthRangesRoundTripAndCompareByTheirMonths() throws Exception {
    SerializableCoder<MonthRange> coder = SerializableCoder.of(MonthRange.class);
    CoderChecks.roundTrips(coder, MonthRange.EMPTY, new MonthRange(YearMonth.of(2011, 1), YearMonth.of(2011, 12)),
        new MonthRange(YearMonth.of(2011, 1), null));
    // SerializableCoder's structural value is the value itself: equal ranges must be equal objects.
    CoderProperties.structuralValueConsistentWithEquals(coder, new MonthRange(YearMonth.of(2011, 1), YearMonth.of(2011, 2)),
        new MonthRange(YearMonth.of(2011, 1), YearMonth.of(2011, 2)));
    assertEquals(new MonthRange(YearMonth.of(2011, 1), YearMonth.of(2011, 2)),
        new MonthRange(YearMonth.of(2011, 1), YearMonth.of(2011, 2)));
  }
}
