package se.glappet.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import se.glappet.gap.Apportion;
import se.glappet.gap.PersonGap;
import se.glappet.pipeline.MonthRange;
import se.glappet.records.DecimalCoder;
import se.glappet.records.Payment;

/**
 * The one pass over the payments (the only large collection): each bundle of payments is summed
 * into partial income-support totals (contract 4.3, 4.4) and apportioned gap parts (contract 3,
 * 4.1, 4.2), which leave the bundle when it finishes. {@link ComputeIncomeSupportFigures} and
 * {@link ComputeGapFigures} combine the partials. One step for both keeps the payments in the
 * reading step's thread: on Flink a collection read by two steps is serialized once for each.
 */
public final class SummarisePayments extends PTransform<PCollection<Payment>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** Partial income-support totals per {@code period|municipality}. */
  public static final TupleTag<KV<String, HouseholdTotalsFn.Acc>> INCOME_MONTHLY = new TupleTag<>() {};
  /** Partial income-support totals per {@code period|municipality|reason}. */
  public static final TupleTag<KV<String, HouseholdTotalsFn.Acc>> INCOME_BY_REASON = new TupleTag<>() {};
  /** Gap support per {@code period|paying municipality|person}. */
  public static final TupleTag<KV<String, BigDecimal>> GAP_BY_PAYER = new TupleTag<>() {};
  /** Gap support per {@code period|home municipality|person}. */
  public static final TupleTag<KV<String, BigDecimal>> GAP_BY_PERSON = new TupleTag<>() {};
  /** Gap support with a gap reason per {@code period|paying municipality|reason|person}. */
  public static final TupleTag<KV<String, BigDecimal>> GAP_BY_REASON = new TupleTag<>() {};
  /** Support in the recoverable window per {@code person|paying municipality}. */
  public static final TupleTag<KV<String, BigDecimal>> GAP_IN_RECOVERABLE_WINDOW = new TupleTag<>() {};

  static final KvCoder<String, BigDecimal> AMOUNTS = KvCoder.of(StringUtf8Coder.of(), DecimalCoder.of());
  static final KvCoder<String, HouseholdTotalsFn.Acc> PARTIAL_TOTALS =
      KvCoder.of(StringUtf8Coder.of(), new HouseholdTotalsFn.AccCoder());

  private final PCollectionView<MonthRange> range;
  private final PCollectionView<Map<String, PersonGap>> gapOf;

  public SummarisePayments(PCollectionView<MonthRange> range, PCollectionView<Map<String, PersonGap>> gapOf) {
    this.range = range;
    this.gapOf = gapOf;
  }

  @Override
  public PCollectionTuple expand(PCollection<Payment> payments) {
    PCollectionTuple out = payments.apply("SumPerBundle", ParDo.of(new SummariseFn(range, gapOf))
        .withSideInputs(range, gapOf)
        .withOutputTags(INCOME_MONTHLY, TupleTagList.of(INCOME_BY_REASON).and(GAP_BY_PAYER).and(GAP_BY_PERSON)
            .and(GAP_BY_REASON).and(GAP_IN_RECOVERABLE_WINDOW)));
    out.get(INCOME_MONTHLY).setCoder(PARTIAL_TOTALS);
    out.get(INCOME_BY_REASON).setCoder(PARTIAL_TOTALS);
    for (TupleTag<KV<String, BigDecimal>> t : java.util.List.of(GAP_BY_PAYER, GAP_BY_PERSON, GAP_BY_REASON,
        GAP_IN_RECOVERABLE_WINDOW)) {
      out.get(t).setCoder(AMOUNTS);
    }
    return out;
  }

  /** Both summaries of one bundle; the side inputs are read once per bundle (not cheap on Flink). */
  static final class SummariseFn extends DoFn<Payment, KV<String, HouseholdTotalsFn.Acc>> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<MonthRange> rangeView;
    private final PCollectionView<Map<String, PersonGap>> gapOf;
    private transient MonthRange range;
    private transient Map<String, PersonGap> gaps;
    private transient Map<String, HouseholdTotalsFn.Acc> monthly;
    private transient Map<String, HouseholdTotalsFn.Acc> byReason;
    private transient Map<TupleTag<KV<String, BigDecimal>>, Map<String, BigDecimal>> gapParts;

    SummariseFn(PCollectionView<MonthRange> rangeView, PCollectionView<Map<String, PersonGap>> gapOf) {
      this.rangeView = rangeView;
      this.gapOf = gapOf;
    }

    @StartBundle
    public void startBundle() {
      range = null;
      gaps = null;
      monthly = new HashMap<>();
      byReason = new HashMap<>();
      gapParts = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element Payment p, ProcessContext c) {
      if (range == null) {
        range = c.sideInput(rangeView);
        gaps = c.sideInput(gapOf);
      }
      addIncomeSupport(p);
      addGapParts(p);
    }

    /** Contract 4.3 and 4.4: every payment dated in the published months, by household. */
    private void addIncomeSupport(Payment p) {
      YearMonth m = YearMonth.from(p.paymentDate);
      if (!range.contains(m)) {
        return;
      }
      String muniMonth = m + "|" + p.municipalityCode;
      HouseholdTotalsFn.add(monthly.computeIfAbsent(muniMonth, k -> new HouseholdTotalsFn.Acc()), p);
      HouseholdTotalsFn.add(byReason.computeIfAbsent(muniMonth + "|" + p.reason.name(),
          k -> new HouseholdTotalsFn.Acc()), p);
    }

    /** Contract section 3: a payment known at obs_end, apportioned to its person's gap window. */
    private void addGapParts(Payment p) {
      if (range.isEmpty() || !p.paymentDate.isBefore(range.obsEnd())) {
        return;
      }
      PersonGap g = gaps.get(p.personId);
      if (g == null) {
        return;
      }
      for (Map.Entry<YearMonth, BigDecimal> e : Apportion.gapSupportByMonth(p, g).entrySet()) {
        YearMonth m = e.getKey();
        if (!range.contains(m)) {
          continue;
        }
        add(GAP_BY_PAYER, m + "|" + p.municipalityCode + "|" + p.personId, e.getValue());
        add(GAP_BY_PERSON, m + "|" + g.homeMunicipality() + "|" + p.personId, e.getValue());
        if (p.reason.isGapReason()) {
          add(GAP_BY_REASON, m + "|" + p.municipalityCode + "|" + p.reason.name() + "|" + p.personId, e.getValue());
        }
      }
      BigDecimal inR = Apportion.partInRecoverableWindow(p, g);
      if (inR.signum() != 0) {
        add(GAP_IN_RECOVERABLE_WINDOW, p.personId + "|" + p.municipalityCode, inR);
      }
    }

    private void add(TupleTag<KV<String, BigDecimal>> tag, String key, BigDecimal amount) {
      gapParts.computeIfAbsent(tag, t -> new HashMap<>()).merge(key, amount, BigDecimal::add);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      monthly.forEach((k, acc) -> c.output(INCOME_MONTHLY, KV.of(k, acc), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE));
      byReason.forEach((k, acc) -> c.output(INCOME_BY_REASON, KV.of(k, acc), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE));
      gapParts.forEach((tag, byKey) -> byKey.forEach((k, v) ->
          c.output(tag, KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE)));
      monthly = null;
      byReason = null;
      gapParts = null;
    }
  }
}
