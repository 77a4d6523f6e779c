package se.glappet.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;
import se.glappet.model.MonthRange;
import se.glappet.model.RunCounter;

/**
 * Writes the run statistics that {@link RunStats} reads back, sorted, to one text file in the
 * staging folder: the counters under {@link #COUNTERS}, summed per counter; the other lines under
 * {@link #LINES} as they are; and the month range.
 *
 * <p>The run statistics are a few thousand small elements, so they reach the one writer as side
 * inputs instead of through a GroupByKey and a separate summing step: on Flink every grouping
 * and step boundary costs latency out of proportion to so little data (issue 13).
 */
public final class WriteRunStats extends PTransform<PCollectionTuple, PDone> {
  private static final long serialVersionUID = 1L;
  /** Counters; the same counter may come several times and is summed. */
  public static final TupleTag<KV<RunCounter, Long>> COUNTERS = new TupleTag<>() {};
  /** Lines written as they are (files, non-response, data months). */
  public static final TupleTag<String> LINES = new TupleTag<>() {};

  private final String path;
  private final PCollectionView<MonthRange> range;

  public WriteRunStats(String path, PCollectionView<MonthRange> range) {
    this.path = path;
    this.range = range;
  }

  @Override
  public PDone expand(PCollectionTuple stats) {
    PCollectionView<Iterable<KV<RunCounter, Long>>> counters = stats.get(COUNTERS)
        .apply("CountersAsSideInput", View.asIterable());
    PCollectionView<Iterable<String>> lines = stats.get(LINES).apply("LinesAsSideInput", View.asIterable());
    PCollectionView<MonthRange> monthRange = range;
    stats.getPipeline()
        .apply("StatsFile", Create.of(path).withCoder(StringUtf8Coder.of()))
        .apply("Write", ParDo.of(new DoFn<String, Void>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element String target, ProcessContext c) throws Exception {
            Map<RunCounter, Long> sums = new LinkedHashMap<>();
            for (KV<RunCounter, Long> counted : c.sideInput(counters)) {
              sums.merge(counted.getKey(), counted.getValue(), Long::sum);
            }
            List<String> all = new ArrayList<>();
            sums.forEach((counter, n) -> all.add(RunStats.counterLine(KV.of(counter, n))));
            c.sideInput(lines).forEach(all::add);
            all.add(RunStats.rangeLine(c.sideInput(monthRange)));
            Collections.sort(all);
            Path p = Paths.get(target);
            OutputFolder.requireFolderOf(p);
            Files.write(p, all, StandardCharsets.UTF_8);
          }
        }).withSideInputs(counters, lines, monthRange));
    return PDone.in(stats.getPipeline());
  }
}
