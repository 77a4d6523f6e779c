package se.glappet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import se.glappet.ingest.Dataset;
import se.glappet.ingest.InputFile;
import se.glappet.ingest.RejectedRow;
import se.glappet.pipeline.BatchSpec;
import se.glappet.pipeline.GlappetPipeline;
import se.glappet.publish.AnomalyFlags;
import se.glappet.publish.InputWarnings;
import se.glappet.publish.Manifest;
import se.glappet.publish.OutputFolder;
import se.glappet.model.OutputTable;
import se.glappet.publish.PublicationJournal;
import se.glappet.publish.PublishedFolder;
import se.glappet.publish.QualityGate;
import se.glappet.publish.QualityReport;
import se.glappet.publish.RejectsFile;
import se.glappet.publish.Revisions;
import se.glappet.publish.RimExport;
import se.glappet.publish.RunStats;
import se.glappet.publish.WriteMonthFiles;

/**
 * {@code glappet batch}: reads the input folder, runs the graph into a staging folder, checks the
 * quality gate, then publishes every month file atomically, the manifest and the quality report.
 */
public final class BatchCommand {
  public static final String VERSION = "0.1.0";
  static final Set<String> OPTIONS = Set.of("input", "output", "from", "to", "runner", "max-reject-rate", "reference");
  static final Set<String> FLAGS = Set.of("help", "quiet");

  static final String HELP = String.join("\n",
      "Usage: glappet batch --input DIR --output DIR [--from YYYY-MM] [--to YYYY-MM]",
      "                     [--runner DirectRunner|FlinkRunner] [--max-reject-rate 0.05]",
      "                     [--reference DIR] [--quiet] [runner options, e.g. --flinkMaster host:port]",
      "",
      "Reads DIR/kis, DIR/income-support, DIR/allowances (and DIR/population if present), and publishes",
      "one Parquet file per dataset and month in [--from, --to] under the output folder, a manifest,",
      "a quality report (OUT/quality/<run id>/) and the dashboard (OUT/dashboard/index.html).",
      "",
      "  --from, --to         months to publish (default: first to last month with an accepted payment)",
      "  --runner             Beam runner: FlinkRunner (an embedded Flink in this process, or a cluster with",
      "                       --flinkMaster host:port) or DirectRunner (in this process, no cluster). Default:",
      "                       DirectRunner when the input folder has fewer than " + RunnerChoice.SMALL_INPUT_BYTES / 1000 + " kB of .csv files",
      "                       and no runner options are given (it starts sooner), else FlinkRunner",
      "  --max-reject-rate    largest share of rejected rows per dataset, DUPLICATE_ROW not counted",
      "  --reference DIR      read DIR/municipalities.csv instead of the shipped list",
      "  --quiet              print only errors and the final summary",
      "",
      "Exit codes: 0 published; 2 usage error; 3 quality gate failed (nothing published);",
      "1 any other failure (nothing published). Earlier outputs are untouched on every failure.");

  private BatchCommand() {}

  /**
   * The runner when {@code --runner} is not given: the system property {@code glappet.defaultRunner}
   * when set (the tests' surefire configuration sets DirectRunner), else chosen by the input's size
   * ({@link RunnerChoice}): the DirectRunner in this process for an input of fewer than
   * {@link RunnerChoice#SMALL_INPUT_BYTES} bytes of {@code .csv} files, which needs no Flink start-up,
   * the embedded Flink for anything larger (the DirectRunner's per-row cost is about ten times
   * Flink's). Runner options passed through (such as {@code --flinkMaster}) keep the FlinkRunner.
   */
  static String defaultRunner(Path input, List<String> runnerOptions) {
    String forced = System.getProperty("glappet.defaultRunner");
    return forced != null ? forced : RunnerChoice.choose(RunnerChoice.inputBytes(input), !runnerOptions.isEmpty());
  }

  public static int run(String[] argv) {
    return run(argv, flink -> { });
  }

