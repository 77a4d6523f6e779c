package se.glappet.pipeline;

import se.glappet.model.MonthRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.YearMonth;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The published months (contract section 1): {@code --from}/{@code --to} when given (both: known
 * before the graph reads anything), otherwise the
 * first and last month in which an accepted income-support payment is dated (input: the months of
 * accepted payments, {@link se.glappet.ingest.ReadInputs#PAYMENT_MONTHS}).
 */
public final class ComputeMonthRange extends PTransform<PCollection<YearMonth>, PCollectionView<MonthRange>> {
  private static final long serialVersionUID = 1L;
  private final YearMonth from;
  private final YearMonth to;

  public ComputeMonthRange(YearMonth from, YearMonth to) {
    this.from = from;
    this.to = to;
  }

  @Override
  public PCollectionView<MonthRange> expand(PCollection<YearMonth> paymentMonths) {
    if (from != null && to != null) {
      // Both given: the range is known before any file is read, so nothing that needs it waits
      // for the payments' duplicate rule.
      return paymentMonths.getPipeline()
          .apply("GivenRange", Create.of(new MonthRange(from, to)).withCoder(SerializableCoder.of(MonthRange.class)))
          .apply("GivenRangeAsSingleton", View.asSingleton());
    }
    return paymentMonths
        .apply("SpanOfPaymentMonths", Combine.globally(new Span(from, to)).withoutDefaults())
        .setCoder(SerializableCoder.of(MonthRange.class))
        .apply("AsSingleton", View.<MonthRange>asSingleton().withDefaultValue(new MonthRange(from, to)));
  }

  /**
   * Smallest and largest payment month (as {@code year × 12 + month − 1}), then the arguments
   * applied. The accumulator is two ints, so partial spans cost nothing to shuffle.
   */
  static final class Span extends Combine.CombineFn<YearMonth, int[], MonthRange> {
    private static final long serialVersionUID = 1L;
    private final YearMonth from;
    private final YearMonth to;

    Span(YearMonth from, YearMonth to) {
      this.from = from;
      this.to = to;
    }

    @Override
    public int[] createAccumulator() {
      return new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE};
    }

    @Override
    public int[] addInput(int[] acc, YearMonth month) {
      int m = month.getYear() * 12 + month.getMonthValue() - 1;
      acc[0] = Math.min(acc[0], m);
      acc[1] = Math.max(acc[1], m);
      return acc;
    }

    @Override
    public int[] mergeAccumulators(Iterable<int[]> accs) {
      int[] out = createAccumulator();
      for (int[] a : accs) {
        out[0] = Math.min(out[0], a[0]);
        out[1] = Math.max(out[1], a[1]);
      }
      return out;
    }

    @Override
    public MonthRange extractOutput(int[] acc) {
      YearMonth lo = acc[0] == Integer.MAX_VALUE ? null : YearMonth.of(acc[0] / 12, acc[0] % 12 + 1);
      YearMonth hi = acc[1] == Integer.MIN_VALUE ? null : YearMonth.of(acc[1] / 12, acc[1] % 12 + 1);
      return new MonthRange(from != null ? from : lo, to != null ? to : hi);
    }

    @Override
    public Coder<int[]> getAccumulatorCoder(CoderRegistry registry, Coder<YearMonth> inputCoder) {
      return new PairCoder();
    }
  }

  /** Two ints. */
  static final class PairCoder extends AtomicCoder<int[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(int[] v, OutputStream out) throws IOException {
      VarIntCoder.of().encode(v[0], out);
      VarIntCoder.of().encode(v[1], out);
    }

    @Override
    public int[] decode(InputStream in) throws IOException {
      return new int[] {VarIntCoder.of().decode(in), VarIntCoder.of().decode(in)};
    }
  }
}
