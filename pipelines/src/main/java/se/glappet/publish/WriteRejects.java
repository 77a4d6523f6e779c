package se.glappet.publish;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import se.glappet.ingest.RejectedRow;
import se.glappet.model.RunCounter;

/**
 * Writes every rejected row, sorted, to one Parquet file in the staging folder, and yields the
 * rejected rows per dataset, file and reason as {@link RunCounter#rejected} counts (counted where
 * the rows are gathered anyway, so no per-row counter crosses a step boundary).
 */
public final class WriteRejects extends PTransform<PCollection<RejectedRow>, PCollection<KV<RunCounter, Long>>> {
  private static final long serialVersionUID = 1L;
  private final String path;

  public WriteRejects(String path) {
    this.path = path;
  }

  @Override
  public PCollection<KV<RunCounter, Long>> expand(PCollection<RejectedRow> rows) {
    String target = path;
    return rows.apply("OneGroup", WithKeys.of(""))
        .apply("Gather", GroupByKey.create())
        .apply("WriteParquet", ParDo.of(new DoFn<KV<String, Iterable<RejectedRow>>, KV<RunCounter, Long>>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element KV<String, Iterable<RejectedRow>> all,
              OutputReceiver<KV<RunCounter, Long>> out) throws Exception {
            List<RejectedRow> list = new ArrayList<>();
            Map<RunCounter, Long> counts = new LinkedHashMap<>();
            for (RejectedRow r : all.getValue()) {
              list.add(r);
              counts.merge(RunCounter.rejected(r.dataset, r.file, r.reason.name()), 1L, Long::sum);
            }
            OutputFolder.requireFolderOf(Paths.get(target));
            RejectsFile.write(Paths.get(target), list);
            counts.forEach((c, n) -> out.output(KV.of(c, n)));
          }
        }))
        .setCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of()));
  }
}
