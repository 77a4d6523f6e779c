package se.glappet.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Flink 1.19 session cluster in two processes of its own, started the way Flink's
 * {@code bin/jobmanager.sh start} and {@code bin/taskmanager.sh start} start them: the JVM options
 * and {@code -D} dynamic properties come from {@code BashJavaUtils GET_JM_RESOURCE_PARAMS} /
 * {@code GET_TM_RESOURCE_PARAMS} (the lines it prints after {@code BASH_JAVA_UTILS_EXEC_RESULT:}:
 * JVM options first, dynamic properties second), followed by the stock {@code env.java.opts.all}.
 *
 * <p>The configuration is Flink 1.19's stock {@code conf/config.yaml} with two slots per TaskManager,
 * free local ports and the processes' temporary folder ({@code io.tmp.dirs}) inside {@code dir};
 * nothing else changes: {@code taskmanager.memory.process.size: 1728m}, so 128 MB of network
 * memory. (With the stock temporary folder, the TaskManager the test kills left its
 * {@code flink-dist-cache-*} folder in the machine's {@code /tmp}, one per run.) Every process it starts is stopped by its own id on {@link #close()},
 * and by a JVM shutdown hook if the test dies first.
 */
public final class SessionCluster implements AutoCloseable {
  /** Flink 1.19's stock options for Java 17 ({@code env.java.opts.all} in conf/config.yaml). */
  static final String STOCK_JAVA_OPTS = "--add-exports=java.base/sun.net.util=ALL-UNNAMED "
      + "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED "
      + "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED "
      + "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED "
      + "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED "
      + "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED "
      + "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED "
      + "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED "
      + "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED "
      + "--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED "
      + "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED "
      + "--add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED "
      + "--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED "
      + "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED "
      + "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED";

  static final String EXEC_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  private final Path dir;
  private final String classpath;
  private final int restPort;
  private final List<ProcessHandle> started = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "stop-session-cluster");
  private Process jobManager;
  private Process taskManager;

  private SessionCluster(Path dir, String classpath, int restPort) {
    this.dir = dir;
    this.classpath = classpath;
    this.restPort = restPort;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts a JobManager and one TaskManager in {@code dir} (configuration in {@code dir/conf}, logs
   * in {@code dir/*.log}) and waits until the REST API shows one TaskManager with two slots.
   */
  public static SessionCluster start(Path dir, String classpath) throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("conf"));
    int restPort = freePort();
    int rpcPort = freePort();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("conf").resolve("config.yaml"),
        stockConfig(restPort, rpcPort) + "io:\n  tmp:\n    dirs: " + tmp.toAbsolutePath() + "\n");
    SessionCluster c = new SessionCluster(dir, classpath, restPort);
    try {
      c.jobManager = c.launch("jobmanager", "GET_JM_RESOURCE_PARAMS",
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--executionMode", "cluster");
      c.taskManager = c.launch("taskmanager", "GET_TM_RESOURCE_PARAMS",
          "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
      c.awaitSlots(2, Duration.ofSeconds(90));
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Flink 1.19's stock {@code conf/config.yaml} (its settings, without the comments), with two
   * slots per TaskManager and the REST and JobManager RPC ports on free local ports.
   */
  static String stockConfig(int restPort, int rpcPort) {
    return String.join("\n",
        "env:",
        "  java:",
        "    opts:",
        "      all: " + STOCK_JAVA_OPTS,
        "jobmanager:",
        "  bind-host: localhost",
        "  rpc:",
        "    address: localhost",
        "    port: " + rpcPort,
        "  memory:",
        "    process:",
        "      size: 1600m",
        "  execution:",
        "    failover-strategy: region",
        "taskmanager:",
        "  bind-host: localhost",
        "  host: localhost",
        "  numberOfTaskSlots: 2",
        "  memory:",
        "    process:",
        "      size: 1728m",
        "parallelism:",
        "  default: 1",
        "rest:",
        "  address: localhost",
        "  bind-address: localhost",
        "  port: " + restPort,
        "");
  }

  /** {@code localhost:PORT} of the REST API, the value for {@code --flinkMaster}. */
  public String master() {
    return "localhost:" + restPort;
  }

  public Path dir() {
    return dir;
  }

  /** GET on the REST API; the body as JSON. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return new ObjectMapper().readTree(r.body());
  }

  /** Kills the TaskManager's process with SIGKILL (kill -9) and waits until it is gone. */
  public void killTaskManager() throws InterruptedException {
    taskManager.destroyForcibly();
    taskManager.waitFor(30, TimeUnit.SECONDS);
  }

  public boolean taskManagerAlive() {
    return taskManager.isAlive();
  }

  /** The tail of a process's log, for failure messages. */
  public String logTail(String name, int lines) {
    try {
      List<String> all = Files.readAllLines(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private Process launch(String name, String resourceCommand, String mainClass, String... args)
      throws IOException, InterruptedException {
    String confDir = dir.resolve("conf").toString();
    List<String> result = bashJavaUtils(resourceCommand, confDir);
    if (result.size() < 2) {
      throw new IOException("BashJavaUtils " + resourceCommand + " printed " + result.size()
          + " result lines, expected JVM options and dynamic properties: " + result);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(words(result.get(0)));
    cmd.addAll(words(STOCK_JAVA_OPTS));
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    cmd.add("-classpath");
    cmd.add(classpath);
    cmd.add(mainClass);
    for (String line : result.subList(1, result.size())) {
      cmd.addAll(words(line));
    }
    cmd.add("--configDir");
    cmd.add(confDir);
    cmd.addAll(Arrays.asList(args));
    Files.writeString(dir.resolve(name + ".cmd"), String.join(" ", cmd) + "\n");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    Process p = pb.start();
    synchronized (started) {
      started.add(p.toHandle());
    }
    return p;
  }

  /** Runs BashJavaUtils as Flink's scripts do; the lines it printed after the result prefix. */
  private List<String> bashJavaUtils(String command, String confDir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(java(), "-classpath", classpath,
        "org.apache.flink.runtime.util.bash.BashJavaUtils", command, "--configDir", confDir)
        .redirectErrorStream(true).start();
    synchronized (started) {
      started.add(p.toHandle());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("BashJavaUtils " + command + " failed:\n" + out);
    }
    return out.lines().filter(l -> l.startsWith(EXEC_PREFIX))
        .map(l -> l.substring(EXEC_PREFIX.length()).trim()).collect(Collectors.toList());
  }

  private void awaitSlots(int slots, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!jobManager.isAlive() || !taskManager.isAlive()) {
        throw new IOException("the " + (jobManager.isAlive() ? "TaskManager" : "JobManager")
            + " exited while starting:\n" + logTail(jobManager.isAlive() ? "taskmanager" : "jobmanager", 40));
      }
      try {
        JsonNode o = get("/overview");
        last = o.toString();
        if (o.path("taskmanagers").asInt() == 1 && o.path("slots-total").asInt() == slots) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IOException("the cluster did not show 1 TaskManager with " + slots + " slots in " + timeout
        + " (last: " + last + ")\n" + logTail("jobmanager", 20) + "\n" + logTail("taskmanager", 20));
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs stopAll itself
    }
  }

  /** SIGTERM to every process started here, by its own id; SIGKILL after ten seconds. */
  private void stopAll() {
    List<ProcessHandle> all;
    synchronized (started) {
      all = new ArrayList<>(started);
    }
    for (ProcessHandle h : all) {
      h.destroy();
    }
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  static List<String> words(String line) {
    return Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toList());
  }

  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The cluster's classpath: this JVM's (the project's Flink 1.19 dependencies with everything they
   * bring), without Beam and without the project's own classes, so a job runs from its job jar only.
   */
  public static String flinkClasspath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar"))
        .filter(e -> !e.contains(File.separator + "org" + File.separator + "apache" + File.separator + "beam"))
        .filter(e -> !e.contains("glappet"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Starts a cluster for trying things by hand: {@code java -cp TEST_CLASSPATH
   * se.glappet.cluster.SessionCluster DIR [full]}; prints the master and runs until stopped (SIGTERM
   * stops both processes). With {@code full} the cluster's classpath is this JVM's whole classpath.
   */
  public static void main(String[] args) throws Exception {
    String cp = args.length > 1 && args[1].equals("full")
        ? System.getProperty("java.class.path") : flinkClasspath();
    try (SessionCluster c = start(Paths.get(args[0]).toAbsolutePath(), cp)) {
      System.out.println("session cluster up: --flinkMaster " + c.master() + " (logs in " + c.dir() + ")");
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