  /**
   * The batch, handing {@code seen} the run's pre-started embedded Flink ({@link EmbeddedFlink};
   * null when the run does not use one) before the run starts: for the tests.
   */
  static int run(String[] argv, java.util.function.Consumer<EmbeddedFlink> seen) {
    Args args;
    BatchConfig cfg;
    try {
      args = Args.parse(argv, OPTIONS, FLAGS, true);
      if (args.has("help")) {
        System.out.println(HELP);
        return 0;
      }
      cfg = BatchConfig.of(args);
      Warmup.argumentsAccepted();
    } catch (UsageException e) {
      System.err.println("glappet batch: " + e.getMessage() + ". Run 'glappet batch --help' for the options.");
      return 2;
    }
    // The embedded Flink's cluster starts now, in the background, and is shut down at the end.
    try (EmbeddedFlink flink = EmbeddedFlink.prestart(cfg.options)) {
      seen.accept(flink);
      return new Run(cfg, args).execute();
    }
  }

  /** One batch run. */
  static final class Run {
    final BatchConfig cfg;
    final Args args;
    final String runId;
    final Instant started = Instant.now();
    final Map<String, String> shownArgs = new LinkedHashMap<>();
    List<AnomalyFlags.Flag> anomalies = List.of();
    /** Warnings of this run: printed (also with --quiet) and listed in the quality report. */
    final List<String> warnings = new ArrayList<>();
    boolean publishing;
    Revisions.Result revisions;
    Map<String, PublishedFolder.MonthFile> monthIndex;
    /** Set once the run statistics are read; null when the run failed before. */
    RunStats stats;
    /** The first rejected rows, for the quality report. */
    List<RejectedRow> examples = new ArrayList<>();
    /** The manifest's text, once staged. */
    String manifestJson;

    Run(BatchConfig cfg, Args args) {
      this.cfg = cfg;
      this.args = args;
      this.runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
          + "-" + UUID.randomUUID().toString().substring(0, 6);
      args.values().forEach((k, v) -> shownArgs.put(k, se.glappet.privacy.IdentityNumbers.mask(v)));
      shownArgs.put("runner", cfg.runner);
    }

    void say(String line) {
      if (!cfg.quiet) {
        System.out.println(line);
      }
    }

    /** One warning line on stderr, also with --quiet, and in the quality report. */
    void warn(String line) {
      warnings.add(line);
      System.err.println("glappet batch: warning: " + line);
    }

    int execute() {
      OutputFolder out;
      try {
        out = OutputFolder.open(cfg.output, runId);
      } catch (OutputFolder.LockedException | PublicationJournal.InconsistentException e) {
        System.err.println("glappet batch: " + e.getMessage());
        return 1;
      } catch (IOException e) {
        System.err.println("glappet batch: cannot write to the output folder " + cfg.output + " (" + reason(e)
            + "). Check that it is writable and has free space; nothing was published.");
        return 1;
      }
      for (String note : out.notes()) {
        System.err.println("glappet batch: " + note);
      }
      try (out) {
        return execute(out);
      }
    }

    /**
     * The steps of contract sections 1 and 4.7 in the opened output folder: read the inputs through
     * the graph into staging, check the quality gate, complete the staging, publish it with the
     * journal, then write the quality report and the dashboard.
     */
    int execute(OutputFolder out) {
      try {
        BatchSpec spec = readInputs(out);
        if (stats.range.isEmpty()) {
          return fail(out, stats, examples, 1, "nothing to publish: no accepted income-support payment and no "
              + "--from/--to. Check the quality report, or give --from and --to.");
        }
        QualityGate.Verdict gate = QualityGate.judge(stats, cfg.maxRejectRate);
        if (!gate.passed()) {
          return fail(out, stats, examples, 3, gate.message());
        }
        List<String> staged = stage(out);
        publish(out, staged);
        report(out, staged, spec);
        return 0;
      } catch (InputProblem e) {
        return fail(out, stats, examples, 1, e.getMessage() + ". Nothing was published; earlier outputs are untouched.");
      } catch (Exception e) {
        if (Glappet.debugging()) {
          e.printStackTrace();
        }
        return fail(out, stats, examples, 1, "the batch failed: " + failure(e)
            + (publishing && PublicationJournal.pending(cfg.output) ? ". Publishing was interrupted: some files may already be replaced; the next batch, or "
                + "'glappet verify --output " + cfg.output + "', completes it from the journal " + PublicationJournal.FILE
                + "."
                : ". Nothing was published; earlier outputs are untouched."));
      }
    }

