package se.glappet.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.cli.Glappet;
import se.glappet.publish.OutputFolder;
import se.glappet.testing.Fixtures;

/**
 * The batch on a real Flink 1.19 session cluster with Flink's stock configuration (a JobManager
 * and one TaskManager of 1728m with two slots, each in its own process, see {@link SessionCluster}),
 * submitted through the CLI with only {@code --flinkMaster}, from the job jar that
 * {@code mvn -Pcluster package} builds (so this runs in {@code mvn -Pcluster verify}, after the package phase).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionClusterIT {
  @TempDir static Path tmp;
  static SessionCluster cluster;
  static Path in;
  static Path onCluster;

  @BeforeAll
  static void startCluster() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target", "glappet-job.jar")),
        "target/glappet-job.jar is built by 'mvn -Pcluster package'; run this test with 'mvn -Pcluster verify'");
    // The cluster's configuration and logs stay in target/ for a look after a failure.
    Path dir = Path.of("target", "session-cluster-it").toAbsolutePath();
    deleteTree(dir);
    cluster = SessionCluster.start(dir, SessionCluster.flinkClasspath());
    in = Fixtures.write(tmp.resolve("in"), 5, true);
    onCluster = tmp.resolve("on-cluster");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static int batch(Path input, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("batch", "--input", input.toString(), "--output", out.toString(),
        "--max-reject-rate", "0.2", "--runner", "FlinkRunner", "--quiet"));
    args.addAll(List.of(more));
    return Glappet.run(args.toArray(new String[0]));
  }

  @Test
  @Order(1)
  void theClusterPublishesWhatTheEmbeddedEnginePublishes() throws Exception {
    Path embedded = tmp.resolve("embedded");
    assertEquals(0, batch(in, embedded, "--parallelism=2"));
    assertEquals(0, batch(in, onCluster, "--flinkMaster=" + cluster.master()),
        () -> cluster.logTail("taskmanager", 40));

    JsonNode jobs = cluster.get("/jobs/overview").path("jobs");
    assertEquals(1, jobs.size(), jobs.toString());
    assertEquals("FINISHED", jobs.get(0).path("state").asText(), jobs.toString());
    // It ran as the job shaped for a cluster, in both slots: pipelined exchanges, no blocking ones.
    JsonNode plan = cluster.get("/jobs/" + jobs.get(0).path("jid").asText() + "/plan").path("plan");
    for (JsonNode node : plan.path("nodes")) {
      assertEquals(2, node.path("parallelism").asInt(), node.path("description").asText());
      for (JsonNode input : node.path("inputs")) {
        assertEquals("pipelined_bounded", input.path("exchange").asText(), node.path("description").asText());
      }
    }

    Map<String, List<Map<String, Object>>> values = PublishedValues.of(onCluster);
    assertEquals(15, values.size(), values.keySet().toString()); // five datasets x three months
    assertFalse(values.get("gap_monthly/2011-01.parquet").isEmpty());
    assertEquals(List.of(), PublishedValues.differences(embedded, onCluster));
    // The RIM export's CSV too (its README names the run).
    for (String rel : files(embedded).keySet()) {
      if (rel.startsWith("export") && rel.endsWith(".csv")) {
        assertEquals(Files.readString(embedded.resolve(rel)), Files.readString(onCluster.resolve(rel)), rel);
      }
    }
  }

  @Test
  @Order(2)
  void aTaskManagerKilledMidRunFailsTheBatchAndPublishesNothing() throws Exception {
    Map<String, String> before = files(onCluster);
    assertFalse(before.isEmpty());
    // A bigger input, so that a finished run would have changed every month file.
    Path bigger = Fixtures.write(tmp.resolve("bigger"), 200, true);
    int jobsBefore = cluster.get("/jobs/overview").path("jobs").size();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
        () -> batch(bigger, onCluster, "--flinkMaster=" + cluster.master()));

    String state = awaitRunningTasks(jobsBefore, 180);
    assertEquals("RUNNING", state, "the second job's tasks should be running when the TaskManager is killed");
    cluster.killTaskManager();
    assertFalse(cluster.taskManagerAlive());

    int exit;
    try {
      exit = run.get(300, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the batch did not end within 300 s of the kill; jobs: "
          + cluster.get("/jobs/overview") + "\n" + cluster.logTail("jobmanager", 30), e);
    }
    assertNotEquals(0, exit);
    assertEquals(before, files(onCluster), "the first run's files are untouched");
    try (Stream<Path> s = Files.list(onCluster)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".staging-") || n.equals(".glappet.lock")).collect(Collectors.toList()),
          "no staging or lock left behind");
    }
    JsonNode last = cluster.get("/jobs/overview").path("jobs");
    assertTrue(last.toString().contains("FAILED"), last.toString());
  }

  /**
   * Waits until a job beyond the first {@code known} has tasks running (killed earlier, while it
   * only waits for slots, the job fails only at the slot request timeout, five minutes); its state.
   */
  static String awaitRunningTasks(int known, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      JsonNode jobs = cluster.get("/jobs/overview").path("jobs");
      if (jobs.size() > known) {
        for (JsonNode j : jobs) {
          String s = j.path("state").asText();
          if (s.equals("RUNNING") && j.path("tasks").path("running").asInt() > 0) {
            return s;
          }
          if (!s.equals("FINISHED") && !s.equals("RUNNING") && !s.equals("INITIALIZING") && !s.equals("CREATED")) {
            return s;
          }
        }
      }
      Thread.sleep(50);
    }
    return "none within " + seconds + " s";
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
    }
  }

  /** Every file outside quality/: its SHA-256 and modification time. */
  static Map<String, String> files(Path out) throws Exception {
    return se.glappet.testing.Fixtures.snapshot(out);
  }
}
