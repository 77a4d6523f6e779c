package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
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
    while (w.done().size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of(Warmup.OPTIONS, Warmup.BYTE_BUDDY, Warmup.SNAPPY), w.done(),
        "the steps before the arguments are checked");
    Thread.sleep(300);
    assertTrue(t.isAlive(), "waits for the arguments to be accepted");
    assertEquals(List.of(Warmup.OPTIONS, Warmup.BYTE_BUDDY, Warmup.SNAPPY), w.done(),
        "no DuckDB (it unpacks into /tmp) before then");
    w.accept();
    t.join(TimeUnit.SECONDS.toMillis(60));
    assertFalse(t.isAlive());
    assertEquals(List.of(Warmup.OPTIONS, Warmup.BYTE_BUDDY, Warmup.SNAPPY, Warmup.DUCKDB), w.done());
  }

  @Test
  void withoutAStartedWarmupAcceptingTheArgumentsDoesNothing() {
    Warmup.argumentsAccepted(); // in-process runs (the tests) start none: no thread, no failure
  }

  /** The invokers are generated for one DoFn of every class the graph's ParDos apply, Beam's own included. */
  @Test
  void theDoFnsOfAGraphAreOnePerClassInTheGraphsOrder() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply(Create.of("a", "b"));
    words.apply("First", ParDo.of(new Upper())).apply("Again", ParDo.of(new Upper()))
        .apply("Identity", ParDo.of(new Warmup.Identity()));
    List<Class<?>> classes = new ArrayList<>();
    Warmup.doFnsOf(p).forEach(fn -> classes.add(fn.getClass()));
    assertEquals(1, classes.stream().filter(c -> c == Upper.class).count(), classes.toString());
    assertTrue(classes.indexOf(Upper.class) < classes.indexOf(Warmup.Identity.class), classes.toString());
    assertEquals(classes.size(), new HashSet<>(classes).size(), "each class once: " + classes);
    assertTrue(classes.size() > 2, "Create's own DoFns are in the graph too: " + classes);
    assertNull(Warmup.generateInvokers(p, true), "no warm-up was started in this process");
  }

  static final class Upper extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String in, OutputReceiver<String> out) {
      out.output(in.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
