package se.glappet.publish;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import se.glappet.ingest.RejectedRow;

/** Writes every rejected row, sorted, to one Parquet file in the staging folder. */
public final class WriteRejects extends PTransform<PCollection<RejectedRow>, PDone> {
  private static final long serialVersionUID = 1L;
  private final String path;

  public WriteRejects(String path) {
    this.path = path;
  }

  @Override
  public PDone expand(PCollection<RejectedRow> rows) {
    String target = path;
    rows.apply("OneGroup", WithKeys.of(""))
        .apply("Gather", GroupByKey.create())
        .apply("WriteParquet", ParDo.of(new DoFn<KV<String, Iterable<RejectedRow>>, Void>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element KV<String, Iterable<RejectedRow>> all) throws Exception {
            List<RejectedRow> list = new ArrayList<>();
            all.getValue().forEach(list::add);
            OutputFolder.requireFolderOf(Paths.get(target));
            RejectsFile.write(Paths.get(target), list);
          }
        }));
    return PDone.in(rows.getPipeline());
  }
}
