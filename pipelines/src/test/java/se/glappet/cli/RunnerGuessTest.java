package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's guess of the runner a batch will take ({@code pipelines/src/main/sh/runner-guess}),
 * by which it maps the DirectRunner's own class-data archive, against the CLI's decision
 * ({@link BatchConfig}, {@link RunnerChoice}) for the same arguments, and its copies of the CLI's
 * options and size limit against the CLI's.
 */
class RunnerGuessTest {
  private static final Path SCRIPT = Paths.get("src/main/sh/runner-guess").toAbsolutePath();

  private static String guess(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.strip();
  }

  /** The runner the CLI takes for {@code batch ARGS}, chosen by size as the launcher's runs are. */
  private static String cli(String... args) throws Exception {
    String before = System.getProperty("glappet.defaultRunner");
    System.clearProperty("glappet.defaultRunner"); // the tests' surefire default, not the launcher's choice
    try {
      return BatchConfig.of(Args.parse(Arrays.copyOfRange(args, 1, args.length), BatchCommand.OPTIONS,
          BatchCommand.FLAGS, true)).options.getRunner().getSimpleName();
    } finally {
      if (before != null) {
        System.setProperty("glappet.defaultRunner", before);
      }
    }
  }

  private static Path input(Path dir, long csvBytes) throws Exception {
    for (String folder : List.of("kis", "income-support", "allowances")) {
      Files.createDirectories(dir.resolve(folder));
    }
    Files.write(dir.resolve("income-support/a.csv"), new byte[(int) (csvBytes - 1)]);
    Files.write(dir.resolve("kis/b.CSV"), new byte[1]);
    Files.write(dir.resolve("allowances/not-counted.txt"), new byte[10_000]);
    return dir;
  }

  @Test
  void guessesTheRunnerTheCliTakes(@TempDir Path dir) throws Exception {
    String small = input(dir.resolve("small"), RunnerChoice.SMALL_INPUT_BYTES - 1).toString();
    String large = input(dir.resolve("large"), RunnerChoice.SMALL_INPUT_BYTES).toString();
    String out = dir.resolve("out").toString();
    List<String[]> cases = List.of(
        new String[] {"batch", "--input", small, "--output", out},
        new String[] {"batch", "--input=" + small, "--output=" + out, "--quiet", "--from", "2011-01"},
        new String[] {"batch", "--input", large, "--output", out},
        new String[] {"batch", "--input", small, "--output", out, "--parallelism=2"},
        new String[] {"batch", "--input", small, "--output", out, "--flinkMaster", "[local]"},
        new String[] {"batch", "--input", large, "--output", out, "--runner", "DirectRunner"},
        new String[] {"batch", "--input", large, "--output", out, "--runner=direct"},
        new String[] {"batch", "--input", large, "--output", out, "--runner", "org.apache.beam.runners.direct.DirectRunner"},
        new String[] {"batch", "--input", small, "--output", out, "--runner=FlinkRunner"});
    List<String> expected = new ArrayList<>();
    List<String> guessed = new ArrayList<>();
    for (String[] args : cases) {
      expected.add(cli(args));
      guessed.add(guess(args));
    }
    assertEquals(expected, guessed);
    assertEquals("DirectRunner", guessed.get(0), "the case the DirectRunner's archive is for");
    assertEquals("FlinkRunner", guessed.get(2));
  }

  @Test
  void guessesNothingForOtherCommandsAndArgumentsTheCliRejects(@TempDir Path dir) throws Exception {
    assertEquals("", guess("generate", "--output", dir.toString()));
    assertEquals("", guess("batch", "--help"));
    assertEquals("", guess("batch", "--output", dir.toString(), "--input"));
    assertEquals("", guess("batch", "--input", dir.resolve("missing").toString(), "--output", dir.toString()));
  }

  /** The script's copies: the CLI's options and flags, and the size limit. */
  @Test
  void knowsTheCliOptionsAndTheLimit() throws Exception {
    String text = Files.readString(SCRIPT);
    assertEquals(new TreeSet<>(BatchCommand.OPTIONS), words(text, "OPTIONS"));
    assertEquals(new TreeSet<>(BatchCommand.FLAGS), words(text, "FLAGS"));
    Matcher m = Pattern.compile("(?m)^SMALL_INPUT_BYTES=(\\d+)$").matcher(text);
    assertEquals(true, m.find());
    assertEquals(RunnerChoice.SMALL_INPUT_BYTES, Long.parseLong(m.group(1)));
  }

  private static Set<String> words(String script, String variable) {
    Matcher m = Pattern.compile("(?m)^" + variable + "=\" (.*) \"$").matcher(script);
    assertEquals(true, m.find(), variable);
    return new TreeSet<>(Arrays.asList(m.group(1).split(" ")));
  }
}
