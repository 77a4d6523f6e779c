package se.glappet.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import se.glappet.ingest.Dataset;

/**
 * The runner {@code glappet batch} uses when {@code --runner} is not given: chosen by the size of
 * the input. Below {@link #SMALL_INPUT_BYTES} bytes of {@code .csv} files the DirectRunner runs the
 * graph in this process (checks off, see {@link Runners}) and no Flink cluster is started; from
 * there on the embedded Flink. Measured (bench/README.md, "Fixed cost", CPU seconds of the whole
 * process, quick JIT compiler): on a 2-row input (605 bytes) the DirectRunner needs 0.6 x the
 * CPU of the embedded Flink, whose start-up costs several seconds; on a 15 kB input already 1.13 x,
 * on 30 kB 1.14 x, on 130 kB 1.4 x, on 510 kB 2.2 x (it makes a bundle per key), so it only pays
 * for the smallest inputs: the limit lies below the interpolated crossover (about 9.6 kB). Both
 * runners publish the same figures (RunnersAgreeTest).
 */
final class RunnerChoice {
  private RunnerChoice() {}

  /** Inputs smaller than this many bytes of {@code .csv} files run on the DirectRunner. */
  static final long SMALL_INPUT_BYTES = 8_000;

  static final String DIRECT = "DirectRunner";
  static final String FLINK = "FlinkRunner";

  /**
   * The rule: DirectRunner below {@link #SMALL_INPUT_BYTES}, FlinkRunner from there on, and
   * FlinkRunner whenever runner options are passed through (such as {@code --flinkMaster host:port}
   * or {@code --parallelism=4}: they are meant for Flink, and the DirectRunner would ignore them).
   */
  static String choose(long csvBytes, boolean runnerOptionsGiven) {
    return csvBytes < SMALL_INPUT_BYTES && !runnerOptionsGiven ? DIRECT : FLINK;
  }

  /**
   * The bytes the batch will read: every {@code .csv} file (any letter case) directly in the
   * dataset folders of {@code input}, as {@link BatchCommand#listInputs} lists them
   * ({@code Long.MAX_VALUE} when a folder or file cannot be read).
   */
  static long inputBytes(Path input) {
    long total = 0;
    for (Dataset d : Dataset.values()) {
      Path dir = input.resolve(d.folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && !Files.isDirectory(p)) {
            total += Files.size(p);
          }
        }
      } catch (IOException e) {
        return Long.MAX_VALUE; // the batch itself reports what it cannot read
      }
    }
    return total;
  }
}
