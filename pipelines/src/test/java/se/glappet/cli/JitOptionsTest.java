package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JIT compiler ({@code pipelines/src/main/sh/jit-options}): the quick
 * compiler only below 4 000 000 000 bytes of input {@code .csv}, the JVM's default from there on.
 * The inputs are sparse files, so gigabytes cost no disk.
 */
class JitOptionsTest {
  private static final Path SCRIPT = Paths.get("src/main/sh/jit-options").toAbsolutePath();

  private static List<String> options(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\n"));
  }

  private static void sparse(Path file, long bytes) throws Exception {
    Files.createDirectories(file.getParent());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
  }

  @Test
  void anInputBelowTheLimitRunsOnTheQuickCompiler(@TempDir Path in) throws Exception {
    sparse(in.resolve("income-support/a.csv"), 2_400_000_000L);
    sparse(in.resolve("allowances/a.csv"), 1_599_999_999L);
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), options("batch", "--input", in.toString()));
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), options("batch", "--input=" + in, "--quiet"));
  }

  @Test
  void anInputFromTheLimitOnKeepsTheDefaultCompilers(@TempDir Path in) throws Exception {
    sparse(in.resolve("income-support/a.csv"), 2_400_000_000L);
    sparse(in.resolve("allowances/a.csv"), 1_600_000_000L);
    assertEquals(List.of(), options("batch", "--input", in.toString()));
  }

  /** Three files of 2^31 bytes: mawk would print their sum as 6.44245e+09, which no shell compares. */
  @Test
  void sumsAboveTwoToTheThirtyFirstAreComparedAsNumbers(@TempDir Path in) throws Exception {
    for (String f : new String[] {"kis/a.csv", "income-support/a.csv", "population/a.csv"}) {
      sparse(in.resolve(f), 1L << 31);
    }
    assertEquals(List.of(), options("batch", "--input", in.toString()));
  }

  @Test
  void onlyTheFourInputFoldersAndCsvFilesCount(@TempDir Path in) throws Exception {
    sparse(in.resolve("income-support/a.csv"), 10);
    sparse(in.resolve("income-support/big.parquet"), 5_000_000_000L);
    sparse(in.resolve("other/big.csv"), 5_000_000_000L);
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), options("batch", "--input", in.toString()));
  }

  @Test
  void otherCommandsAndMissingInputsKeepTheDefaultCompilers(@TempDir Path in) throws Exception {
    assertEquals(List.of(), options("verify", "--output", in.toString()));
    assertEquals(List.of(), options("batch", "--input", in.resolve("missing").toString()));
    assertEquals(List.of(), options());
  }
}
