package se.glappet.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.reflect.DoFnInvokers;

/**
 * Start-up work that {@code glappet batch} does later anyway, begun at once on a background thread
 * so that it overlaps with the main thread's single-threaded start (parsing the options, building
 * the graph). Measured (bench/README.md, "Fixed cost"): on a 2-row input the main thread is busy
 * alone for about a second before the runner starts, while the second core idles. Each step is one
 * the batch pays for on every run:
 *
 * <ol>
 *   <li>{@link #OPTIONS}: Beam's options registry ({@link BeamOptionsRegistry#initialise}), about
 *       half a second of interpreted reflection, while the main thread reads the arguments and
 *       checks the folders; the main thread's {@link BeamOptionsRegistry#forRunner} then waits for
 *       what is left of it and adds the runner's options;
 *   <li>{@link #BYTE_BUDDY}: Beam generates a class per DoFn with Byte Buddy when a runner first
 *       invokes it; Byte Buddy's own classes (about 850, compiled for Java 5, which the class-data
 *       archive of Java 17 cannot hold) are loaded and verified at that moment. Generating one
 *       invoker for a DoFn of this class loads them.
 *   <li>{@link #SNAPPY}: the Parquet files are Snappy-compressed; snappy-java unpacks and loads its
 *       native library on first use.
 *   <li>{@link #DUCKDB}: the dashboard reads the published files with DuckDB, whose JDBC driver
 *       unpacks a 57 MB native library into the temporary folder and loads it. Only after
 *       {@link #argumentsAccepted()}: a run that ends with a usage error does not start it.
 * </ol>
 *
 * <p>And once the graph is built ({@link #generateInvokers}), on a thread of its own while the
 * main thread hands the graph to the runner: the invoker class of every DoFn in the graph, which
 * the runner's workers would otherwise generate as each step first runs (Beam keeps them by DoFn
 * class, so the runner finds them made).
 *
 * <p>Nothing here writes outside the temporary folder or changes a result: every step is one the
 * batch would take later in the same way, and a step that fails here is left to fail (and be
 * reported) where the batch needs it. The thread is a daemon, so it never holds the process back.
 * Only the launcher's process starts it ({@link Glappet#main}); in-process callers such as the
 * tests do not. {@code GLAPPET_WARMUP=0} turns it off.
 */
final class Warmup {
  Warmup() {}

  static final String OPTIONS = "beam-options";
  static final String BYTE_BUDDY = "byte-buddy";
  static final String INVOKERS = "invokers";
  static final String SNAPPY = "snappy";
  static final String DUCKDB = "duckdb";

  /** The environment variable that turns the background start-up off ({@code GLAPPET_WARMUP=0}). */
  static final String VARIABLE = "GLAPPET_WARMUP";

  /** The process's warm-up, once started. */
  private static Warmup started;

  private final CountDownLatch accepted = new CountDownLatch(1);
  private final List<String> done = Collections.synchronizedList(new ArrayList<>());

  /** True for the command that benefits: {@code batch} (not its --help), unless turned off. */
  static boolean wanted(String[] args, String variable) {
    if ("0".equals(variable) || args.length == 0 || !args[0].equals("batch")) {
      return false;
    }
    for (String a : args) {
      if (a.equals("--help")) {
        return false;
      }
    }
    return true;
  }

  /** Starts this process's warm-up on a daemon thread (once); returns it. */
  static synchronized Warmup start() {
    if (started == null) {
      started = new Warmup();
      Thread t = new Thread(started::run, "glappet-warmup");
      t.setDaemon(true);
      t.start();
    }
    return started;
  }

  /**
   * The batch's arguments passed every check: the step that writes to the temporary folder may
   * run. Does nothing when no warm-up was started.
   */
  static void argumentsAccepted() {
    Warmup w;
    synchronized (Warmup.class) {
      w = started;
    }
    if (w != null) {
      w.accept();
    }
  }

  void accept() {
    accepted.countDown();
  }

  /** The steps completed so far, in order. */
  List<String> done() {
    synchronized (done) {
      return List.copyOf(done);
    }
  }

  void run() {
    step(OPTIONS, BeamOptionsRegistry::initialise);
    step(BYTE_BUDDY, () -> DoFnInvokers.invokerFor(new Identity()));
    step(SNAPPY, () -> org.xerial.snappy.Snappy.maxCompressedLength(1));
    try {
      accepted.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    step(DUCKDB, () -> {
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
        c.isValid(0);
      }
    });
  }

  /**
   * Begins generating the invokers of the DoFns in {@code p} on a daemon thread, when this process
   * warms up and the graph runs in it (the DirectRunner or an embedded Flink; a cluster's
   * TaskManagers make their own). The DoFns are collected here, before the runner changes the
   * graph; the thread only reads their classes. Returns the thread, or null.
   */
  static Thread generateInvokers(Pipeline p, boolean runsInThisProcess) {
    Warmup w;
    synchronized (Warmup.class) {
      w = started;
    }
    if (w == null || !runsInThisProcess) {
      return null;
    }
    List<DoFn<?, ?>> fns = doFnsOf(p);
    Thread t = new Thread(() -> w.step(INVOKERS, () -> fns.forEach(DoFnInvokers::invokerFor)), "glappet-warmup-invokers");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** One DoFn of each class that the graph's ParDos apply, in the graph's order. */
  static List<DoFn<?, ?>> doFnsOf(Pipeline p) {
    List<DoFn<?, ?>> fns = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        if (node.getTransform() instanceof ParDo.MultiOutput) {
          DoFn<?, ?> fn = ((ParDo.MultiOutput<?, ?>) node.getTransform()).getFn();
          if (seen.add(fn.getClass())) {
            fns.add(fn);
          }
        }
      }
    });
    return fns;
  }

  interface Step {
    void run() throws Exception;
  }

  private void step(String name, Step s) {
    try {
      s.run();
      done.add(name);
    } catch (Exception | LinkageError e) {
      // Left to the batch: it takes the same step later and reports a failure there.
    }
  }

  /** A DoFn whose invoker Byte Buddy generates; never applied in a pipeline. */
  static final class Identity extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String in, OutputReceiver<String> out) {
      out.output(in);
    }
  }
}
