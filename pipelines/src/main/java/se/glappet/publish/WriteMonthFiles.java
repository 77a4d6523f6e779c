package se.glappet.publish;

import se.glappet.model.RunCounter;
import se.glappet.model.OutputTable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes one table's rows as one Parquet file per month into the staging folder
 * ({@code <staging>/<dataset>/<YYYY-MM>.parquet}), rows sorted by key. Yields
 * a {@link RunCounter#rowsWritten} count per month file for the manifest.
 */
public final class WriteMonthFiles extends PTransform<PCollection<Row>, PCollection<KV<RunCounter, Long>>> {
  private static final long serialVersionUID = 1L;
  private final OutputTable table;
  private final String stagingDir;

  public WriteMonthFiles(OutputTable table, String stagingDir) {
    this.table = table;
    this.stagingDir = stagingDir;
  }

  /** Staged path of one month file. */
  public static Path monthFile(Path dir, OutputTable table, String period) {
    return dir.resolve(table.datasetName).resolve(period + ".parquet");
  }

  @Override
  public PCollection<KV<RunCounter, Long>> expand(PCollection<Row> rows) {
    OutputTable t = table;
    String dir = stagingDir;
    return rows
        .apply("KeyByPeriod", WithKeys.of((Row r) -> r.getString("period")).withKeyType(TypeDescriptors.strings()))
        .apply("GroupMonth", GroupByKey.create())
        .apply("WriteParquet", ParDo.of(new DoFn<KV<String, Iterable<Row>>, KV<RunCounter, Long>>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element KV<String, Iterable<Row>> month, OutputReceiver<KV<RunCounter, Long>> out)
              throws Exception {
            List<Row> list = new ArrayList<>();
            month.getValue().forEach(list::add);
            list.sort(t.keyOrder());
            long n = ParquetFiles.write(monthFile(Paths.get(dir), t, month.getKey()), t, list);
            out.output(KV.of(RunCounter.rowsWritten(t, month.getKey()), n));
          }
        }))
        .setCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of()));
  }
}
