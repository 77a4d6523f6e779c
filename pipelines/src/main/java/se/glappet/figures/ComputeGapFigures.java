package se.glappet.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import se.glappet.gap.Apportion;
import se.glappet.gap.BuildPersonGaps;
import se.glappet.gap.Money;
import se.glappet.gap.PersonGap;
import se.glappet.gap.Stats;
import se.glappet.ingest.ReadInputs;
import se.glappet.model.MonthRange;
import se.glappet.model.OutputTable;
import se.glappet.records.KisRow;

/**
 * Contract sections 3, 4.1 and 4.2 before disclosure control. The person windows (few) were
 * brought to the payments (many) as a side input by {@link SummarisePayments}, which apportioned
 * each payment by days to the months of its person's window; here the parts, the persons' own
 * monthly counts and the newcomers are summed with combiners into one dense cell per
 * municipality in the batch and month, which also records whether the municipality reported the
 * month (a payment dated in it). The per-person parts arrive, or leave their step, already added
 * per municipality-month within each bundle ({@link CellSums}).
 *
 * <p>Input: the gap parts of {@link SummarisePayments}, {@link #PERSON_GAPS}, and
 * {@link ReadInputs#KIS} and {@link ReadInputs#MUNICIPALITIES}. Output: {@link #CELLS}
 * (municipality-month → exact cell) and {@link #BY_REASON} rows.
 */
