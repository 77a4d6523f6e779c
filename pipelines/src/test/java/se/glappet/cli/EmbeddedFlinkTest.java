package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.api.java.LocalEnvironment;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.publish.ParquetFiles;
import se.glappet.testing.Duck;
import se.glappet.testing.Fixtures;

/**
 * The embedded Flink's cluster started ahead of the job ({@link EmbeddedFlink}): the job runs on
 * it and publishes the same values as without it, a failure reads the same, the cluster is shut
 * down after every run (published, failed in the job, failed before it), a failed start falls back
 * to a fresh cluster with one warning, and the switch turns it off.
 */
class EmbeddedFlinkTest {
  @TempDir Path tmp;

  @AfterEach
  void clearTheSwitch() {
    System.clearProperty(EmbeddedFlink.PROPERTY);
    System.clearProperty(ParquetFiles.FAULT_PROPERTY);
  }

  /** {exit code, stderr, the run's EmbeddedFlink or null}. */
  static Object[] batch(boolean prestart, String... args) {
    if (prestart) {
      System.clearProperty(EmbeddedFlink.PROPERTY);
    } else {
      System.setProperty(EmbeddedFlink.PROPERTY, "false");
    }
    AtomicReference<EmbeddedFlink> seen = new AtomicReference<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = BatchCommand.run(args, seen::set);
      return new Object[] {code, err.toString(StandardCharsets.UTF_8), seen.get()};
    } finally {
      System.setErr(old);
      System.clearProperty(EmbeddedFlink.PROPERTY);
    }
  }

  static String[] flinkBatch(Path in, Path out, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("--input", in.toString(), "--output", out.toString(),
        "--runner", "FlinkRunner", "--parallelism=2", "--max-reject-rate", "0.2", "--quiet"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  static void assertShutDown(EmbeddedFlink flink) throws Exception {
    MiniCluster cluster = flink.preStarted();
    assertNotNull(cluster, "the cluster started");
    assertFalse(cluster.isRunning(), "the pre-started cluster is shut down");
    assertTrue(ExecutionEnvironment.getExecutionEnvironment() instanceof LocalEnvironment,
        "the context environment is reset");
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("glappet-flink-prestart") && t.isAlive()), "the start thread ended");
  }

  @Test
  void theJobRunsOnThePreStartedClusterWithTheSameValues() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, true);
    Path with = tmp.resolve("with");
    Path without = tmp.resolve("without");
    Object[] a = batch(true, flinkBatch(in, with));
    assertEquals(0, a[0], (String) a[1]);
    EmbeddedFlink flink = (EmbeddedFlink) a[2];
    assertNotNull(flink, "a FlinkRunner run in this process pre-starts its cluster");
    assertEquals(EmbeddedFlink.Used.PRESTARTED, flink.used(), "the job ran on the pre-started cluster");
    assertShutDown(flink);

    Object[] b = batch(false, flinkBatch(in, without));
    assertEquals(0, b[0], (String) b[1]);
    assertNull(b[2], "the switch turns it off");

    List<Path> files;
    try (Stream<Path> s = Files.walk(with)) {
      files = s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("quality")
              && !p.toString().contains("revisions"))
          .map(with::relativize).sorted().collect(Collectors.toList());
    }
    assertEquals(15, files.size()); // five datasets × three months
    for (Path rel : files) {
      List<?> x = Duck.read(with.resolve(rel));
      assertEquals(x, Duck.read(without.resolve(rel)), rel.toString());
      if (rel.toString().startsWith("gap_monthly")) {
        assertFalse(x.isEmpty(), rel + " has rows");
      }
    }
    String rim = "export/rim_2010-12_2011-02.csv";
    assertEquals(Files.readString(without.resolve(rim)), Files.readString(with.resolve(rim)));
  }

  /** A failure inside the job (an injected full disk) reads as without the pre-start. */
  @Test
  void aFailureInTheJobReadsTheSameAndTheClusterIsShutDown() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    System.setProperty(ParquetFiles.FAULT_PROPERTY, "gap_by_reason");
    Object[] a = batch(true, flinkBatch(in, tmp.resolve("with")));
    Object[] b = batch(false, flinkBatch(in, tmp.resolve("without")));
    assertEquals(1, a[0], (String) a[1]);
    assertEquals(1, b[0], (String) b[1]);
    assertTrue(((String) a[1]).contains("No space left on device"), (String) a[1]);
    assertEquals(message((String) b[1], "without"), message((String) a[1], "with"));
    EmbeddedFlink flink = (EmbeddedFlink) a[2];
    assertEquals(EmbeddedFlink.Used.PRESTARTED, flink.used());
    assertShutDown(flink);
  }

  /** Glappet's lines on stderr (in this process the libraries' log lines are not silenced). */
  static List<String> glappetLines(String stderr) {
    return stderr.lines().filter(l -> l.startsWith("glappet")).collect(Collectors.toList());
  }

  /** Glappet's one line, up to the quality report's path, without the output folder's name and the month. */
  static String message(String stderr, String folder) {
    List<String> lines = glappetLines(stderr);
    assertEquals(1, lines.size(), stderr);
    String line = lines.get(0);
    // Which month's write fails first varies from run to run (two subtasks).
    return line.substring(0, line.indexOf(" Quality report: ")).replace(folder, "OUT")
        .replaceAll("[0-9]{4}-[0-9]{2}\\.parquet", "YYYY-MM.parquet");
  }

  /** An input error found before the job: the cluster started for nothing is shut down. */
  @Test
  void aRunThatFailsBeforeTheJobShutsTheClusterDown() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 1, false);
    Files.createSymbolicLink(in.resolve("income-support/dangling.csv"), Paths.get("/nonexistent/x"));
    Object[] a = batch(true, flinkBatch(in, tmp.resolve("out")));
    assertEquals(1, a[0], (String) a[1]);
    assertTrue(((String) a[1]).contains("dangling.csv is not a regular file"), (String) a[1]);
    EmbeddedFlink flink = (EmbeddedFlink) a[2];
    assertEquals(EmbeddedFlink.Used.NONE, flink.used(), "no job");
    assertShutDown(flink);
  }

  /**
   * A start that fails (its REST port is taken, and freed before the job) leaves the job to a fresh
   * cluster, with one warning line.
   */
  @Test
  void aFailedStartFallsBackToAFreshClusterWithOneWarning() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, true);
    try (ServerSocket taken = new ServerSocket(0)) {
      Path conf = Runners.writeFlinkConfig("glappet-test-conf",
          Runners.embeddedFlinkConfig(2) + "rest.bind-port: " + taken.getLocalPort() + "\n");
      AtomicReference<EmbeddedFlink> seen = new AtomicReference<>();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream old = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = BatchCommand.run(flinkBatch(in, tmp.resolve("out"), "--flinkConfDir=" + conf), flink -> {
          seen.set(flink);
          try {
            assertNull(flink.preStarted(), "the start failed: the port is taken");
            taken.close();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
      } finally {
        System.setErr(old);
      }
      String stderr = err.toString(StandardCharsets.UTF_8);
      assertEquals(0, code, stderr);
      assertEquals(EmbeddedFlink.Used.FRESH, seen.get().used());
      List<String> lines = glappetLines(stderr);
      assertEquals(1, lines.size(), stderr);
      assertTrue(lines.get(0).startsWith("glappet batch: warning: the embedded Flink started ahead of the job failed ("),
          stderr);
    }
    Path direct = tmp.resolve("direct");
    assertEquals(0, batch(false, "--input", in.toString(), "--output", direct.toString(), "--runner", "DirectRunner",
        "--max-reject-rate", "0.2", "--quiet")[0]);
    Path rel = Paths.get("gap_monthly/2011-01.parquet");
    assertEquals(Duck.read(direct.resolve(rel)), Duck.read(tmp.resolve("out").resolve(rel)));
  }

  @Test
  void onlyTheEmbeddedFlinkRunnerPreStartsAndTheSwitchTurnsItOff() throws Exception {
    assertTrue(EmbeddedFlink.enabled(null));
    assertTrue(EmbeddedFlink.enabled("1"));
    assertFalse(EmbeddedFlink.enabled("0"));
    System.setProperty(EmbeddedFlink.PROPERTY, "false");
    assertFalse(EmbeddedFlink.enabled(null));
    assertNull(EmbeddedFlink.prestart(options("--runner=FlinkRunner")));
    System.clearProperty(EmbeddedFlink.PROPERTY);

    assertNull(EmbeddedFlink.prestart(options("--runner=DirectRunner")));
    assertNull(EmbeddedFlink.prestart(options("--runner=FlinkRunner", "--flinkMaster=localhost:8081")));
    assertNull(EmbeddedFlink.prestart(options("--runner=FlinkRunner", "--flinkMaster=[local]")));
    assertNull(EmbeddedFlink.prestart(options("--runner=FlinkRunner", "--flinkMaster=[collection]")));
    assertNull(EmbeddedFlink.prestart(options("--runner=FlinkRunner", "--streaming=true")));

    // Started: Beam's [auto] gets the context environment until close(); a cluster of another
    // shape than the job's is not handed over.
    PipelineOptions o = options("--runner=FlinkRunner", "--parallelism=2");
    EmbeddedFlink flink = EmbeddedFlink.prestart(o);
    assertNotNull(flink);
    try {
      ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
      assertFalse(env instanceof LocalEnvironment, env.toString());
      MiniCluster pre = flink.preStarted();
      assertNotNull(pre);
      assertTrue(pre.isRunning());
      org.apache.flink.configuration.Configuration c = EmbeddedFlink.environmentConfiguration(
          o.as(org.apache.beam.runners.flink.FlinkPipelineOptions.class).getFlinkConfDir());
      MiniCluster three = flink.cluster(EmbeddedFlink.clusterConfiguration(c, 3));
      assertNotSame(pre, three);
      assertEquals(EmbeddedFlink.Used.FRESH, flink.used());
    } finally {
      flink.close();
    }
    assertShutDown(flink);
  }

  @Test
  void theSameShapeIsHandedOver() throws Exception {
    PipelineOptions o = options("--runner=FlinkRunner", "--parallelism=2");
    EmbeddedFlink handedOver;
    try (EmbeddedFlink flink = EmbeddedFlink.prestart(o)) {
      handedOver = flink;
      String dir = o.as(org.apache.beam.runners.flink.FlinkPipelineOptions.class).getFlinkConfDir();
      MiniCluster pre = flink.preStarted();
      assertSame(pre, flink.cluster(EmbeddedFlink.clusterConfiguration(EmbeddedFlink.environmentConfiguration(dir), 2)));
      assertEquals(EmbeddedFlink.Used.PRESTARTED, flink.used());
      pre.start(); // Flink's own call: the cluster is running already
      assertTrue(pre.isRunning());
    }
    assertShutDown(handedOver);
  }

  static PipelineOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).create();
  }
}
