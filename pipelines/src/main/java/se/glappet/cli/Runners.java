package se.glappet.cli;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Production settings per runner.
 *
 * <p>On the DirectRunner, production runs turn off its immutability and encodability checks: they
 * copy and re-encode every element at every step, which makes a run several times slower and adds
 * nothing once the tests have run with them. The tests keep both checks on: the root pom's surefire
 * configuration sets the system property {@value #DIRECT_RUNNER_CHECKS}{@code =true}, so every test
 * that goes through the CLI still catches a mutated input or an element its coder cannot round-trip.
 */
final class Runners {
  private Runners() {}

  /** System property that keeps the DirectRunner's immutability and encodability checks on. */
  static final String DIRECT_RUNNER_CHECKS = "glappet.directRunnerChecks";

  static void tune(PipelineOptions options) {
    int cores = Runtime.getRuntime().availableProcessors();
    String runner = options.getRunner().getSimpleName();
    if (runner.equals("DirectRunner")) {
      DirectOptions d = options.as(DirectOptions.class);
      boolean checks = Boolean.getBoolean(DIRECT_RUNNER_CHECKS);
      d.setEnforceImmutability(checks);
      d.setEnforceEncodability(checks);
      d.setTargetParallelism(Math.max(cores, 2));
    } else if (runner.equals("FlinkRunner")) {
      FlinkPipelineOptions f = options.as(FlinkPipelineOptions.class);
      if (f.getParallelism() == null || f.getParallelism() <= 0) {
        f.setParallelism(cores);
      }
      f.setObjectReuse(true);
      f.setFasterCopy(true);
      String master = f.getFlinkMaster();
      boolean embedded = master == null || master.equals("[auto]") || master.equals("[local]");
      if (embedded && f.getFlinkConfDir() == null) {
        f.setFlinkConfDir(embeddedFlinkConfig().toString());
      }
    }
  }

  /**
   * Managed memory of the embedded Flink. Its default (128 MB) made the duplicate check's sort
   * spill to disk and held the first reading back: 512 MB took a national year from 42 s to 36 s
   * (2 cores). The sort's memory is allocated off the Java heap, so the launcher's -Xmx1536m plus
   * this stays under 2 GiB of peak memory.
   */
  static final String EMBEDDED_FLINK_CONFIG = "taskmanager.memory.managed.size: 512m\n";

  static java.nio.file.Path embeddedFlinkConfig() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("glappet-flink-conf");
      dir.toFile().deleteOnExit(); // deleted in reverse order: the file first, then its folder
      java.nio.file.Path file = dir.resolve("config.yaml");
      java.nio.file.Files.writeString(file, EMBEDDED_FLINK_CONFIG);
      file.toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the embedded Flink's configuration", e);
    }
  }
}
