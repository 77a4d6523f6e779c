package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Runners} sets for a remote {@code --flinkMaster}, against a stand-in REST API. */
class RunnersClusterTest {
  @TempDir Path tmp;

  @AfterEach
  void clearJobJar() {
    System.clearProperty(Runners.JOB_JAR_PROPERTY);
  }

  static HttpServer overview(String json) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/overview", x -> {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    return server;
  }

  @Test
  void aClusterGetsTheJobJarItsFreeSlotsAndThePipelinedDataStreamJob() throws Exception {
    Path jar = Files.writeString(tmp.resolve("glappet-job.jar"), "stand-in");
    System.setProperty(Runners.JOB_JAR_PROPERTY, jar.toString());
    HttpServer server = overview("{\"taskmanagers\":2,\"slots-total\":6,\"slots-available\":4}");
    try {
      FlinkPipelineOptions f = PipelineOptionsFactory.fromArgs("--runner=FlinkRunner",
          "--flinkMaster=localhost:" + server.getAddress().getPort()).as(FlinkPipelineOptions.class);
      Runners.tune(f);
      assertEquals(List.of(jar.toAbsolutePath().toString()), f.getFilesToStage());
      assertEquals(4, f.getParallelism()); // the free slots, not this machine's cores
      assertTrue(f.getUseDataStreamForBatch());
      String conf = Files.readString(Path.of(f.getFlinkConfDir()).resolve("config.yaml"));
      assertTrue(conf.contains("execution.batch-shuffle-mode: ALL_EXCHANGES_PIPELINED"), conf);
      assertTrue(conf.contains("jobmanager.scheduler: Default"), conf);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anExplicitParallelismIsKeptAndAMissingJobJarIsNamed() throws Exception {
    System.setProperty(Runners.JOB_JAR_PROPERTY, tmp.resolve("missing.jar").toString());
    FlinkPipelineOptions f = PipelineOptionsFactory.fromArgs("--runner=FlinkRunner",
        "--flinkMaster=localhost:1", "--parallelism=3").as(FlinkPipelineOptions.class);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Runners.tune(f));
    assertTrue(e.getMessage().contains("missing.jar") && e.getMessage().contains("mvn -DskipTests -Pcluster package"),
        e.getMessage());

    Path jar = Files.writeString(tmp.resolve("glappet-job.jar"), "stand-in");
    System.setProperty(Runners.JOB_JAR_PROPERTY, jar.toString());
    Runners.tune(f);
    assertEquals(3, f.getParallelism());
  }

  @Test
  void theEmbeddedEngineKeepsItsOwnSettings() {
    FlinkPipelineOptions f = PipelineOptionsFactory.fromArgs("--runner=FlinkRunner")
        .as(FlinkPipelineOptions.class);
    Runners.tune(f);
    assertEquals(Runtime.getRuntime().availableProcessors(), f.getParallelism());
    assertEquals(false, f.getUseDataStreamForBatch());
    assertEquals(null, f.getFilesToStage());
  }
}
