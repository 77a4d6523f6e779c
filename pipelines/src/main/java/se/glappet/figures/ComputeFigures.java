package se.glappet.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import se.glappet.gap.PersonGap;
import se.glappet.gap.PersonGapCoder;
import se.glappet.ingest.ReadInputs;
import se.glappet.model.MonthFileRows;
import se.glappet.model.MonthRange;
import se.glappet.model.OutputTable;
import se.glappet.model.RunCounter;
import se.glappet.records.DecimalCoder;
import se.glappet.records.KisRow;
import se.glappet.records.PopulationRow;
import se.glappet.records.RecordCoders;
import se.glappet.reference.Municipalities;

/**
 * Contract sections 3 and 4.1–4.5: every published table's figures, before disclosure control
 * (after it for national_comparison, which applies it inside). After {@link SummarisePayments}
 * the batch is small: a few tens of thousands of exact sums, the persons in the gap, a KIS row and
 * a population row per municipality-month. {@code GatherFigureInputs} brings all of it to one
 * place (one grouping under a single key; the published months join them as one more element,
 * {@code TagRange}) and {@code ComputeAllFigures} computes the tables in memory with
 * {@link BatchFigures}, in the grouping's own task.
 *
 * <p>On Flink's batch engine this replaced some thirty steps (the sums split five ways, each
 * output decoded by every reader of the split, the cells' three groupings and a join by month),
 * each of which cost a task, an encoding and decoding of its elements and often a sort (issue 13).
 *
 * <p>Input: {@link SummarisePayments#SUMS}, {@link #PERSON_GAPS}, {@link ReadInputs#KIS},
 * {@link ReadInputs#MUNICIPALITIES} and {@link ReadInputs#POPULATION}. Output: {@link #ROWS} (the
 * rows of every dataset in one collection; the dataset is the one whose schema a row has),
 * {@link #CELLS} (the exact gap_monthly cells) and {@link #CELLS_NULLED} (national_comparison's
 * suppressed cells).
 */
