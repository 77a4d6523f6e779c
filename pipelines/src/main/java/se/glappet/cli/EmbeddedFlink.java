package se.glappet.cli;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.api.java.ExecutionEnvironmentFactory;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.util.MathUtils;

/**
 * The embedded Flink cluster of a batch, started on a background thread as soon as the batch's
 * arguments are accepted, so that it is up when the job is submitted. Without it the main thread
 * spends its first ~2.3 s alone (Beam's options, the graph, Beam's translation to a DataSet plan,
 * the job graph) and only then starts Flink's MiniCluster, which took 0.8 to 1.1 s from the first
 * Flink thread to the first task thread (JFR thread-start events, 2 cores), while the second core
 * is half idle.
 *
 * <p>It changes where the cluster starts, nothing else. Beam's default {@code --flinkMaster [auto]}
 * asks Flink for its context environment; this installs one for the run ({@link #prestart}) whose
 * executor is Flink's own {@link LocalExecutor} (the same job graph, the same submission, the same
 * job client that shuts the cluster down when the job ends), given a cluster factory that hands
 * over the pre-started cluster. The environment's configuration is the one Beam's {@code [auto]}
 * branch makes (the configuration folder {@link Runners#tune} writes, the class-loader leak check
 * off, target {@code local}, attached), and the cluster's is the one Flink's
 * {@code PerJobMiniClusterFactory} makes from it for a job of the run's parallelism (REST on a free
 * port, one TaskManager, a slot per parallel subtask, shared RPC service). When Flink asks for a
 * cluster of another shape, or the start failed (one warning line) or is not done within
 * {@value #WAIT_SECONDS} s, the job gets a fresh cluster exactly as without the pre-start.
 *
 * <p>Only for the FlinkRunner with Beam's default master {@code [auto]} (not for a cluster, an
 * explicit {@code [local]} or {@code [collection]}, nor a streaming or DataStream run). {@link
 * #close} (end of the run, whatever its outcome) resets the context environment and shuts a
 * cluster the job did not take down. {@code GLAPPET_PRESTART=0} (or the system property
 * {@code glappet.prestart=false}) turns it off.
 */
final class EmbeddedFlink implements AutoCloseable {
  /** The environment variable that turns the pre-start off ({@code GLAPPET_PRESTART=0}). */
  static final String VARIABLE = "GLAPPET_PRESTART";
  /** The system property that turns the pre-start off ({@code -Dglappet.prestart=false}). */
  static final String PROPERTY = "glappet.prestart";
  /** The longest wait for the background start (and for its shutdown) before going on without it. */
  static final long WAIT_SECONDS = 60;

  /** Which cluster ran the job. */
  enum Used { NONE, PRESTARTED, FRESH }

  private final String confDir;
  private final int parallelism;
  private final CompletableFuture<Configuration> configuration = new CompletableFuture<>();
  private final CompletableFuture<PreStarted> started = new CompletableFuture<>();
  private final Thread thread;
  private volatile Used used = Used.NONE;
  private volatile boolean closed;

  private EmbeddedFlink(String confDir, int parallelism) {
    this.confDir = confDir;
    this.parallelism = parallelism;
    this.thread = new Thread(this::start, "glappet-flink-prestart");
    thread.setDaemon(true);
  }

  /** False with {@code GLAPPET_PRESTART=0} or {@code -Dglappet.prestart=false}. */
  static boolean enabled(String variable) {
    return !"0".equals(variable) && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
  }

  /**
   * Starts the embedded cluster in the background and installs the context environment that
   * submits the job to it, when this run uses the embedded Flink; else (or when turned off) null.
   * Call {@link #close} at the end of the run.
   */
  static EmbeddedFlink prestart(PipelineOptions options) {
    if (!enabled(System.getenv(VARIABLE)) || !Runners.usesEmbeddedFlink(options)) {
      return null;
    }
    FlinkPipelineOptions f = options.as(FlinkPipelineOptions.class);
    if (!FlinkPipelineOptions.AUTO.equals(f.getFlinkMaster()) || f.isStreaming()
        || Boolean.TRUE.equals(f.getUseDataStreamForBatch())) {
      return null;
    }
    try {
      Runners.tune(options); // the parallelism and the configuration folder; the run's own call finds them set
    } catch (RuntimeException e) {
      return null; // the run tunes again and reports it there, as without the pre-start
    }
    EmbeddedFlink flink = new EmbeddedFlink(f.getFlinkConfDir(), f.getParallelism());
    flink.thread.start();
    Context.install(flink::environment);
    return flink;
  }

