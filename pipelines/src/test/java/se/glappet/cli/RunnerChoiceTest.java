package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerChoiceTest {

  @Test
  void smallInputsRunOnTheDirectRunnerAndTheRestOnFlink() {
    assertEquals("DirectRunner", RunnerChoice.choose(0, false));
    assertEquals("DirectRunner", RunnerChoice.choose(605, false)); // bench/run.sh's 2-row input
    assertEquals("DirectRunner", RunnerChoice.choose(7_999, false));
    assertEquals("FlinkRunner", RunnerChoice.choose(8_000, false));
    assertEquals("FlinkRunner", RunnerChoice.choose(7_073_116, false)); // the Södertörn sample
  }

  @Test
  void runnerOptionsKeepFlinkEvenForASmallInput() {
    assertEquals("FlinkRunner", RunnerChoice.choose(605, true));
    assertEquals("FlinkRunner", RunnerChoice.choose(8_000, true));
  }

  @Test
  void countsTheCsvFilesOfTheDatasetFoldersOnly(@TempDir Path in) throws Exception {
    Files.createDirectories(in.resolve("kis"));
    Files.createDirectories(in.resolve("income-support/old.csv")); // a folder named .csv: not read
    Files.createDirectories(in.resolve("allowances/sub"));
    Files.createDirectories(in.resolve("population"));
    Files.write(in.resolve("kis/a.csv"), new byte[100]);
    Files.write(in.resolve("income-support/b.CSV"), new byte[30]);
    Files.write(in.resolve("income-support/notes.txt"), new byte[1000]);
    Files.write(in.resolve("allowances/sub/c.csv"), new byte[1000]); // subfolders are not read
    Files.write(in.resolve("allowances/d.csv"), new byte[7]);
    Files.write(in.resolve("population/e.csv"), new byte[5]);
    Files.write(in.resolve("f.csv"), new byte[1000]); // not in a dataset folder
    assertEquals(142, RunnerChoice.inputBytes(in));
  }

  @Test
  void theSystemPropertyStillDecidesForTheTestsAndTheOptionForTheUser(@TempDir Path in) throws Exception {
    Files.createDirectories(in.resolve("kis"));
    String before = System.getProperty("glappet.defaultRunner");
    try {
      System.setProperty("glappet.defaultRunner", "FlinkRunner");
      assertEquals("FlinkRunner", BatchCommand.defaultRunner(in, List.of()));
      System.clearProperty("glappet.defaultRunner");
      assertEquals("DirectRunner", BatchCommand.defaultRunner(in, List.of()));
      assertEquals("FlinkRunner", BatchCommand.defaultRunner(in, List.of("--flinkMaster=host:8081")));
      Files.write(in.resolve("kis/big.csv"), new byte[8_000]);
      assertEquals("FlinkRunner", BatchCommand.defaultRunner(in, List.of()));
    } finally {
      if (before == null) {
        System.clearProperty("glappet.defaultRunner");
      } else {
        System.setProperty("glappet.defaultRunner", before);
      }
    }
  }

  /**
   * Through the argument checks, as a user's run takes it (the tests' surefire property is cleared):
   * the choice needs the checked input folder, and a misspelt option is still named first.
   */
  @Test
  void theArgumentChecksChooseByTheCheckedInput(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    for (String d : List.of("kis", "income-support", "allowances")) {
      Files.createDirectories(in.resolve(d));
    }
    String out = dir.resolve("out").toString();
    String before = System.getProperty("glappet.defaultRunner");
    try {
      System.clearProperty("glappet.defaultRunner");
      BatchConfig small = BatchConfig.of(Args.parse(new String[] {"--input", in.toString(), "--output", out},
          BatchCommand.OPTIONS, BatchCommand.FLAGS, true));
      assertEquals("DirectRunner", small.runner);
      assertEquals("DirectRunner", small.options.getRunner().getSimpleName());
      Files.write(in.resolve("kis/big.csv"), new byte[8_000]);
      BatchConfig big = BatchConfig.of(Args.parse(new String[] {"--input", in.toString(), "--output", out},
          BatchCommand.OPTIONS, BatchCommand.FLAGS, true));
      assertEquals("FlinkRunner", big.runner);
      assertEquals("FlinkRunner", big.options.getRunner().getSimpleName());
    } finally {
      if (before != null) {
        System.setProperty("glappet.defaultRunner", before);
      }
    }
  }

  @Test
  void withoutRunnerOptionsBeamsOptionsAreMadeForTheRunnerChosenBySize(@TempDir Path work) throws Exception {
    Path tiny = ArchiveTraining.writeTinyInput(work.resolve("tiny"));
    String before = System.getProperty("glappet.defaultRunner");
    System.clearProperty("glappet.defaultRunner");
    try {
      BatchConfig c = BatchConfig.of(Args.parse(new String[] {"--input", tiny.toString(), "--output",
          work.resolve("out").toString()}, BatchCommand.OPTIONS, BatchCommand.FLAGS, true));
      assertEquals("DirectRunner", c.runner);
      assertEquals("DirectRunner", c.options.getRunner().getSimpleName());
      BatchConfig forced = BatchConfig.of(Args.parse(new String[] {"--input", tiny.toString(), "--output",
          work.resolve("out").toString(), "--runner", "FlinkRunner"}, BatchCommand.OPTIONS, BatchCommand.FLAGS, true));
      assertEquals("FlinkRunner", forced.options.getRunner().getSimpleName());
      // An option neither Glappet nor Beam knows is still named before the input is looked at.
      UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> BatchConfig.of(
          Args.parse(new String[] {"--input", work.resolve("missing").toString(), "--output",
              work.resolve("out").toString(), "--bogus=1"}, BatchCommand.OPTIONS, BatchCommand.FLAGS, true)));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    } finally {
      if (before != null) {
        System.setProperty("glappet.defaultRunner", before);
      }
    }
  }
}
