package se.glappet.figures;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import se.glappet.model.DisclosedRows;
import se.glappet.model.OutputTable;
import se.glappet.model.RunCounter;
import se.glappet.records.PopulationRow;
import se.glappet.reference.Municipalities;

/**
 * Contract section 4.5: joins each month's exact gap cells and income-support totals, adds the
 * population, and computes {@link NationalComparison} per month. Disclosure control happens inside
 * (areas aggregate only published members); yields rows under {@link DisclosedRows#ROWS} and
 * nulled-cell counts under {@link DisclosedRows#CELLS}.
 */
public final class ComputeNationalComparison extends PTransform<PCollectionTuple, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  public static final TupleTag<KV<CellKey, GapCell>> GAP_CELLS = new TupleTag<>() {};
  public static final TupleTag<KV<CellKey, IncomeSupportTotals>> INCOME_TOTALS = new TupleTag<>() {};
  public static final TupleTag<PopulationRow> POPULATION = new TupleTag<>() {};

  private final Municipalities reference;

  public ComputeNationalComparison(Municipalities reference) {
    this.reference = reference;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple in) {
    Municipalities ref = reference;
    PCollectionView<List<PopulationRow>> population = in.get(POPULATION).apply("PopulationAsList", View.asList());
    TupleTag<KV<String, GapCell>> gapTag = new TupleTag<>() {};
    TupleTag<KV<String, IncomeSupportTotals>> incomeTag = new TupleTag<>() {};
    PCollection<KV<String, KV<String, GapCell>>> gapByPeriod = in.get(GAP_CELLS)
        .apply("GapByPeriod", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(GapCell.class))))
            .via(kv -> KV.of(kv.getKey().period.toString(), KV.of(kv.getKey().municipality, kv.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), GapCell.CellCoder.of())));
    PCollection<KV<String, KV<String, IncomeSupportTotals>>> incomeByPeriod = in.get(INCOME_TOTALS)
        .apply("IncomeByPeriod", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(IncomeSupportTotals.class))))
            .via(kv -> KV.of(kv.getKey().period.toString(), KV.of(kv.getKey().municipality, kv.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(),
            KvCoder.of(StringUtf8Coder.of(), IncomeSupportTotals.TotalsCoder.of())));
    PCollectionTuple out = KeyedPCollectionTuple.of(gapTag, gapByPeriod).and(incomeTag, incomeByPeriod)
        .apply("JoinByPeriod", CoGroupByKey.create())
        .apply("CompareMunicipalities", ParDo.of(new DoFn<KV<String, CoGbkResult>, Row>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(ProcessContext c, MultiOutputReceiver o) {
            String period = c.element().getKey();
            int year = YearMonth.parse(period).getYear();
            PopulationLookup pop = new PopulationLookup(c.sideInput(population));
            Map<String, IncomeSupportTotals> income = new HashMap<>();
            for (KV<String, IncomeSupportTotals> kv : c.element().getValue().getAll(incomeTag)) {
              income.put(kv.getKey(), kv.getValue());
            }
            List<NationalComparison.Input> inputs = new java.util.ArrayList<>();
            for (KV<String, GapCell> kv : c.element().getValue().getAll(gapTag)) {
              inputs.add(new NationalComparison.Input(kv.getKey(), kv.getValue(), income.get(kv.getKey()),
                  pop.population(kv.getKey(), year)));
            }
            NationalComparison.Result r = NationalComparison.compute(period, inputs, ref);
            r.rows.forEach(o.get(DisclosedRows.ROWS)::output);
            if (r.cellsNulled > 0) {
              o.get(DisclosedRows.CELLS)
                  .output(KV.of(RunCounter.cellsSuppressed(OutputTable.NATIONAL_COMPARISON), r.cellsNulled));
            }
          }
        }).withSideInputs(population).withOutputTags(DisclosedRows.ROWS, TupleTagList.of(DisclosedRows.CELLS)));
    out.get(DisclosedRows.ROWS).setRowSchema(OutputTable.NATIONAL_COMPARISON.beamSchema());
    out.get(DisclosedRows.CELLS).setCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of()));
    return out;
  }
}