  /** The background thread: the environment's configuration, then the cluster. */
  private void start() {
    try {
      Configuration c = environmentConfiguration(confDir);
      configuration.complete(c);
      PreStarted cluster = new PreStarted(clusterConfiguration(c, parallelism));
      try {
        cluster.startNow();
      } catch (Throwable t) {
        cluster.closeAsync();
        throw t;
      }
      started.complete(cluster);
      if (closed) {
        cluster.closeAsync(); // the run ended before the cluster was up
      }
    } catch (Throwable t) {
      configuration.completeExceptionally(t);
      started.completeExceptionally(t);
    }
  }

  /**
   * The configuration of the environment Beam's {@code [auto]} branch makes for a local run
   * ({@code FlinkExecutionEnvironments.createBatchExecutionEnvironment}, Beam 2.62): the
   * configuration folder, the class-loader leak check off unless set, then what
   * {@code LocalEnvironment} adds (target {@code local}, attached).
   */
  static Configuration environmentConfiguration(String confDir) {
    Configuration c = confDir == null || confDir.isEmpty() ? GlobalConfiguration.loadConfiguration()
        : GlobalConfiguration.loadConfiguration(confDir);
    if (!c.containsKey(CoreOptions.CHECK_LEAKED_CLASSLOADER.key())) {
      c.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
    }
    c.set(DeploymentOptions.TARGET, LocalExecutor.NAME);
    c.set(DeploymentOptions.ATTACHED, true);
    return c;
  }