    /**
     * Lists the input files, runs the graph into staging, and reads back the run statistics and the
     * first rejected rows; prints the rows read and the warnings about the inputs.
     */
    BatchSpec readInputs(OutputFolder out) throws IOException {
      List<InputFile> files = listInputs(cfg.input);
      say("glappet batch " + runId + ": " + files.size() + " input files, runner " + cfg.runner);
      BatchSpec spec = new BatchSpec(files, cfg.municipalities, cfg.from, cfg.to, out.staging().toString());
      long t0 = System.nanoTime();
      runGraph(spec);
      stats = RunStats.read(Paths.get(spec.statsFile()));
      Path rejects = Paths.get(spec.rejectsFile());
      if (!Files.exists(rejects)) {
        RejectsFile.write(rejects, new ArrayList<>());
      }
      examples = RejectsFile.first(rejects, 20);
      long rows = RunStats.datasets().stream().mapToLong(stats::rowsRead).sum();
      double secs = (System.nanoTime() - t0) / 1e9;
      say(String.format(Locale.ROOT, "  read %d rows in %.1f s (%.0f rows/s), rejected %d", rows, secs,
          rows / Math.max(secs, 1e-9), stats.rejectsByReason.values().stream()
              .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum()));
      InputWarnings.of(stats).forEach(this::warn);
      return spec;
    }

    /**
     * Prepares everything in staging (until the first rename nothing is published): a file for
     * every dataset and month, the RIM export, the anomalies, the revisions and the manifest.
     * Returns the staged files to publish, the manifest not included.
     */
    List<String> stage(OutputFolder out) throws IOException {
      List<String> staged = WriteMonthFiles.completeStaging(out.staging(), stats.range.months());
      List<String[]> checksums = new ArrayList<>();
      stats.files.values().forEach(f -> checksums.add(new String[] {f.file, f.sha256}));
      staged.addAll(RimExport.stage(out.staging(), runId, stats.range.from, stats.range.to,
          stats.range.obsEnd().toString(), stats.range.months(), checksums));
      List<String> historyWarnings = new ArrayList<>();
      anomalies = AnomalyFlags.judge(AnomalyFlags.readHistory(historyWarnings, out.root(), out.staging()),
          stats.range.months());
      for (String w : historyWarnings) {
        if (staged.stream().noneMatch(rel -> w.startsWith("cannot read " + out.root().resolve(rel) + " "))) {
          System.err.println("glappet batch: warning: " + w); // files this run replaces are the revisions' matter
        }
      }
      for (AnomalyFlags.Flag f : anomalies) {
        if (!f.coldStart()) {
          say("  anomaly: " + f);
        }
      }
      stageRevisions(out, stats, staged);
      manifestJson = manifest(out, stats, staged);
      Files.writeString(out.staging().resolve("manifest.json"), manifestJson);
      return staged;
    }

    /** Moves the staged files into place through the publication journal, the manifest last. */
    void publish(OutputFolder out, List<String> staged) throws IOException {
      say("  publishing " + staged.size() + " files");
      publishing = true;
      List<String> journaled = new ArrayList<>(staged);
      journaled.add("manifest.json"); // last: a manifest in place means every file it names is in place
      PublicationJournal.publish(out, runId, journaled);
      publishing = false;
    }

    /** The quality report of a published run (with a copy of its manifest), the dashboard, and the last line. */
    void report(OutputFolder out, List<String> staged, BatchSpec spec) throws IOException {
      Files.createDirectories(cfg.output.resolve("quality").resolve(runId));
      Files.writeString(cfg.output.resolve("quality").resolve(runId).resolve("manifest.json"), manifestJson);
      writeQuality(out, "PUBLISHED", null, stats, examples, staged, spec);
      Files.writeString(cfg.output.resolve("quality").resolve(runId).resolve("report.txt"),
          QualityReport.revisions(revisions), java.nio.file.StandardOpenOption.APPEND);
      try {
        renderDashboard(out);
      } catch (Exception e) {
        System.err.println("glappet batch: warning: the figures are published but the dashboard could not be "
            + "built (" + e.getMessage() + "); run 'glappet dashboard --output " + cfg.output + "' to retry.");
      }
      System.out.println("Published " + staged.size() + " files for " + stats.range.from + " to " + stats.range.to + " in "
          + cfg.output + " (manifest.json; quality report quality/" + runId + "/report.txt)");
    }

