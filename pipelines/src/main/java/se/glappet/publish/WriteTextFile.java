package se.glappet.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/** Writes a small collection of lines, sorted, to one text file (run statistics for the driver). */
public final class WriteTextFile extends PTransform<PCollection<String>, PDone> {
  private static final long serialVersionUID = 1L;
  private final String path;

  public WriteTextFile(String path) {
    this.path = path;
  }

  @Override
  public PDone expand(PCollection<String> lines) {
    String target = path;
    lines
        .apply("OneGroup", WithKeys.of(""))
        .apply("Gather", GroupByKey.create())
        .apply("Write", ParDo.of(new DoFn<KV<String, Iterable<String>>, Void>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element KV<String, Iterable<String>> all) throws Exception {
            List<String> list = new ArrayList<>();
            all.getValue().forEach(list::add);
            Collections.sort(list);
            Path p = Paths.get(target);
            OutputFolder.requireFolderOf(p);
            Files.write(p, list, StandardCharsets.UTF_8);
          }
        }));
    return PDone.in(lines.getPipeline());
  }
}
