package se.glappet.publish;

import se.glappet.model.RunCounter;
import se.glappet.model.OutputTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run counters: their coder, and the run statistics read back from their lines. */
class RunCounterTest {
  static final List<RunCounter> COUNTERS = List.of(
      RunCounter.rejected("income_support", "income_support/0127_2011-01.csv", "BAD_AMOUNT"),
      RunCounter.rowsWritten(OutputTable.GAP_MONTHLY, "2011-02"),
      RunCounter.cellsSuppressed(OutputTable.NATIONAL_COMPARISON),
      RunCounter.rejected("kis", "kis/Å ä ö.csv", "DUPLICATE_ROW"));

  @Test
  void theCoderRoundTripsAndIsDeterministic() throws Exception {
    RunCounter.RunCounterCoder coder = RunCounter.RunCounterCoder.of();
    for (RunCounter c : COUNTERS) {
      CoderProperties.coderDecodeEncodeEqual(coder, c);
      CoderProperties.coderDeterministic(coder, c, RunCounter.fromFields(c.kind.name(), c.dataset, c.where, c.reason));
      CoderProperties.coderConsistentWithEquals(coder, c, COUNTERS.get(0));
    }
    CoderProperties.coderSerializable(coder);
    assertNotEquals(COUNTERS.get(1), RunCounter.rowsWritten(OutputTable.GAP_MONTHLY, "2011-03"));
  }

  @Test
  void runStatsReadTheSummedCounterLines(@TempDir Path dir) throws Exception {
    KvCoder<RunCounter, Long> kv = KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of());
    CoderProperties.coderDecodeEncodeEqual(kv, KV.of(COUNTERS.get(0), 3L));
    Path f = dir.resolve("stats.tsv");
    Files.writeString(f, String.join("\n",
        "range\t2011-01\t2011-02",
        RunStats.counterLine(KV.of(COUNTERS.get(0), 3L)),
        RunStats.counterLine(KV.of(RunCounter.rejected("income_support", "income_support/0136_2011-01.csv",
            "BAD_AMOUNT"), 2L)),
        RunStats.counterLine(KV.of(COUNTERS.get(1), 17L)),
        RunStats.counterLine(KV.of(COUNTERS.get(2), 40L)),
        RunStats.counterLine(KV.of(COUNTERS.get(3), 1L))) + "\n");
    RunStats s = RunStats.read(f);
    assertEquals(Map.of("BAD_AMOUNT", 5L), s.rejectsByReason.get("income_support"));
    assertEquals(Map.of("DUPLICATE_ROW", 1L), s.rejectsByReason.get("kis"));
    assertEquals(5L, s.rejected("income_support"));
    assertEquals(0L, s.rejectedForGate("kis"));
    assertEquals(Map.of("gap_monthly/2011-02.parquet", 17L), s.rowsWritten);
    assertEquals(Map.of("national_comparison", 40L), s.suppressedCells);
  }
}
