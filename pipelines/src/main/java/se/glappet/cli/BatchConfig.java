package se.glappet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import se.glappet.ingest.Dataset;
import se.glappet.reference.Municipalities;

/**
 * The validated arguments of {@code glappet batch} (contract section 1): every check that ends a
 * run with exit code 2 before anything is opened.
 */
final class BatchConfig {
  Path input;
  Path output;
  YearMonth from;
  YearMonth to;
  String runner;
  double maxRejectRate;
  Municipalities municipalities;
  boolean quiet;
  List<String> beamArgs;
  PipelineOptions options;

  static BatchConfig of(Args a) throws UsageException {
    BatchConfig c = new BatchConfig();
    // Options first: a misspelt --input is named as such, not reported as a missing --input. The
    // default runner depends on the input's size, so until the input is checked the options are
    // checked against the FlinkRunner's. Without options to check (no --runner, nothing passed
    // through) Beam's options are made once, below, for the runner chosen by the input's size
    // (a 2-row run does not load the FlinkRunner's classes).
    c.runner = a.has("runner") ? a.get("runner") : "FlinkRunner";
    if (!c.runner.matches("[A-Za-z0-9_.]+")) {
      throw new UsageException("--runner must be a runner name such as DirectRunner or FlinkRunner");
    }
    c.beamArgs = a.passThrough();
    if (a.has("runner") || !c.beamArgs.isEmpty()) {
      c.options = beamOptions(c.beamArgs, c.runner);
    }
    c.input = Paths.get(a.require("input")).toAbsolutePath().normalize();
    c.output = Paths.get(a.require("output")).toAbsolutePath().normalize();
    if (Files.exists(c.input) && !Files.isDirectory(c.input)) {
      throw new UsageException("the input " + c.input + " is a file, not a folder: give the folder that holds "
          + "kis/, income-support/ and allowances/");
    }
    if (!Files.isDirectory(c.input)) {
      throw new UsageException("the input folder " + c.input + " does not exist");
    }
    for (Dataset d : Dataset.values()) {
      if (d.requiredFolder && !Files.isDirectory(c.input.resolve(d.folder))) {
        throw new UsageException("the input folder lacks the folder " + d.folder
            + "/ (kis/, income-support/ and allowances/ must exist; they may be empty)");
      }
    }
    checkOutput(c.input, c.output);
    if (!a.has("runner")) {
      c.runner = BatchCommand.defaultRunner(c.input, c.beamArgs);
      c.options = beamOptions(c.beamArgs, c.runner);
    }
    c.from = month(a.get("from"), "--from");
    c.to = month(a.get("to"), "--to");
    if (c.from != null && c.to != null && c.from.isAfter(c.to)) {
      throw new UsageException("--from " + c.from + " is after --to " + c.to);
    }
    try {
      c.maxRejectRate = Double.parseDouble(a.get("max-reject-rate", "0.05"));
    } catch (NumberFormatException e) {
      throw new UsageException("--max-reject-rate must be a number between 0 and 1");
    }
    if (!(c.maxRejectRate >= 0 && c.maxRejectRate <= 1)) {
      throw new UsageException("--max-reject-rate must be a number between 0 and 1");
    }
    if (a.has("reference")) {
      Path ref = Paths.get(a.get("reference"));
      try {
        c.municipalities = Municipalities.fromDirectory(ref);
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException("cannot read the reference list " + ref.resolve("municipalities.csv")
            + ": " + e.getMessage());
      }
    } else {
      c.municipalities = Municipalities.shipped();
    }
    c.quiet = a.has("quiet");
    return c;
  }

  /**
   * The options Glappet does not know go to Beam, which knows the runners' options
   * ({@code --flinkMaster}, {@code --parallelism}, ...); one neither knows is an unknown option.
   */
  static PipelineOptions beamOptions(List<String> passThrough, String runner) throws UsageException {
    List<String> beamArgs = new ArrayList<>(passThrough);
    beamArgs.add("--runner=" + runner);
    BeamOptionsRegistry.forRunner(runner);
    try {
      return PipelineOptionsFactory.fromArgs(beamArgs.toArray(new String[0])).create();
    } catch (IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("missing a property named '([^']+)'").matcher(msg);
      if (m.find()) {
        String other = BeamOptionsRegistry.runnerWithOption(m.group(1));
        if (other != null && BeamOptionsRegistry.runnerOptions(runner) != null) {
          throw new UsageException("--" + m.group(1) + " is an option of the " + other + ", not of the " + runner);
        }
        throw new UsageException(Args.unknown(m.group(1), BatchCommand.OPTIONS, BatchCommand.FLAGS));
      }
      throw new UsageException("bad option: " + msg.split("\n")[0]);
    }
  }

  /**
   * The output must be a folder (or not exist yet, below folders), and one rule keeps it apart
   * from the input: with links followed, it may be neither inside the input folder nor contain it.
   */
  static void checkOutput(Path input, Path output) throws UsageException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new UsageException("the output " + output + " is a file, not a folder: give a folder (it is created "
          + "if missing)");
    }
    for (Path p = output.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new UsageException("the output folder " + output + " cannot be created: " + p
            + " is a file, not a folder");
      }
    }
    Path realInput;
    Path realOutput;
    try {
      realInput = input.toRealPath();
      realOutput = resolved(output);
    } catch (IOException e) {
      throw new UsageException("cannot resolve the input or output folder: " + e.getMessage());
    }
    if (realOutput.startsWith(realInput) || realInput.startsWith(realOutput)) {
      throw new UsageException("the output folder must not be inside the input folder nor contain it (output "
          + output + (realOutput.equals(output) ? "" : ", that is " + realOutput) + "; input " + realInput
          + "): choose a folder outside the input");
    }
  }

  /** The path with links followed as far as it exists, the rest appended. */
  static Path resolved(Path path) throws IOException {
    Path existing = path.toAbsolutePath();
    java.util.Deque<Path> rest = new java.util.ArrayDeque<>();
    while (existing != null && !Files.exists(existing)) {
      rest.push(existing.getFileName());
      existing = existing.getParent();
    }
    Path real = existing == null ? path.toAbsolutePath().getRoot() : existing.toRealPath();
    for (Path name : rest) {
      real = real.resolve(name);
    }
    return real.normalize();
  }

  static YearMonth month(String v, String name) throws UsageException {
    if (v == null) {
      return null;
    }
    try {
      if (!v.matches("[0-9]{4}-[0-9]{2}")) {
        throw new DateTimeParseException("", v, 0);
      }
      return YearMonth.parse(v);
    } catch (DateTimeParseException e) {
      throw new UsageException(name + " must be a month YYYY-MM, not '" + v + "'");
    }
  }
}
