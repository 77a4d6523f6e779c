package se.glappet.pipeline;

import se.glappet.model.MonthRange;
import java.time.YearMonth;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import se.glappet.ingest.ReadInputs;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
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
        .apply("KisMonths", ParDo.of(new BundleSpan<KisRow>(k -> k.period)))
        .setCoder(RecordCoders.YearMonthCoder.of());
    PCollection<YearMonth> allowances = inputs.get(ReadInputs.ALLOWANCES)
        .apply("AllowanceMonths", ParDo.of(new BundleSpan<AllowancePeriod>(a -> YearMonth.from(a.fromDate))))
        .setCoder(RecordCoders.YearMonthCoder.of());
    return PCollectionList.of(inputs.get(ReadInputs.PAYMENT_MONTHS)).and(kis).and(allowances)
        .apply("AllDataMonths", Flatten.pCollections())
        .apply("SpanOfDataMonths", Combine.globally(new ComputeMonthRange.Span(null, null)).withoutDefaults())
        .setCoder(SerializableCoder.of(MonthRange.class));
  }

  /**
   * The first and last month of a bundle's rows, output when the bundle ends: two months per
   * bundle instead of one per row travel on to the span (on Flink a bundle is a whole partition).
   */
  static final class BundleSpan<T> extends DoFn<T, YearMonth> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<T, YearMonth> monthOf;
    private transient YearMonth first;
    private transient YearMonth last;

    BundleSpan(SerializableFunction<T, YearMonth> monthOf) {
      this.monthOf = monthOf;
    }

    @StartBundle
    public void startBundle() {
      first = null;
      last = null;
    }

    @ProcessElement
    public void process(@Element T row) {
      YearMonth m = monthOf.apply(row);
      if (first == null || m.isBefore(first)) {
        first = m;
      }
      if (last == null || m.isAfter(last)) {
        last = m;
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      if (first != null) {
        c.output(first, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        c.output(last, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }
}
