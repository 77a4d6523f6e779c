package se.glappet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
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
      f.setObjectReuse(true);
      f.setFasterCopy(true);
      String master = f.getFlinkMaster();
      if (usesEmbeddedFlink(options)) {
        if (f.getParallelism() == null || f.getParallelism() <= 0) {
          f.setParallelism(cores);
        }
        if (f.getFlinkConfDir() == null) {
          f.setFlinkConfDir(writeFlinkConfig("glappet-flink-conf", embeddedFlinkConfig(f.getParallelism())).toString());
        }
      } else {
        tuneForCluster(f, master);
      }
    }
  }

  /** True when the graph runs in this process: on the DirectRunner, or on a Flink in this process. */
  static boolean runsInThisProcess(PipelineOptions options) {
    return options.getRunner().getSimpleName().equals("DirectRunner") || usesEmbeddedFlink(options);
  }

  /**
   * True when the run uses the FlinkRunner with a Flink in this process: no {@code --flinkMaster},
   * or one of Beam's special values ({@code [auto]}, its default, {@code [local]}, {@code [collection]}).
   */
  static boolean usesEmbeddedFlink(PipelineOptions options) {
    if (!options.getRunner().getSimpleName().equals("FlinkRunner")) {
      return false;
    }
    String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
    return master == null || master.startsWith("[");
  }

  /**
   * A Flink cluster: the job jar instead of the classpath, parallelism = the cluster's free slots,
   * and the job shaped to run with a stock TaskManager's 128 MB of network memory (see
   * {@link #CLUSTER_JOB_CONFIG}).
   */
  static void tuneForCluster(FlinkPipelineOptions f, String master) {
    if (f.getFilesToStage() == null) {
      f.setFilesToStage(List.of(jobJar().toString()));
    }
    if (f.getParallelism() == null || f.getParallelism() <= 0) {
      int slots = freeSlots(master);
      if (slots > 0) {
        f.setParallelism(slots);
      }
    }
    f.setUseDataStreamForBatch(true);
    if (f.getFlinkConfDir() == null) {
      f.setFlinkConfDir(writeFlinkConfig("glappet-flink-job-conf", CLUSTER_JOB_CONFIG).toString());
    }
  }

  /**
   * Job-level settings for a cluster, read where the job graph is made (in this process), so the
   * cluster's own configuration stays stock. Measured on a stock TaskManager (1728m, 2 slots, 4 096
   * network buffers of 32 KB), the sample at parallelism 2: as a DataSet job (Beam's default for
   * batch) the graph had 85 vertices, and the optimizer made every branch a blocking exchange: 100
   * blocking partitions, each a sort-shuffle partition that holds 512 buffers
   * ({@code taskmanager.network.sort-shuffle.min-buffers}) while its producer runs. Five steps had
   * five to seven blocking outputs each (the sums split into six: 6 x 2 x 512 = 6 144 buffers), more
   * than the TaskManager has, so it failed in every execution mode. As a DataStream job in batch
   * mode with pipelined exchanges the graph has 46 vertices, no blocking partition, and all of it
   * runs at once in the slots; a pipelined partition needs subpartitions + 1 buffers.
   * {@code jobmanager.scheduler: Default} keeps the graph's parallelism fixed (the adaptive batch
   * scheduler accepts only blocking or hybrid exchanges).
   */
  static final String CLUSTER_JOB_CONFIG = "execution.batch-shuffle-mode: ALL_EXCHANGES_PIPELINED\n"
      + "jobmanager.scheduler: Default\n";

  /** The cluster's free task slots from its REST API ({@code GET /overview}); 0 if it cannot say. */
  static int freeSlots(String master) {
    try {
      String base = master.contains("://") ? master : "http://" + master;
      java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
          .connectTimeout(java.time.Duration.ofSeconds(10)).build();
      java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(base + "/overview")).timeout(java.time.Duration.ofSeconds(10)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      com.fasterxml.jackson.databind.JsonNode o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      int free = o.path("slots-available").asInt(0);
      return free > 0 ? free : o.path("slots-total").asInt(0);
    } catch (Exception e) {
      return 0; // Beam then leaves the parallelism to the cluster's parallelism.default
    }
  }

  /** The system property naming the job jar; the launcher sets it. */
  static final String JOB_JAR_PROPERTY = "glappet.jobJar";

  /**
   * The one self-contained jar a Flink cluster receives ({@code pipelines/target/glappet-job.jar},
   * built by {@code mvn -Pcluster package}): without it Beam would stage every jar of the classpath one by
   * one. Found from {@code -Dglappet.jobJar}, else next to this class's jar or classes folder.
   */
  static Path jobJar() {
    String named = System.getProperty(JOB_JAR_PROPERTY);
    Path jar = named != null ? Paths.get(named) : besideTheseClasses();
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("the job jar for a Flink cluster is missing"
          + (jar == null ? "" : " (" + jar + ")") + "; build it with 'mvn -DskipTests -Pcluster package' "
          + "(the launcher ./glappet does this itself)");
    }
    return jar.toAbsolutePath();
  }

  private static Path besideTheseClasses() {
    try {
      Path here = Paths.get(Runners.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/classes/ or target/glappet-pipelines-VERSION.jar: the job jar is in target/.
      return here.getParent() == null ? null : here.getParent().resolve(JOB_JAR_NAME);
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  static final String JOB_JAR_NAME = "glappet-job.jar";

  /**
   * Managed memory of the embedded Flink. Its default (128 MB) made the duplicate check's sort
   * spill to disk and held the first reading back: 512 MB took a national year from 42 s to 36 s
   * (2 cores). The sort's memory is allocated off the Java heap, so the launcher's -Xmx1536m plus
   * this stays under 2 GiB of peak memory.
   *
   * <p>Network buffers: 32 MB (1 024 buffers of 32 KB) per parallel subtask, 64 MB at the
   * parallelism of 2 (Flink's own default for local execution, written out here). Each blocking
   * (sort-shuffle) partition reserves {@code taskmanager.network.sort-shuffle.min-buffers} of them
   * before its task starts, 512 by default. At parallelism 2 the payments' reading alone had
   * blocking outputs worth 2 048. One run of a national year in about twenty hung for 13 minutes at
   * 6 % CPU: the duplicate rule's grouping waited for 512 buffers for its own output before reading
   * its input, while the reading waited for that grouping to read (thread dump: both in {@code
   * LocalBufferPool.requestMemorySegmentBlocking}). With 64 per partition the graph's blocking
   * partitions need a fraction of the pool; the sort then writes smaller regions, which costs
   * nothing measurable here (bench/README.md, "Network buffers"). The pool grows with the
   * parallelism because the number of partitions does: with 64 MB at parallelism 4 (a 4-core
   * machine's default) a national year failed with "Insufficient number of network buffers:
   * required 64, but only 41 available"; with 128 MB at 4 and 256 MB at 8 it ran, with the same
   * values.
   */
  static String embeddedFlinkConfig(int parallelism) {
    long networkMb = NETWORK_MB_PER_SUBTASK * Math.max(2, parallelism);
    return "taskmanager.memory.managed.size: 512m\n"
        + "taskmanager.memory.network.min: " + networkMb + "m\n"
        + "taskmanager.memory.network.max: " + networkMb + "m\n"
        + "taskmanager.network.sort-shuffle.min-buffers: 64\n";
  }

  /** Network memory of the embedded Flink per parallel subtask ({@link #embeddedFlinkConfig}). */
  static final long NETWORK_MB_PER_SUBTASK = 32;

  static java.nio.file.Path writeFlinkConfig(String prefix, String config) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(prefix);
      dir.toFile().deleteOnExit(); // deleted in reverse order: the file first, then its folder
      java.nio.file.Path file = dir.resolve("config.yaml");
      java.nio.file.Files.writeString(file, config);
      file.toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write a Flink configuration file", e);
    }
  }
}
