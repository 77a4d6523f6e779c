package se.glappet.pipeline;

import se.glappet.model.MonthRange;
import java.time.YearMonth;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import se.glappet.ingest.ReadInputs;
import se.glappet.records.RecordCoders;

/**
 * The first and last month with any accepted row, for the warning about a requested range that
 * reaches beyond the input (issue 15): a row's month is its payment_date's (income support), its
 * period (KIS) or its from_date's (allowances); population rows, which hold a year, do not count.
 * Input: the {@link ReadInputs} tuple; output: at most one {@link MonthRange} (none without rows).
 */
public final class FindDataMonths extends PTransform<PCollectionTuple, PCollection<MonthRange>> {
  private static final long serialVersionUID = 1L;

  @Override
  public PCollection<MonthRange> expand(PCollectionTuple inputs) {
    PCollection<YearMonth> kis = inputs.get(ReadInputs.KIS)
        .apply("KisMonths", MapElements.into(TypeDescriptor.of(YearMonth.class)).via(k -> k.period))
        .setCoder(RecordCoders.YearMonthCoder.of());
    PCollection<YearMonth> allowances = inputs.get(ReadInputs.ALLOWANCES)
        .apply("AllowanceMonths", MapElements.into(TypeDescriptor.of(YearMonth.class))
            .via(a -> YearMonth.from(a.fromDate)))
        .setCoder(RecordCoders.YearMonthCoder.of());
    return PCollectionList.of(inputs.get(ReadInputs.PAYMENT_MONTHS)).and(kis).and(allowances)
        .apply("AllDataMonths", Flatten.pCollections())
        .apply("SpanOfDataMonths", Combine.globally(new ComputeMonthRange.Span(null, null)).withoutDefaults())
        .setCoder(SerializableCoder.of(MonthRange.class));
  }
}
