package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void onlyABatchRunWarmsUpAndTheVariableTurnsItOff() {
    assertTrue(Warmup.wanted(new String[] {"batch", "--input", "in", "--output", "out"}, null));
    assertTrue(Warmup.wanted(new String[] {"batch", "--input", "in", "--output", "out"}, "1"));
    assertFalse(Warmup.wanted(new String[] {"batch", "--input", "in", "--output", "out"}, "0"));
    assertFalse(Warmup.wanted(new String[] {"batch", "--help"}, null));
    assertFalse(Warmup.wanted(new String[] {"generate", "--output", "out"}, null));
    assertFalse(Warmup.wanted(new String[] {"dashboard", "--output", "out"}, null));
    assertFalse(Warmup.wanted(new String[0], null));
  }

  @Test
  void everyStepCompletesAndDuckDbWaitsUntilTheArgumentsAreAccepted() throws Exception {
    Warmup w = new Warmup();
    Thread t = new Thread(w::run, "warmup-under-test");
    t.setDaemon(true);
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (w.done().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of(Warmup.BYTE_BUDDY, Warmup.SNAPPY), w.done(), "the steps before the arguments are checked");
    Thread.sleep(300);
    assertTrue(t.isAlive(), "waits for the arguments to be accepted");
    assertEquals(List.of(Warmup.BYTE_BUDDY, Warmup.SNAPPY), w.done(), "no DuckDB (it unpacks into /tmp) before then");
    w.accept();
    t.join(TimeUnit.SECONDS.toMillis(60));
    assertFalse(t.isAlive());
    assertEquals(List.of(Warmup.BYTE_BUDDY, Warmup.SNAPPY, Warmup.DUCKDB), w.done());
  }

  @Test
  void withoutAStartedWarmupAcceptingTheArgumentsDoesNothing() {
    Warmup.argumentsAccepted(); // in-process runs (the tests) start none: no thread, no failure
  }
}
