package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;

/**
 * The embedded Flink's configuration as Flink itself reads it from the folder the batch hands it
 * (a misspelt key would be ignored without a word): 512 MB managed memory, 32 MB of network
 * buffers per parallel subtask (64 MB at 2), and 64 buffers reserved per sort-shuffle partition
 * instead of 512, so the graph's blocking partitions cannot take the whole pool (see
 * {@link Runners#embeddedFlinkConfig}).
 */
class EmbeddedFlinkConfigTest {
  private static Configuration tuned(String... args) {
    PipelineOptions o = PipelineOptionsFactory.fromArgs(args).create();
    Runners.tune(o);
    String dir = o.as(FlinkPipelineOptions.class).getFlinkConfDir();
    assertTrue(Paths.get(dir).resolve("config.yaml").toFile().isFile(), dir);
    return GlobalConfiguration.loadConfiguration(dir);
  }

  @Test
  void flinkReadsTheMemoryAndBufferSettings() {
    Configuration c = tuned("--runner=FlinkRunner", "--parallelism=2");
    assertEquals(MemorySize.parse("512m"), c.get(TaskManagerOptions.MANAGED_MEMORY_SIZE));
    assertEquals(MemorySize.parse("64m"), c.get(TaskManagerOptions.NETWORK_MEMORY_MIN));
    assertEquals(MemorySize.parse("64m"), c.get(TaskManagerOptions.NETWORK_MEMORY_MAX));
    assertEquals(64, c.get(NettyShuffleEnvironmentOptions.NETWORK_SORT_SHUFFLE_MIN_BUFFERS));
    // The payments' reading: two subtasks with two blocking outputs each took the whole pool at
    // 512 buffers a partition; at 64 they take an eighth.
    long buffers = c.get(TaskManagerOptions.NETWORK_MEMORY_MAX).getBytes()
        / c.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytes();
    assertEquals(2048, buffers);
    assertEquals(2 * 2 * 512, buffers);
    assertEquals(buffers / 8, 2 * 2 * c.get(NettyShuffleEnvironmentOptions.NETWORK_SORT_SHUFFLE_MIN_BUFFERS));
  }

  /**
   * The pool grows with the parallelism, as the number of blocking partitions does: a national
   * year at parallelism 4 failed with 64 MB ("Insufficient number of network buffers") and ran with
   * 128 MB; at 8 it ran with 256 MB.
   */
  @Test
  void theNetworkPoolGrowsWithTheParallelism() {
    for (int p : new int[] {1, 2, 3, 4, 8}) {
      Configuration c = tuned("--runner=FlinkRunner", "--parallelism=" + p);
      MemorySize expected = MemorySize.parse((32 * Math.max(2, p)) + "m");
      assertEquals(expected, c.get(TaskManagerOptions.NETWORK_MEMORY_MIN), "parallelism " + p);
      assertEquals(expected, c.get(TaskManagerOptions.NETWORK_MEMORY_MAX), "parallelism " + p);
      assertEquals(MemorySize.parse("512m"), c.get(TaskManagerOptions.MANAGED_MEMORY_SIZE));
    }
    // Without --parallelism the embedded Flink runs one subtask per core, and the pool follows.
    int cores = Runtime.getRuntime().availableProcessors();
    Configuration c = tuned("--runner=FlinkRunner");
    assertEquals(MemorySize.parse((32 * Math.max(2, cores)) + "m"), c.get(TaskManagerOptions.NETWORK_MEMORY_MAX));
  }
}