public final class ComputeFigures extends PTransform<PCollectionTuple, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** Input: the persons in the gap ({@code gap.BuildPersonGaps}). */
  public static final TupleTag<PersonGap> PERSON_GAPS = new TupleTag<>() {};
  /**
   * The rows of every dataset, one element per month file (a dataset and month), packed
   * ({@link MonthFileRows}): encoded once here, copied as bytes by the reader of each output.
   */
  public static final TupleTag<byte[]> MONTH_FILES = new TupleTag<>() {};
  /** Municipality-month → exact gap_monthly cell. */
  public static final TupleTag<KV<CellKey, GapCell>> CELLS = new TupleTag<>() {};
  /** The cells national_comparison's disclosure control nulled ({@link RunCounter#cellsSuppressed}). */
  public static final TupleTag<KV<RunCounter, Long>> CELLS_NULLED = new TupleTag<>() {};

  private static final int INCOME = 0;
  private static final int CELL_PART = 1;
  private static final int REASON_PART = 2;
  private static final int RECOVERABLE = 3;
  private static final int GAP = 4;
  private static final int KIS = 5;
  private static final int MUNICIPALITY = 6;
  private static final int POPULATION = 7;
  private static final int RANGE = 8;
  private static final KvCoder<CellKey, GapCell> CELL_CODER = KvCoder.of(CellKey.CellKeyCoder.of(), GapCell.CellCoder.of());
  /** The coders of the inputs, by their union tag above. */
  private static final UnionCoder INPUTS = UnionCoder.of(List.<Coder<?>>of(
      KvCoder.of(CellKey.CellKeyCoder.of(), IncomeSupportTotals.TotalsCoder.of()), CELL_CODER, CELL_CODER,
      KvCoder.of(CellKey.CellKeyCoder.of(), DecimalCoder.of()),
      PersonGapCoder.of(), RecordCoders.KisCoder.of(), StringUtf8Coder.of(), RecordCoders.PopulationCoder.of(),
      SerializableCoder.of(MonthRange.class)));
  private static final KvCoder<Integer, RawUnionValue> TAGGED = KvCoder.of(VarIntCoder.of(), INPUTS);

  private final PCollectionView<MonthRange> range;
  private final Municipalities reference;

  /** {@code range}: the published months; {@code reference}: the municipality list. */
  public ComputeFigures(PCollectionView<MonthRange> range, Municipalities reference) {
    this.range = range;
    this.reference = reference;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple in) {
    PCollectionList<KV<Integer, RawUnionValue>> tagged = PCollectionList
        .of(in.get(SummarisePayments.SUMS).apply("PrepareSums", ParDo.of(new PrepareSumsFn())).setCoder(TAGGED))
        .and(tag(in.get(PERSON_GAPS), GAP, "TagPersonGaps"))
        .and(tag(in.get(ReadInputs.KIS), KIS, "TagKisRows"))
        .and(tag(in.get(ReadInputs.MUNICIPALITIES), MUNICIPALITY, "TagMunicipalities"))
        .and(tag(in.get(ReadInputs.POPULATION), POPULATION, "TagPopulationRows"))
        .and(in.getPipeline()
            .apply("OneRange", Create.of(0).withCoder(VarIntCoder.of()))
            .apply("TagRange", ParDo.of(new TagRangeFn(range)).withSideInputs(range))
            .setCoder(TAGGED));
    PCollectionTuple out = tagged
        .apply("AllFigureInputs", Flatten.pCollections())
        .apply("GatherFigureInputs", GroupByKey.create())
        .apply("ComputeAllFigures", ParDo.of(new ComputeAllFn(reference))
            .withOutputTags(MONTH_FILES, TupleTagList.of(CELLS).and(CELLS_NULLED)));
    out.get(MONTH_FILES).setCoder(ByteArrayCoder.of());
    out.get(CELLS).setCoder(CELL_CODER);
    out.get(CELLS_NULLED).setCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of()));
    return out;
  }

  /** Each element under the one key, with the number of its input. */
  private static <T> PCollection<KV<Integer, RawUnionValue>> tag(PCollection<T> input, int number, String name) {
    return input.apply(name, ParDo.of(new DoFn<T, KV<Integer, RawUnionValue>>() {
      private static final long serialVersionUID = 1L;

      @ProcessElement
      public void process(@Element T element, OutputReceiver<KV<Integer, RawUnionValue>> out) {
        out.output(KV.of(0, new RawUnionValue(number, element)));
      }
    })).setCoder(TAGGED);
  }

  /**
   * Each exact sum as what it is part of ({@link BatchFigures#splitSum}): a municipality-month's
   * income-support totals leave as the month's and its reasons' (their households are counted
   * here, where the sums are made, so no household table crosses the gathering); a person's gap
   * support as parts of municipality-month cells, added within the bundle ({@link CellSums}): the
   * persons are the many keys.
   */
  static final class PrepareSumsFn extends DoFn<KV<SummarisePayments.PartialKey, SummarisePayments.Partial>, KV<Integer, RawUnionValue>> {
    private static final long serialVersionUID = 1L;
    private transient CellSums cells;
    private transient CellSums reasonCells;

    @StartBundle
    public void startBundle() {
      cells = new CellSums();
      reasonCells = new CellSums();
    }

    @ProcessElement
    public void process(@Element KV<SummarisePayments.PartialKey, SummarisePayments.Partial> sum,
        OutputReceiver<KV<Integer, RawUnionValue>> out) {
      BatchFigures.splitSum(sum.getKey(), sum.getValue(),
          (k, t) -> out.output(KV.of(0, new RawUnionValue(INCOME, KV.of(k, t)))),
          cells::add, reasonCells::add,
          (k, amount) -> out.output(KV.of(0, new RawUnionValue(RECOVERABLE, KV.of(k, amount)))));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      cells.emit(kv -> c.output(KV.of(0, new RawUnionValue(CELL_PART, kv)), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE));
      reasonCells.emit(kv -> c.output(KV.of(0, new RawUnionValue(REASON_PART, kv)), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE));
    }
  }

  /**
   * The published months as one more input of the gathering, so that {@link ComputeAllFn} needs
   * no side input: on Flink's batch engine a step with a side input cannot run in the task of the
   * grouping before it, which then had to encode the whole group as one element for it.
   */
  static final class TagRangeFn extends DoFn<Integer, KV<Integer, RawUnionValue>> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<MonthRange> range;

    TagRangeFn(PCollectionView<MonthRange> range) {
      this.range = range;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(KV.of(0, new RawUnionValue(RANGE, c.sideInput(range))));
    }
  }

  /** All inputs, read once into {@link BatchFigures}; every table's rows leave. */
  static final class ComputeAllFn extends DoFn<KV<Integer, Iterable<RawUnionValue>>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final Municipalities reference;

    ComputeAllFn(Municipalities reference) {
      this.reference = reference;
    }

    @ProcessElement
    @SuppressWarnings("unchecked")
    public void process(ProcessContext c) {
      BatchFigures figures = new BatchFigures();
      MonthRange range = null;
      for (RawUnionValue v : c.element().getValue()) {
        switch (v.getUnionTag()) {
          case INCOME:
            KV<CellKey, IncomeSupportTotals> income = (KV<CellKey, IncomeSupportTotals>) v.getValue();
            figures.addIncome(income.getKey(), income.getValue());
            break;
          case CELL_PART:
            KV<CellKey, GapCell> part = (KV<CellKey, GapCell>) v.getValue();
            figures.addCellPart(part.getKey(), part.getValue());
            break;
          case REASON_PART:
            KV<CellKey, GapCell> reasonPart = (KV<CellKey, GapCell>) v.getValue();
            figures.addReasonPart(reasonPart.getKey(), reasonPart.getValue());
            break;
          case RECOVERABLE:
            KV<CellKey, java.math.BigDecimal> amount = (KV<CellKey, java.math.BigDecimal>) v.getValue();
            figures.addRecoverable(amount.getKey(), amount.getValue());
            break;
          case GAP:
            figures.addGap((PersonGap) v.getValue());
            break;
          case KIS:
            figures.addKis((KisRow) v.getValue());
            break;
          case MUNICIPALITY:
            figures.addMunicipality((String) v.getValue());
            break;
          case POPULATION:
            figures.addPopulation((PopulationRow) v.getValue());
            break;
          case RANGE:
            range = (MonthRange) v.getValue();
            break;
          default:
            throw new IllegalStateException("an input with no number " + v.getUnionTag());
        }
      }
      if (range == null) {
        throw new IllegalStateException("the published months did not reach the figures");
      }
      BatchFigures.Result r = figures.compute(range, reference);
      r.rows.forEach((table, rows) -> {
        Map<String, List<Row>> byMonth = new TreeMap<>();
        for (Row row : rows) {
          byMonth.computeIfAbsent(row.getString("period"), m -> new ArrayList<>()).add(row);
        }
        byMonth.forEach((period, ofMonth) -> c.output(MonthFileRows.pack(table, period, ofMonth)));
      });
      r.cells.forEach((k, cell) -> c.output(CELLS, KV.of(k, cell)));
      if (r.comparisonCellsNulled > 0) {
        c.output(CELLS_NULLED, KV.of(RunCounter.cellsSuppressed(OutputTable.NATIONAL_COMPARISON), r.comparisonCellsNulled));
      }
    }
  }
}
