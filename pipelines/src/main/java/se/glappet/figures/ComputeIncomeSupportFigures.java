package se.glappet.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import se.glappet.gap.Money;
import se.glappet.pipeline.MonthRange;
import se.glappet.publish.OutputTable;
import se.glappet.records.Payment;
import se.glappet.records.RecordCoders;

/**
 * Contract sections 4.3 and 4.4 before disclosure control: per municipality and month of
 * {@code payment_date}, every accepted payment (corrections included) counted by household, then
 * summed; and the same per reason. Payments are summed into partial totals per bundle, then the
 * partials are combined ({@link HouseholdTotalsFn}).
 */
public final class ComputeIncomeSupportFigures extends PTransform<PCollection<Payment>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  public static final TupleTag<Row> MONTHLY = new TupleTag<>() {};
  public static final TupleTag<Row> BY_REASON = new TupleTag<>() {};
  /** Exact totals per municipality and month ({@code period|municipality}), for the comparisons. */
  public static final TupleTag<KV<String, IncomeSupportTotals>> TOTALS = new TupleTag<>() {};

  private final PCollectionView<MonthRange> range;

  public ComputeIncomeSupportFigures(PCollectionView<MonthRange> range) {
    this.range = range;
  }

  @Override
  public PCollectionTuple expand(PCollection<Payment> payments) {
    KvCoder<String, HouseholdTotalsFn.Acc> partial = KvCoder.of(StringUtf8Coder.of(), new HouseholdTotalsFn.AccCoder());
    PCollectionTuple parts = payments.apply("SumPerBundle", ParDo.of(new SumPerBundleFn(range))
        .withSideInputs(range).withOutputTags(MONTH_PARTS, TupleTagList.of(BY_REASON_PARTS)));

    PCollection<KV<String, IncomeSupportTotals>> totals = parts.get(MONTH_PARTS).setCoder(partial)
        .apply("SumPerMunicipality", Combine.perKey(new HouseholdTotalsFn.MergePartials()));
    PCollection<Row> monthly = totals
        .apply("ToMonthlyRows", MapElements.into(TypeDescriptor.of(Row.class)).via(kv -> monthlyRow(kv)))
        .setRowSchema(OutputTable.INCOME_SUPPORT_MONTHLY.beamSchema());

    PCollection<Row> byReason = parts.get(BY_REASON_PARTS).setCoder(partial)
        .apply("SumPerReason", Combine.perKey(new HouseholdTotalsFn.MergePartials()))
        .apply("ToByReasonRows", MapElements.into(TypeDescriptor.of(Row.class)).via(kv -> byReasonRow(kv)))
        .setRowSchema(OutputTable.INCOME_SUPPORT_BY_REASON.beamSchema());

    return PCollectionTuple.of(MONTHLY, monthly).and(BY_REASON, byReason).and(TOTALS, totals);
  }

  static Row monthlyRow(KV<String, IncomeSupportTotals> kv) {
    String[] k = kv.getKey().split("\\|");
    IncomeSupportTotals t = kv.getValue();
    return Row.withSchema(OutputTable.INCOME_SUPPORT_MONTHLY.beamSchema())
        .addValues(k[0], k[1], t.households, t.persons, t.payments, Money.publish(t.amount),
            Money.publish(Money.divide(t.amount, BigDecimal.valueOf(t.households))),
            Money.publish(t.gapReasonAmount), false)
        .build();
  }

  static Row byReasonRow(KV<String, IncomeSupportTotals> kv) {
    String[] k = kv.getKey().split("\\|");
    IncomeSupportTotals t = kv.getValue();
    return Row.withSchema(OutputTable.INCOME_SUPPORT_BY_REASON.beamSchema())
        .addValues(k[0], k[1], k[2], t.households, Money.publish(t.amount), false)
        .build();
  }

  private static final TupleTag<KV<String, HouseholdTotalsFn.Acc>> MONTH_PARTS = new TupleTag<>() {};
  private static final TupleTag<KV<String, HouseholdTotalsFn.Acc>> BY_REASON_PARTS = new TupleTag<>() {};

  /**
   * Partial totals per bundle, keyed {@code period|municipality} and
   * {@code period|municipality|reason}: a few thousand partials leave a bundle instead of two
   * elements per payment, so the payments themselves are never shuffled.
   */
  static final class SumPerBundleFn extends DoFn<Payment, KV<String, HouseholdTotalsFn.Acc>> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<MonthRange> rangeView;
    private transient Map<String, HouseholdTotalsFn.Acc> monthly;
    private transient Map<String, HouseholdTotalsFn.Acc> byReason;

    SumPerBundleFn(PCollectionView<MonthRange> rangeView) {
      this.rangeView = rangeView;
    }

    @StartBundle
    public void startBundle() {
      monthly = new HashMap<>();
      byReason = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element Payment p, ProcessContext c) {
      YearMonth m = YearMonth.from(p.paymentDate);
      if (!c.sideInput(rangeView).contains(m)) {
        return;
      }
      String muniMonth = m + "|" + p.municipalityCode;
      HouseholdTotalsFn.add(monthly.computeIfAbsent(muniMonth, k -> new HouseholdTotalsFn.Acc()), p);
      HouseholdTotalsFn.add(byReason.computeIfAbsent(muniMonth + "|" + p.reason.name(),
          k -> new HouseholdTotalsFn.Acc()), p);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      monthly.forEach((k, acc) -> c.output(KV.of(k, acc), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      byReason.forEach((k, acc) -> c.output(BY_REASON_PARTS, KV.of(k, acc), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE));
      monthly = null;
      byReason = null;
    }
  }
}
