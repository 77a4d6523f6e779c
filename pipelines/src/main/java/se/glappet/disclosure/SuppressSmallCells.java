package se.glappet.disclosure;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import se.glappet.model.DisclosedRows;
import se.glappet.model.OutputTable;
import se.glappet.model.RunCounter;

/**
 * Applies {@link SmallCells} to one output table. Yields the published rows and, under
 * {@link #CELLS}, the number of cells it nulled as {@link RunCounter#cellsSuppressed} counts.
 */
public final class SuppressSmallCells extends PTransform<PCollection<Row>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  public static final TupleTag<Row> ROWS = DisclosedRows.ROWS;
  public static final TupleTag<KV<RunCounter, Long>> CELLS = DisclosedRows.CELLS;

  private final OutputTable table;

  public SuppressSmallCells(OutputTable table) {
    this.table = table;
  }

  @Override
  public PCollectionTuple expand(PCollection<Row> rows) {
    OutputTable t = table;
    PCollectionTuple out;
    if (t.disclosure.mode == OutputTable.Disclosure.Mode.IN_STEP) {
      throw new IllegalArgumentException(t.datasetName + " is suppressed inside the step that computes it");
    }
    if (t.disclosure.mode == OutputTable.Disclosure.Mode.WITH_SECONDARY) {
      Schema groupSchema = t.groupSchema();
      out = rows
          .apply("KeyByMunicipalityMonth", WithKeys.of((Row r) -> t.groupOf(r, groupSchema))
              .withKeyType(TypeDescriptor.of(Row.class)))
          .setCoder(KvCoder.of(RowCoder.of(groupSchema), RowCoder.of(t.beamSchema())))
          .apply("GroupReasons", GroupByKey.create())
          .apply("PrimaryAndSecondary", ParDo.of(new DoFn<KV<Row, Iterable<Row>>, Row>() {
            private static final long serialVersionUID = 1L;

            @ProcessElement
            public void process(@Element KV<Row, Iterable<Row>> group, MultiOutputReceiver o) {
              List<Row> list = new ArrayList<>();
              group.getValue().forEach(list::add);
              for (SmallCells.Result r : SmallCells.byReason(t, list)) {
                emit(t, r, o);
              }
            }
          }).withOutputTags(ROWS, TupleTagList.of(CELLS)));
    } else {
      out = rows.apply("Primary", ParDo.of(new DoFn<Row, Row>() {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void process(@Element Row row, MultiOutputReceiver o) {
          emit(t, SmallCells.primary(t, row), o);
        }
      }).withOutputTags(ROWS, TupleTagList.of(CELLS)));
    }
    out.get(ROWS).setRowSchema(t.beamSchema());
    out.get(CELLS).setCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of()));
    return out;
  }

  static void emit(OutputTable t, SmallCells.Result r, DoFn.MultiOutputReceiver o) {
    o.get(ROWS).output(r.row);
    if (r.cellsNulled > 0) {
      o.get(CELLS).output(KV.of(RunCounter.cellsSuppressed(t), r.cellsNulled));
    }
  }
}
