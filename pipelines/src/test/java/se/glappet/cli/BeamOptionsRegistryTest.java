package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.ExperimentalOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.SdkHarnessOptions;
import org.junit.jupiter.api.Test;

/**
 * {@link BeamOptionsRegistry}: the registry a fresh JVM gets holds the runners' options and not
 * the rest, and the options a user passes are parsed as before. The registry is made once per JVM,
 * so the parts that need a fresh one run in a child JVM ({@link Probe}).
 */
class BeamOptionsRegistryTest {
  @Test
  void namesBeamTakesForTheTwoRunners() {
    for (String flink : List.of("FlinkRunner", "flinkrunner", "Flink", "org.apache.beam.runners.flink.FlinkRunner")) {
      assertEquals(FlinkPipelineOptions.class, BeamOptionsRegistry.runnerOptions(flink), flink);
    }
    for (String direct : List.of("DirectRunner", "direct", "org.apache.beam.runners.direct.DirectRunner")) {
      assertEquals(DirectOptions.class, BeamOptionsRegistry.runnerOptions(direct), direct);
    }
    assertNull(BeamOptionsRegistry.runnerOptions("NoSuchRunner"));
    assertNull(BeamOptionsRegistry.runnerOptions("SparkRunner"));
  }

  /** In a JVM whose registry was made otherwise (as here): the options still parse. */
  @Test
  void inAJvmWhoseRegistryIsMadeTheOptionsParse() throws Exception {
    PipelineOptions o = BatchConfig.beamOptions(List.of("--parallelism=3", "--experiments=x"), "FlinkRunner");
    assertEquals(3, o.as(FlinkPipelineOptions.class).getParallelism());
    assertTrue(ExperimentalOptions.hasExperiment(o, "x"));
  }

  @Test
  void aFreshJvmRegistersTheRunnersOptionsOnlyAndParsesAsBefore() throws Exception {
    List<String> direct = probe("narrow", "DirectRunner");
    assertEquals(List.of(
        "registered " + DirectOptions.class.getName() + " true",
        "registered " + ExperimentalOptions.class.getName() + " true",
        "registered " + FlinkPipelineOptions.class.getName() + " false",
        "registered " + SdkHarnessOptions.class.getName() + " false",
        "targetParallelism 2",
        "experiment true",
        "--parallelism: --parallelism is an option of the FlinkRunner, not of the DirectRunner",
        "--sdkWorkerParallelism: unknown option --sdkWorkerParallelism"), direct);

    List<String> flink = probe("narrow", "FlinkRunner");
    assertEquals(List.of(
        "registered " + DirectOptions.class.getName() + " false",
        "registered " + ExperimentalOptions.class.getName() + " true",
        "registered " + FlinkPipelineOptions.class.getName() + " true",
        "registered " + SdkHarnessOptions.class.getName() + " false",
        "parallelism 3 master [local]",
        "experiment true",
        "--targetParallelism: --targetParallelism is an option of the DirectRunner, not of the FlinkRunner",
        "--sdkWorkerParallelism: unknown option --sdkWorkerParallelism"), flink);

    // The launcher's warm-up thread makes the registry while the main thread reads the arguments:
    // under the warm-up thread's class loader, and the main thread's registry is the same.
    assertEquals(direct, probe("elsewhere", "DirectRunner"));
    assertEquals(flink, probe("elsewhere", "FlinkRunner"));

    // The difference is the registrars: Beam's own initialisation registers the rest as well.
    List<String> full = probe("full", "DirectRunner");
    assertEquals("registered " + SdkHarnessOptions.class.getName() + " true", full.get(3), String.join("\n", full));
  }

  private static List<String> probe(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Probe.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    return out.lines().filter(l -> !l.startsWith("SLF4J")).toList();
  }

  /** Runs in the child JVM: "narrow RUNNER" uses {@link BeamOptionsRegistry}, "full" does not. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      String runner = args[1];
      if (args[0].equals("narrow")) {
        BeamOptionsRegistry.forRunner(runner);
      } else if (args[0].equals("elsewhere")) {
        Thread warmup = new Thread(BeamOptionsRegistry::initialise, "warm-up");
        warmup.start();
        warmup.join();
        BeamOptionsRegistry.forRunner(runner);
      } else {
        PipelineOptionsFactory.register(runner.equals("DirectRunner") ? DirectOptions.class : FlinkPipelineOptions.class);
        PipelineOptionsFactory.register(ExperimentalOptions.class);
      }
      for (Class<?> c : List.of(DirectOptions.class, ExperimentalOptions.class, FlinkPipelineOptions.class,
          SdkHarnessOptions.class)) {
        System.out.println("registered " + c.getName() + " " + PipelineOptionsFactory.getRegisteredOptions().contains(c));
      }
      if (args[0].equals("full")) {
        return;
      }
      if (runner.equals("DirectRunner")) {
        PipelineOptions o = BatchConfig.beamOptions(List.of("--targetParallelism=2", "--experiments=x"), runner);
        System.out.println("targetParallelism " + o.as(DirectOptions.class).getTargetParallelism());
        System.out.println("experiment " + ExperimentalOptions.hasExperiment(o, "x"));
        rejected("--parallelism", runner);
      } else {
        PipelineOptions o = BatchConfig.beamOptions(
            List.of("--parallelism=3", "--flinkMaster=[local]", "--experiments=x"), runner);
        FlinkPipelineOptions f = o.as(FlinkPipelineOptions.class);
        System.out.println("parallelism " + f.getParallelism() + " master " + f.getFlinkMaster());
        System.out.println("experiment " + ExperimentalOptions.hasExperiment(o, "x"));
        rejected("--targetParallelism", runner);
      }
      rejected("--sdkWorkerParallelism", runner);
    }

    private static void rejected(String option, String runner) {
      try {
        BatchConfig.beamOptions(List.of(option + "=2"), runner);
        System.out.println(option + ": accepted");
      } catch (UsageException e) {
        System.out.println(option + ": " + e.getMessage().replaceAll(" \\(did you mean.*", ""));
      }
    }
  }
}