    void runGraph(BatchSpec spec) {
      PipelineOptions options = cfg.options;
      Runners.tune(options);
      Pipeline p = Pipeline.create(options);
      GlappetPipeline.build(p, spec);
      Warmup.generateInvokers(p, Runners.runsInThisProcess(options));
      PipelineResult result = p.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pipeline ended in state " + state);
      }
    }

    /** One line on stderr: what failed, what to do, and where the quality report is. */
    int fail(OutputFolder out, RunStats stats, List<RejectedRow> examples, int code, String message) {
      String where;
      try {
        writeQuality(out, code == 3 ? "QUALITY GATE FAILED" : "FAILED", message, stats, examples, List.of(), null);
        where = " Quality report: " + cfg.output.resolve("quality").resolve(runId).resolve("report.txt");
      } catch (IOException e) {
        where = " (The quality report could not be written either: " + reason(e) + ".)";
      }
      System.err.println("glappet batch: " + message + where);
      return code;
    }

    /**
     * What failed, in one line: the message of the deepest exception Glappet's own code threw (it
     * names the file, masked), else the root cause's.
     */
    static String failure(Throwable e) {
      Throwable root = e;
      Throwable ours = null;
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        root = t;
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0 && st[0].getClassName().startsWith("se.glappet.")) {
          ours = t;
        }
      }
      Throwable shown = ours != null && ours.getMessage() != null ? ours : root;
      String msg = shown == ours && !(shown instanceof RuntimeException) && shown.getMessage() != null
          ? shown.getMessage()
          : shown.getClass().getSimpleName() + ": " + shown.getMessage();
      return se.glappet.privacy.IdentityNumbers.mask(msg);
    }

    /**
     * Compares every month file this run replaces with the one in place (contract section 4.8),
     * stages {@code revisions/<run id>.parquet} (added to {@code staged}) and this run's index of
     * month files (the previous manifest's, carried forward, with this run's files).
     */
    void stageRevisions(OutputFolder out, RunStats stats, List<String> staged) throws IOException {
      JsonNode previous = PublishedFolder.manifest(out.root());
      String previousRunId = previous == null ? null : previous.path("run_id").asText(null);
      Map<String, PublishedFolder.MonthFile> index = PublishedFolder.index(previous);
      List<Revisions.Replaced> replaced = new ArrayList<>();
      for (OutputTable t : OutputTable.values()) {
        for (YearMonth m : stats.range.months()) {
          String rel = t.monthFile(m.toString());
          Path old = out.root().resolve(rel);
          if (Files.exists(old)) {
            PublishedFolder.MonthFile by = index.get(rel);
            replaced.add(new Revisions.Replaced(t, m.toString(), old, out.staging().resolve(rel),
                by != null && by.runId != null ? by.runId : previousRunId));
          }
        }
      }
      long t0 = System.nanoTime();
      revisions = Revisions.write(out.staging(), runId, previousRunId, replaced);
      if (!replaced.isEmpty()) {
        say(String.format(Locale.ROOT, "  revisions: compared %d replaced month files in %.1f s, %d differences",
            replaced.size(), (System.nanoTime() - t0) / 1e9, revisions.rows));
      }
      for (String w : revisions.warnings) {
        System.err.println("glappet batch: warning: " + w);
      }
      staged.add(revisions.file);
      for (String rel : staged) {
        if (PublishedFolder.isMonthFile(rel)) {
          index.put(rel, new PublishedFolder.MonthFile(runId, out.stagedSha256(rel),
              stats.rowsWritten.getOrDefault(rel, 0L)));
        }
      }
      monthIndex = index;
    }

    void writeQuality(OutputFolder out, String status, String detail, RunStats stats, List<RejectedRow> examples,
        List<String> published, BatchSpec spec) throws IOException {
      Path dir = cfg.output.resolve("quality").resolve(runId);
      Files.createDirectories(dir);
      Path staged = out.staging().resolve("rejected.parquet");
      if (Files.exists(staged)) {
        Files.move(staged, dir.resolve("rejected.parquet"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } else if (!Files.exists(dir.resolve("rejected.parquet"))) {
        RejectsFile.write(dir.resolve("rejected.parquet"), new ArrayList<>());
      }
      Files.writeString(dir.resolve("report.txt"), QualityReport.render(runId, status, detail, shownArgs, stats,
          cfg.maxRejectRate, examples, published) + (published.isEmpty() ? "" : QualityReport.anomalies(anomalies))
          + QualityReport.warnings(warnings));
    }

    String manifest(OutputFolder out, RunStats stats, List<String> published) throws IOException {
      return new Manifest(runId, VERSION, started).arguments(shownArgs).runner(cfg.runner).stats(stats)
          .outputs(Manifest.staged(out, published, stats)).anomalies(anomalies).revisions(revisions)
          .monthIndex(monthIndex).json(Instant.now());
    }

    void renderDashboard(OutputFolder out) throws IOException {
      Dashboards.render(out.root(), cfg.municipalities);
    }
  }

  /** An entry of the input folder that cannot be read: the run stops, naming it (exit 1). */
  static final class InputProblem extends IOException {
    private static final long serialVersionUID = 1L;

    InputProblem(String message) {
      super(message);
    }
  }

  /**
   * Every {@code .csv} entry (any letter case) directly in the dataset folders; subfolders (and links
   * to folders) are not read. Each must be a readable regular file, or a link to one: a named pipe,
   * a dangling or looping link, a socket or a device stops the run with one line naming it, before
   * anything is read (a pipe would otherwise block the batch while it holds the lock).
   */
  static List<InputFile> listInputs(Path input) throws IOException {
    List<InputFile> files = new ArrayList<>();
    for (Dataset d : Dataset.values()) {
      Path dir = input.resolve(d.folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> found = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && !Files.isDirectory(p)) {
            found.add(p);
          }
        }
      }
      found.sort(null);
      for (Path p : found) {
        String rel = d.folder + "/" + p.getFileName();
        checkReadable(p, se.glappet.privacy.IdentityNumbers.mask(rel));
        files.add(new InputFile(d, rel, p.toAbsolutePath().toString()));
      }
    }
    return files;
  }

  static void checkReadable(Path p, String shown) throws InputProblem {
    String what = null;
    if (Files.isSymbolicLink(p)) {
      try {
        p.toRealPath();
      } catch (java.nio.file.NoSuchFileException e) {
        what = "a link whose target does not exist";
      } catch (IOException e) {
        what = "a link that cannot be followed (it loops back to itself)";
      }
    }
    if (what == null && !Files.isRegularFile(p)) {
      what = "a " + specialKind(p);
    }
    if (what != null) {
      throw new InputProblem(shown + " is not a regular file but " + what + "; Glappet reads only regular .csv "
          + "files: replace it with the file itself or move it out of the input folder");
    }
    if (!Files.isReadable(p)) {
      throw new InputProblem(shown + " cannot be read (no permission); give the batch read access to it or move "
          + "it out of the input folder");
    }
  }

  /** "named pipe", "socket", "device" or "special file", from the Unix file mode when there is one. */
  static String specialKind(Path p) {
    try {
      int type = ((Integer) Files.getAttribute(p, "unix:mode")) & 0170000;
      switch (type) {
        case 0010000:
          return "named pipe";
        case 0140000:
          return "socket";
        case 0020000:
        case 0060000:
          return "device";
        default:
          return "special file";
      }
    } catch (IOException | RuntimeException e) {
      return "special file";
    }
  }

  /** An I/O error's cause in words, without repeating the path it names. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return e.getMessage() + " exists and is not a folder";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return e.getMessage() + " does not exist";
    }
    if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
      return ((java.nio.file.FileSystemException) e).getReason();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
