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
 * (a misspelt key would be ignored without a word): 512 MB managed memory, 64 MB of network
 * buffers, and 64 buffers reserved per sort-shuffle partition instead of 512, so the graph's
 * blocking partitions cannot take the whole pool (see {@link Runners#EMBEDDED_FLINK_CONFIG}).
 */
class EmbeddedFlinkConfigTest {
  @Test
  void flinkReadsTheMemoryAndBufferSettings() {
    PipelineOptions o = PipelineOptionsFactory.fromArgs("--runner=FlinkRunner").create();
    Runners.tune(o);
    String dir = o.as(FlinkPipelineOptions.class).getFlinkConfDir();
    assertTrue(Paths.get(dir).resolve("config.yaml").toFile().isFile(), dir);
    Configuration c = GlobalConfiguration.loadConfiguration(dir);
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
}