  /**
   * The cluster Flink 1.19's {@code PerJobMiniClusterFactory} starts for a job whose largest
   * parallelism is {@code maxParallelism}, with this configuration.
   */
  static MiniClusterConfiguration clusterConfiguration(Configuration environment, int maxParallelism) {
    Configuration c = new Configuration(environment);
    if (!c.contains(RestOptions.BIND_PORT)) {
      c.set(RestOptions.BIND_PORT, "0");
    }
    int taskManagers = c.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS);
    Map<String, String> overrides = c.get(org.apache.flink.configuration.PipelineOptions.PARALLELISM_OVERRIDES);
    int max = maxParallelism;
    if (overrides != null) {
      for (String p : overrides.values()) {
        max = Math.max(max, Integer.parseInt(p));
      }
    }
    int largest = max;
    int slots = c.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElseGet(() -> largest > 0
        ? MathUtils.divideRoundUp(largest, taskManagers) : TaskManagerOptions.NUM_TASK_SLOTS.defaultValue());
    return new MiniClusterConfiguration.Builder().setConfiguration(c).setNumTaskManagers(taskManagers)
        .setRpcServiceSharing(RpcServiceSharing.SHARED).setNumSlotsPerTaskManager(slots).build();
  }

  /** The context environment: Flink's local execution, with {@link #cluster} as its cluster. */
  private ExecutionEnvironment environment() {
    Configuration c;
    try {
      c = configuration.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c = environmentConfiguration(confDir);
    } catch (ExecutionException | TimeoutException e) {
      c = environmentConfiguration(confDir); // fails here as it would in Beam, if it does
    }
    return new ExecutionEnvironment(new Executors(), c, null);
  }

  /**
   * The cluster for the job, asked for by Flink's {@link LocalExecutor} with the configuration it
   * made for the job: the pre-started one when it is up and of that shape, else a new one (which
   * Flink starts).
   */
  MiniCluster cluster(MiniClusterConfiguration wanted) {
    PreStarted cluster = null;
    try {
      cluster = started.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      warn("failed (" + Glappet.describe(e.getCause()) + ")");
    } catch (TimeoutException e) {
      warn("was not up after " + WAIT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (cluster != null && sameShape(cluster.configuration, wanted)) {
      used = Used.PRESTARTED;
      return cluster;
    }
    if (cluster != null) {
      cluster.closeAsync();
    }
    used = Used.FRESH;
    return new MiniCluster(wanted);
  }

  private static void warn(String what) {
    System.err.println("glappet batch: warning: the embedded Flink started ahead of the job " + what
        + "; starting it again for the job");
  }

  static boolean sameShape(MiniClusterConfiguration a, MiniClusterConfiguration b) {
    return a.getNumTaskManagers() == b.getNumTaskManagers() && a.getRpcServiceSharing() == b.getRpcServiceSharing()
        && a.getHaServices() == b.getHaServices() && a.getConfiguration().toMap().equals(b.getConfiguration().toMap());
  }

  /** Which cluster ran the job ({@link Used#NONE} until Flink asked for one). */
  Used used() {
    return used;
  }

  /** The pre-started cluster, waiting for its start; null if it failed. For the tests. */
  MiniCluster preStarted() throws InterruptedException {
    try {
      return started.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  /**
   * Resets the context environment and shuts down the pre-started cluster. When the job took it,
   * its job client began the shutdown when the job ended, and, as without the pre-start, nothing
   * waits for it; else this waits at most {@value #WAIT_SECONDS} s for the start and as long for
   * the shutdown.
   */
  @Override
  public void close() {
    closed = true;
    Context.reset();
    try {
      CompletableFuture<Void> down = started.get(WAIT_SECONDS, TimeUnit.SECONDS).closeAsync();
      if (used != Used.PRESTARTED) {
        down.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // no cluster to shut down (its start failed and was reported when the job needed it), or a
      // start still running: the background thread shuts it down once up (closed is set)
    }
  }

  /** A cluster started ahead ({@link #startNow}); Flink's own call to {@link #start} finds it running. */
  static final class PreStarted extends MiniCluster {
    final MiniClusterConfiguration configuration;

    PreStarted(MiniClusterConfiguration configuration) {
      super(configuration);
      this.configuration = configuration;
    }

    /**
     * Starts the cluster and returns once its TaskManagers have registered with its
     * ResourceManager (at most {@value #REGISTRATION_WAIT_MS} ms). MiniCluster's start returns while
     * a TaskManager's registration may still be on its way; a run that failed before its job (bad
     * input) then closed the cluster under it, and Flink logged the failed registration with a
     * stack trace on the console of a run that should end in one line (seen in
     * IdentityNumberInATraceTest on a loaded machine).
     */
    void startNow() throws Exception {
      super.start();
      long deadline = System.nanoTime() + REGISTRATION_WAIT_MS * 1_000_000L;
      while (getResourceOverview().get().getNumberTaskManagers() < configuration.getNumTaskManagers()
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }

    static final long REGISTRATION_WAIT_MS = 10_000;

    @Override
    public void start() throws Exception {
      if (!isRunning()) {
        super.start();
      }
    }
  }

  /** The executor of the context environment: Flink's local one, with {@link #cluster}. */
  private final class Executors implements PipelineExecutorServiceLoader, PipelineExecutorFactory {
    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration c) {
      return this;
    }

    @Override
    public Stream<String> getExecutorNames() {
      return Stream.of(LocalExecutor.NAME);
    }

    @Override
    public String getName() {
      return LocalExecutor.NAME;
    }

    @Override
    public boolean isCompatibleWith(Configuration c) {
      return LocalExecutor.NAME.equals(c.get(DeploymentOptions.TARGET));
    }

    @Override
    public PipelineExecutor getExecutor(Configuration c) {
      return LocalExecutor.createWithFactory(c, EmbeddedFlink.this::cluster);
    }
  }

  /** Access to Flink's protected context-environment hooks. */
  private static final class Context extends ExecutionEnvironment {
    private Context() {}

    static void install(ExecutionEnvironmentFactory factory) {
      initializeContextEnvironment(factory);
    }

    static void reset() {
      resetContextEnvironment();
    }
  }
}
