package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** The DirectRunner's safety checks: on in the tests (surefire's property), off in production runs. */
class RunnersTest {
  private static DirectOptions tuned(String property) {
    String before = System.getProperty(Runners.DIRECT_RUNNER_CHECKS);
    try {
      if (property == null) {
        System.clearProperty(Runners.DIRECT_RUNNER_CHECKS);
      } else {
        System.setProperty(Runners.DIRECT_RUNNER_CHECKS, property);
      }
      PipelineOptions o = PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create();
      Runners.tune(o);
      return o.as(DirectOptions.class);
    } finally {
      if (before == null) {
        System.clearProperty(Runners.DIRECT_RUNNER_CHECKS);
      } else {
        System.setProperty(Runners.DIRECT_RUNNER_CHECKS, before);
      }
    }
  }

  @Test
  void theTestsRunWithTheChecksOn() {
    assertTrue(Boolean.getBoolean(Runners.DIRECT_RUNNER_CHECKS), "surefire sets " + Runners.DIRECT_RUNNER_CHECKS);
    DirectOptions d = tuned("true");
    assertTrue(d.isEnforceImmutability());
    assertTrue(d.isEnforceEncodability());
  }

  /** Where the warm-up generates the DoFns' invokers: not for a cluster, whose TaskManagers run the graph. */
  @Test
  void theGraphRunsInThisProcessOnTheDirectRunnerAndAnEmbeddedFlink() {
    BeamOptionsRegistry.forRunner("FlinkRunner");
    assertTrue(Runners.runsInThisProcess(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create()));
    assertTrue(Runners.runsInThisProcess(PipelineOptionsFactory.fromArgs("--runner=FlinkRunner").create()));
    assertTrue(Runners.runsInThisProcess(
        PipelineOptionsFactory.fromArgs("--runner=FlinkRunner", "--flinkMaster=[local]").create()));
    assertFalse(Runners.runsInThisProcess(
        PipelineOptionsFactory.fromArgs("--runner=FlinkRunner", "--flinkMaster=localhost:8081").create()));
  }

  @Test
  void productionRunsTurnThemOff() {
    DirectOptions d = tuned(null);
    assertFalse(d.isEnforceImmutability());
    assertFalse(d.isEnforceEncodability());
  }
}
