package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTrainingTest {

  @Test
  void theTinyInputIsBenchsTwoRowInputAndRunsOnTheDirectRunner(@TempDir Path work) throws Exception {
    Path tiny = ArchiveTraining.writeTinyInput(work.resolve("tiny"));
    // bench/run.sh's write_tiny writes the same 605 bytes (bench/README.md, "Fixed cost").
    assertEquals(605, RunnerChoice.inputBytes(tiny));
    String before = System.getProperty("glappet.defaultRunner");
    System.clearProperty("glappet.defaultRunner"); // the launcher's choice by size, not the tests' default
    try {
      assertEquals(RunnerChoice.DIRECT, BatchCommand.defaultRunner(tiny, List.of()));
    } finally {
      if (before != null) {
        System.setProperty("glappet.defaultRunner", before);
      }
    }
  }

  @Test
  void theSecondCommandPublishesTheTinyInputsMonth(@TempDir Path work) throws Exception {
    Path generated = work.resolve("generated");
    List<String[]> commands = ArchiveTraining.commands(generated, work);
    assertEquals(2, commands.size());
    assertEquals(List.of("batch", "--input", generated.toString(), "--output", work.resolve("out-large").toString(),
        "--quiet"), List.of(commands.get(0)));
    assertEquals(0, Glappet.run(commands.get(1)));
    JsonNode manifest = new ObjectMapper().readTree(work.resolve("out-tiny/manifest.json").toFile());
    assertEquals("2011-01", manifest.path("arguments").path("from").asText());
    assertTrue(Files.exists(work.resolve("out-tiny/gap_monthly/2011-01.parquet")));
  }

  @Test
  void withTheWorkFolderAloneOnlyTheTwoRowBatchRuns(@TempDir Path work) throws Exception {
    List<String[]> commands = ArchiveTraining.commands(null, work);
    assertEquals(1, commands.size());
    assertEquals(List.of("batch", "--input", work.resolve("tiny").toString(), "--output",
        work.resolve("out-tiny").toString(), "--from", "2011-01", "--to", "2011-01", "--quiet"), List.of(commands.get(0)));
  }

  @Test
  void theLauncherRecordsItsArchiveWithThisClass() throws Exception {
    Path launcher = Paths.get(System.getProperty("user.dir")).getParent().resolve("glappet");
    String text = Files.readString(launcher);
    assertTrue(text.contains("-XX:ArchiveClassesAtExit=\"$CDS\""), "the launcher records an archive");
    assertTrue(text.contains("se.glappet.cli.ArchiveTraining ${TRAINING[@]+\"${TRAINING[@]}\"} \"$WARM/run-$attempt\""),
        "with ArchiveTraining [GENERATED_INPUT] WORK_DIR, a fresh WORK_DIR for each attempt");
    assertTrue(text.contains("TRAINING=(\"$WARM/in\")"), "the generated input for the archive of both paths");
    assertTrue(text.contains("pipelines/src/main/sh/runner-guess"), "the DirectRunner's archive by the runner the CLI will take");
    assertTrue(text.contains("-XX:ErrorFile=\"$TARGET/glappet-cds-crash-%p.log\""),
        "a crash while recording leaves its report in target/, not in the user's folder");
    assertEquals(void.class, ArchiveTraining.class.getMethod("main", String[].class).getReturnType());
  }
}
