package se.glappet.cli;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/** Production settings per runner (tests keep the runners' defaults, checks included). */
final class Runners {
  private Runners() {}

  static void tune(PipelineOptions options) {
    int cores = Runtime.getRuntime().availableProcessors();
    String runner = options.getRunner().getSimpleName();
    if (runner.equals("DirectRunner")) {
      DirectOptions d = options.as(DirectOptions.class);
      d.setEnforceImmutability(false);
      d.setEnforceEncodability(false);
      d.setTargetParallelism(Math.max(cores, 2));
    } else if (runner.equals("FlinkRunner")) {
      FlinkPipelineOptions f = options.as(FlinkPipelineOptions.class);
      if (f.getParallelism() == null || f.getParallelism() <= 0) {
        f.setParallelism(cores);
      }
      f.setObjectReuse(true);
      f.setFasterCopy(true);
    }
  }
}