public final class ComputeGapFigures extends PTransform<PCollectionTuple, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  public static final TupleTag<KV<CellKey, GapCell>> CELLS = new TupleTag<>() {};
  public static final TupleTag<Row> BY_REASON = new TupleTag<>() {};

  /** Input: the persons in the gap ({@link BuildPersonGaps}). */
  public static final TupleTag<PersonGap> PERSON_GAPS = new TupleTag<>() {};

  private static final KvCoder<CellKey, GapCell> CELL_CODER =
      KvCoder.of(CellKey.CellKeyCoder.of(), GapCell.CellCoder.of());

  private final PCollectionView<MonthRange> range;
  private final PCollectionView<Map<String, PersonGap>> gapOf;

  public ComputeGapFigures(PCollectionView<MonthRange> range, PCollectionView<Map<String, PersonGap>> gapOf) {
    this.range = range;
    this.gapOf = gapOf;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple inputs) {
    PCollectionView<MonthRange> rangeView = range;
    PCollection<PersonGap> gaps = inputs.get(PERSON_GAPS);

    PCollection<KV<CellKey, GapCell>> supportCells = inputs.get(SummarisePayments.GAP_CELLS);

    PCollection<KV<CellKey, GapCell>> recoverableCells = inputs.get(SummarisePayments.GAP_IN_RECOVERABLE_WINDOW)
        .apply("KeyByPerson", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), SummarisePayments.AMOUNTS.getEncodedTypeDescriptor()))
            .via(kv -> KV.of(kv.getKey().person, KV.of(kv.getKey().municipality, kv.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SummarisePayments.AMOUNTS))
        .apply("GroupPersonPayers", GroupByKey.create())
        .apply("CapByRetroactiveAllowance", ParDo.of(new RecoverableFn(rangeView, gapOf))
            .withSideInputs(rangeView, gapOf))
        .setCoder(CELL_CODER);

    PCollection<KV<CellKey, GapCell>> personCells = gaps
        .apply("PersonMonthCells", ParDo.of(new PersonMonthsFn(rangeView)).withSideInputs(rangeView))
        .setCoder(CELL_CODER);

    PCollection<KV<CellKey, GapCell>> kisCells = inputs.get(ReadInputs.KIS)
        .apply("NewcomerCells", ParDo.of(new DoFn<KisRow, KV<CellKey, GapCell>>() {
          private static final long serialVersionUID = 1L;
          private transient MonthRange range;

          @StartBundle
          public void startBundle() {
            range = null;
          }

          @ProcessElement
          public void process(ProcessContext c) {
            if (range == null) { // once per bundle: the Flink runner's side-input look-up is not cheap
              range = c.sideInput(rangeView);
            }
            KisRow k = c.element();
            if (range.contains(k.period)) {
              GapCell cell = new GapCell();
              cell.newcomersReceived = k.newcomersReceived;
              c.output(KV.of(CellKey.of(k.period, k.municipalityCode), cell));
            }
          }
        }).withSideInputs(rangeView))
        .setCoder(CELL_CODER);

    // Contract section 4: a municipality reported month t when a payment of it is dated in t, which is
    // exactly when it has income-support totals for t.
    PCollection<KV<CellKey, GapCell>> reportedCells = inputs.get(SummarisePayments.INCOME_MONTHLY)
        .apply("ReportedCells", MapElements.into(CELL_CODER.getEncodedTypeDescriptor()).via(kv -> {
          GapCell c = new GapCell();
          c.incomeSupportReported = true;
          return KV.of(kv.getKey(), c);
        })).setCoder(CELL_CODER);

    PCollection<KV<CellKey, GapCell>> seeds = inputs.get(ReadInputs.MUNICIPALITIES)
        .apply("DenseSeeds", ParDo.of(new DoFn<String, KV<CellKey, GapCell>>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(ProcessContext c) {
            for (YearMonth m : c.sideInput(rangeView).months()) {
              c.output(KV.of(CellKey.of(m, c.element()), new GapCell()));
            }
          }
        }).withSideInputs(rangeView))
        .setCoder(CELL_CODER);

    PCollection<KV<CellKey, GapCell>> cells = PCollectionList.of(seeds).and(personCells).and(supportCells)
        .and(recoverableCells).and(kisCells).and(reportedCells)
        .apply("AllCellParts", Flatten.pCollections())
        .apply("SumCells", Combine.perKey(new SumCells()))
        .setCoder(CELL_CODER);

    PCollection<Row> byReason = inputs.get(SummarisePayments.GAP_REASON_CELLS)
        .apply("SumPerReason", Combine.perKey(new SumCells()))
        .apply("ToByReasonRows", ParDo.of(new DoFn<KV<CellKey, GapCell>, Row>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element KV<CellKey, GapCell> kv, OutputReceiver<Row> out) {
            if (kv.getValue().gapSupportSek.signum() == 0) {
              return;
            }
            CellKey k = kv.getKey();
            out.output(OutputTable.GAP_BY_REASON.row()
                .set("period", k.period.toString())
                .set("municipality_code", k.municipality)
                .set("reason_code", k.reason.name())
                .set("persons", kv.getValue().gapSupportPersons)
                .set("gap_support_sek", Money.publish(kv.getValue().gapSupportSek))
                .build());
          }
        }))
        .setRowSchema(OutputTable.GAP_BY_REASON.beamSchema());

    return PCollectionTuple.of(CELLS, cells).and(BY_REASON, byReason);
  }

  /**
   * One {@code gap_monthly} row (before disclosure control) from an exact cell. When the municipality
   * did not report the month (contract sections 4 and 4.1) the figures resting on its payments,
   * gap_support_persons, gap_support_sek, gap_support_per_newcomer_sek, recoverable_persons and
   * recoverable_sek, are unknown: null, and not counted as suppressed.
   */
  public static Row gapMonthlyRow(KV<CellKey, GapCell> kv) {
    CellKey k = kv.getKey();
    GapCell c = kv.getValue();
    boolean reported = c.incomeSupportReported;
    BigDecimal perNewcomer = !reported || c.newcomersReceived == null ? null
        : Money.divide(c.gapSupportSek, BigDecimal.valueOf(c.newcomersReceived));
    return OutputTable.GAP_MONTHLY.row()
        .set("period", k.period.toString())
        .set("municipality_code", k.municipality)
        .set("persons_in_gap", c.personsInGap)
        .set("persons_in_gap_with_support", c.personsInGapWithSupport)
        .set("gap_person_days", (int) c.gapPersonDays)
        .set("gap_support_persons", reported ? c.gapSupportPersons : null)
        .set("gap_support_sek", reported ? Money.publish(c.gapSupportSek) : null)
        .set("gaps_closed", c.gapsClosed())
        .set("median_cash_gap_days", Stats.median(c.closedCashDays))
        .set("p90_cash_gap_days", Stats.p90(c.closedCashDays))
        .set("median_entitlement_gap_days", Stats.median(c.closedEntitlementDays))
        .set("open_gaps_at_month_end", c.openGapsAtMonthEnd)
        .set("recoverable_persons", reported ? c.recoverablePersons : null)
        .set("recoverable_sek", reported ? Money.publish(c.recoverableSek) : null)
        .set("newcomers_received", c.newcomersReceived)
        .set("gap_support_per_newcomer_sek", Money.publish(perNewcomer))
        .set("income_support_reported", reported)
        .build();
  }

  /**
   * Scales a person's parts in R by min(1, retroactive allowance / P), per paying municipality;
   * the persons' recoverable money is added per municipality-month within the bundle.
   */
  static final class RecoverableFn extends DoFn<KV<String, Iterable<KV<String, BigDecimal>>>, KV<CellKey, GapCell>> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<MonthRange> rangeView;
    private final PCollectionView<Map<String, PersonGap>> gapOf;
    private transient CellSums cells;
    private transient MonthRange range;
    private transient Map<String, PersonGap> gaps;

    RecoverableFn(PCollectionView<MonthRange> rangeView, PCollectionView<Map<String, PersonGap>> gapOf) {
      this.rangeView = rangeView;
      this.gapOf = gapOf;
    }

    @StartBundle
    public void startBundle() {
      cells = new CellSums();
      range = null;
      gaps = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (range == null) { // side inputs once per bundle: the Flink runner's look-up is not cheap
        range = c.sideInput(rangeView);
        gaps = c.sideInput(gapOf);
      }
      PersonGap g = gaps.get(c.element().getKey());
      YearMonth month = g.closedMonth();
      if (month == null || !range.contains(month)) {
        return;
      }
      BigDecimal total = BigDecimal.ZERO;
      for (KV<String, BigDecimal> kv : c.element().getValue()) {
        total = total.add(kv.getValue());
      }
      BigDecimal factor = Apportion.recoverableFactor(g.retroactiveAllowance(), total);
      for (KV<String, BigDecimal> kv : c.element().getValue()) {
        GapCell cell = new GapCell();
        cell.recoverableSek = kv.getValue().multiply(factor);
        cell.recoverablePersons = cell.recoverableSek.signum() != 0 ? 1 : 0;
        cells.add(CellKey.of(month, kv.getKey()), cell);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      cells.emit(kv -> c.output(kv, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    }
  }

  /**
   * The home municipality's monthly counts of one person in the gap, added per municipality-month
   * within the bundle.
   */
  static final class PersonMonthsFn extends DoFn<PersonGap, KV<CellKey, GapCell>> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<MonthRange> rangeView;
    private transient CellSums cells;
    private transient List<YearMonth> months;

    PersonMonthsFn(PCollectionView<MonthRange> rangeView) {
      this.rangeView = rangeView;
    }

    @StartBundle
    public void startBundle() {
      cells = new CellSums();
      months = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (months == null) { // once per bundle: the Flink runner's side-input look-up is not cheap
        months = c.sideInput(rangeView).months();
      }
      PersonGap g = c.element();
      for (YearMonth m : months) {
        GapCell cell = new GapCell();
        int days = g.daysInMonth(m);
        if (days > 0) {
          cell.personsInGap = 1;
          cell.gapPersonDays = days;
        }
        if (g.isOpenAtEndOf(m)) {
          cell.openGapsAtMonthEnd = 1;
        }
        if (m.equals(g.closedMonth())) {
          cell.closedCashDays.add(g.cashGapDays());
          cell.closedEntitlementDays.add(g.entitlementGapDays());
        }
        if (cell.personsInGap + cell.openGapsAtMonthEnd + cell.gapsClosed() > 0) {
          cells.add(CellKey.of(m, g.homeMunicipality()), cell);
        }
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      cells.emit(kv -> c.output(kv, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    }
  }

  /** Sum of cells. */
  static final class SumCells extends Combine.BinaryCombineFn<GapCell> {
    private static final long serialVersionUID = 1L;

    @Override
    public GapCell apply(GapCell left, GapCell right) {
      return GapCell.sum(left, right);
    }
  }
}
