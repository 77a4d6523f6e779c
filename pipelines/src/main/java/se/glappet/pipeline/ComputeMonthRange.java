package se.glappet.pipeline;

import java.time.YearMonth;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import se.glappet.records.Payment;

/**
 * The published months (contract section 1): {@code --from}/{@code --to} when given, otherwise the
 * first and last month in which an accepted income-support payment is dated.
 */
public final class ComputeMonthRange extends PTransform<PCollection<Payment>, PCollectionView<MonthRange>> {
  private static final long serialVersionUID = 1L;
  private final YearMonth from;
  private final YearMonth to;

  public ComputeMonthRange(YearMonth from, YearMonth to) {
    this.from = from;
    this.to = to;
  }

  @Override
  public PCollectionView<MonthRange> expand(PCollection<Payment> payments) {
    YearMonth givenFrom = from;
    YearMonth givenTo = to;
    return payments
        .apply("PaymentMonth", MapElements.into(TypeDescriptor.of(MonthRange.class))
            .via(p -> new MonthRange(YearMonth.from(p.paymentDate), YearMonth.from(p.paymentDate))))
        .setCoder(SerializableCoder.of(MonthRange.class))
        .apply("SpanOfPaymentMonths", Combine.globally(new Span()).withoutDefaults())
        .apply("ApplyArguments", MapElements.into(TypeDescriptor.of(MonthRange.class))
            .via(r -> new MonthRange(givenFrom != null ? givenFrom : r.from, givenTo != null ? givenTo : r.to)))
        .setCoder(SerializableCoder.of(MonthRange.class))
        .apply("AsSingleton", View.<MonthRange>asSingleton()
            .withDefaultValue(new MonthRange(givenFrom, givenTo)));
  }

  /** Smallest from, largest to. */
  static final class Span implements SerializableFunction<Iterable<MonthRange>, MonthRange> {
    private static final long serialVersionUID = 1L;

    @Override
    public MonthRange apply(Iterable<MonthRange> ranges) {
      YearMonth lo = null;
      YearMonth hi = null;
      for (MonthRange r : ranges) {
        if (r.from != null && (lo == null || r.from.isBefore(lo))) {
          lo = r.from;
        }
        if (r.to != null && (hi == null || r.to.isAfter(hi))) {
          hi = r.to;
        }
      }
      return new MonthRange(lo, hi);
    }
  }
}
