package se.glappet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import se.glappet.ingest.Dataset;
import se.glappet.ingest.InputFile;
import se.glappet.ingest.RejectedRow;
import se.glappet.pipeline.BatchSpec;
import se.glappet.pipeline.GlappetPipeline;
import se.glappet.pipeline.MonthRange;
import se.glappet.publish.AnomalyFlags;
import se.glappet.publish.OutputFolder;
import se.glappet.publish.OutputTable;
import se.glappet.publish.ParquetFiles;
import se.glappet.publish.QualityReport;
import se.glappet.publish.RejectsFile;
import se.glappet.publish.RimExport;
import se.glappet.publish.RunStats;
import se.glappet.publish.WriteMonthFiles;
import se.glappet.reference.Municipalities;

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
    Args args;
    Config cfg;
    try {
      args = Args.parse(argv, OPTIONS, FLAGS, true);
      if (args.has("help")) {
        System.out.println(HELP);
        return 0;
      }
      cfg = Config.of(args);
    } catch (UsageException e) {
      System.err.println("glappet batch: " + e.getMessage());
      System.err.println("Run 'glappet batch --help' for the options.");
      return 2;
    }
    return new Run(cfg, args).execute();
  }

  /** Validated arguments. */
  static final class Config {
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

    static Config of(Args a) throws UsageException {
      Config c = new Config();
      c.input = Paths.get(a.require("input")).toAbsolutePath().normalize();
      c.output = Paths.get(a.require("output")).toAbsolutePath().normalize();
      if (!Files.isDirectory(c.input)) {
        throw new UsageException("the input folder " + c.input + " does not exist");
      }
      for (Dataset d : Dataset.values()) {
        if (d.requiredFolder && !Files.isDirectory(c.input.resolve(d.folder))) {
          throw new UsageException("the input folder lacks the folder " + d.folder
              + "/ (kis/, income-support/ and allowances/ must exist; they may be empty)");
        }
      }
      if (c.output.startsWith(c.input.resolve("kis")) || c.output.equals(c.input)) {
        throw new UsageException("the output folder must not be the input folder");
      }
      c.from = month(a.get("from"), "--from");
      c.to = month(a.get("to"), "--to");
      if (c.from != null && c.to != null && c.from.isAfter(c.to)) {
        throw new UsageException("--from " + c.from + " is after --to " + c.to);
      }
      c.runner = a.has("runner") ? a.get("runner") : defaultRunner(c.input, a.passThrough());
      if (!c.runner.matches("[A-Za-z0-9_.]+")) {
        throw new UsageException("--runner must be a runner name such as DirectRunner or FlinkRunner");
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
      c.beamArgs = a.passThrough();
      List<String> beamArgs = new ArrayList<>(c.beamArgs);
      beamArgs.add("--runner=" + c.runner);
      try {
        c.options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(new String[0])).create();
      } catch (IllegalArgumentException e) {
        throw new UsageException("bad option: " + e.getMessage().split("\n")[0]);
      }
      return c;
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

  /** One batch run. */
  static final class Run {
    final Config cfg;
    final Args args;
    final String runId;
    final Instant started = Instant.now();
    final Map<String, String> shownArgs = new LinkedHashMap<>();
    List<AnomalyFlags.Flag> anomalies = List.of();
    boolean publishing;

    Run(Config cfg, Args args) {
      this.cfg = cfg;
      this.args = args;
      this.runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
          + "-" + UUID.randomUUID().toString().substring(0, 6);
      shownArgs.putAll(args.values());
      shownArgs.put("runner", cfg.runner);
    }

    void say(String line) {
      if (!cfg.quiet) {
        System.out.println(line);
      }
    }

    int execute() {
      OutputFolder out;
      try {
        out = OutputFolder.open(cfg.output, runId);
      } catch (OutputFolder.LockedException e) {
        System.err.println("glappet batch: " + e.getMessage());
        return 1;
      } catch (IOException e) {
        System.err.println("glappet batch: cannot write to the output folder " + cfg.output + ": " + e.getMessage()
            + ". Check that it is writable and has free space; nothing was published.");
        return 1;
      }
      try (out) {
        return execute(out);
      }
    }

    int execute(OutputFolder out) {
      RunStats stats = null;
      List<RejectedRow> examples = new ArrayList<>();
      try {
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
        examples = firstRejects(rejects, 20);
        long rows = RunStats.datasets().stream().mapToLong(stats::rowsRead).sum();
        double secs = (System.nanoTime() - t0) / 1e9;
        say(String.format(Locale.ROOT, "  read %d rows in %.1f s (%.0f rows/s), rejected %d", rows, secs,
            rows / Math.max(secs, 1e-9), stats.rejectsByReason.values().stream()
                .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum()));

        if (stats.range.isEmpty()) {
          return fail(out, stats, examples, 1, "nothing to publish: no accepted income-support payment and no "
              + "--from/--to. Check the quality report, or give --from and --to.");
        }
        List<String> gate = new ArrayList<>();
        for (String d : RunStats.datasets()) {
          long read = stats.rowsRead(d);
          if (read > 0 && (double) stats.rejectedForGate(d) / read > cfg.maxRejectRate) {
            gate.add(String.format(Locale.ROOT, "%s: %d of %d rows rejected (%.1f%%)", d, stats.rejectedForGate(d),
                read, 100.0 * stats.rejectedForGate(d) / read));
          }
        }
        if (!gate.isEmpty()) {
          return fail(out, stats, examples, 3, "quality gate failed, above --max-reject-rate " + cfg.maxRejectRate
              + ": " + String.join("; ", gate) + ". Nothing was published. Read the quality report, fix or resend "
              + "the files, and run again.");
        }
        // Prepare everything in staging; until the first rename nothing is published.
        List<String> staged = completeStaging(out, stats);
        List<String[]> checksums = new ArrayList<>();
        stats.files.values().forEach(f -> checksums.add(new String[] {f.file, f.sha256}));
        staged.addAll(RimExport.stage(out.staging(), runId, stats.range.from, stats.range.to,
            stats.range.obsEnd().toString(), stats.range.months(), checksums));
        anomalies = AnomalyFlags.judge(AnomalyFlags.readHistory(out.root(), out.staging()), stats.range.months());
        for (AnomalyFlags.Flag f : anomalies) {
          if (!f.coldStart()) {
            say("  anomaly: " + f);
          }
        }
        String manifest = manifest(out, stats, staged);
        say("  publishing " + staged.size() + " files");
        publishing = true;
        for (String rel : staged) {
          out.publish(out.staging().resolve(rel), rel);
        }
        out.writeAtomically("manifest.json", manifest);
        publishing = false;
        Files.createDirectories(cfg.output.resolve("quality").resolve(runId));
        Files.writeString(cfg.output.resolve("quality").resolve(runId).resolve("manifest.json"), manifest);
        writeQuality(out, "PUBLISHED", null, stats, examples, staged, spec);
        try {
          renderDashboard(out);
        } catch (Exception e) {
          System.err.println("glappet batch: warning: the figures are published but the dashboard could not be "
              + "built (" + e.getMessage() + "); run 'glappet dashboard --output " + cfg.output + "' to retry.");
        }
        say("Published " + staged.size() + " files for " + stats.range.from + " to " + stats.range.to + " in "
            + cfg.output + " (manifest.json; quality report quality/" + runId + "/report.txt)");
        return 0;
      } catch (Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        String msg = se.glappet.privacy.IdentityNumbers.mask(String.valueOf(root.getMessage()));
        return fail(out, stats, examples, 1, "the batch failed: " + root.getClass().getSimpleName() + ": " + msg
            + (publishing ? ". Publishing was interrupted: some month files may already be replaced; run the same "
                + "command again to complete it."
                : ". Nothing was published; earlier outputs are untouched."));
      }
    }

    void runGraph(BatchSpec spec) {
      PipelineOptions options = cfg.options;
      Runners.tune(options);
      Pipeline p = Pipeline.create(options);
      GlappetPipeline.build(p, spec);
      PipelineResult result = p.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pipeline ended in state " + state);
      }
    }

    int fail(OutputFolder out, RunStats stats, List<RejectedRow> examples, int code, String message) {
      System.err.println("glappet batch: " + message);
      try {
        writeQuality(out, code == 3 ? "QUALITY GATE FAILED" : "FAILED", message, stats, examples, List.of(), null);
        System.err.println("Quality report: " + cfg.output.resolve("quality").resolve(runId).resolve("report.txt"));
      } catch (IOException e) {
        System.err.println("glappet batch: could not write the quality report either: " + e.getMessage());
      }
      return code;
    }

    /**
     * Gives every dataset a staged file for every month, empty when it has no rows (so that a
     * re-run replaces stale rows of a month that no longer has any); returns the staged paths.
     */
    List<String> completeStaging(OutputFolder out, RunStats stats) throws IOException {
      List<String> staged = new ArrayList<>();
      for (OutputTable t : OutputTable.values()) {
        for (YearMonth m : stats.range.months()) {
          Path f = WriteMonthFiles.monthFile(out.staging(), t, m.toString());
          if (!Files.exists(f)) {
            ParquetFiles.write(f, t, List.of());
          }
          staged.add(t.datasetName + "/" + m + ".parquet");
        }
      }
      return staged;
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
          cfg.maxRejectRate, examples, published) + (published.isEmpty() ? "" : QualityReport.anomalies(anomalies)));
    }

    String manifest(OutputFolder out, RunStats stats, List<String> published) throws IOException {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode m = json.createObjectNode();
      m.put("run_id", runId);
      m.put("version", VERSION);
      ObjectNode a = m.putObject("arguments");
      shownArgs.forEach(a::put);
      m.put("runner", cfg.runner);
      m.put("from", stats.range.from.toString());
      m.put("to", stats.range.to.toString());
      m.put("obs_end", stats.range.obsEnd().toString());
      m.put("started", started.toString());
      m.put("finished", Instant.now().toString());
      ArrayNode inputs = m.putArray("inputs");
      for (RunStats.FileStat f : stats.files.values()) {
        ObjectNode n = inputs.addObject();
        n.put("path", f.file);
        n.put("dataset", f.dataset);
        n.put("bytes", f.bytes);
        n.put("sha256", f.sha256);
        n.put("encoding", f.encoding);
        n.put("separator", f.separator);
        n.put("rows_read", f.rowsRead);
        n.put("accepted", f.accepted());
        n.put("rejected", f.rejected);
        ArrayNode u = n.putArray("unknown_columns");
        f.unknownColumns.forEach(u::add);
      }
      ArrayNode outputs = m.putArray("outputs");
      for (String rel : published) {
        ObjectNode n = outputs.addObject();
        n.put("path", rel);
        if (rel.endsWith(".parquet")) {
          n.put("rows", stats.rowsWritten.getOrDefault(rel, 0L));
        }
        n.put("sha256", OutputFolder.sha256(out.staging().resolve(rel)));
      }
      ObjectNode ds = m.putObject("datasets");
      for (String d : RunStats.datasets()) {
        ObjectNode n = ds.putObject(d);
        n.put("rows_read", stats.rowsRead(d));
        n.put("accepted", stats.rowsRead(d) - stats.rejected(d));
        n.put("rejected", stats.rejected(d));
      }
      ObjectNode rej = m.putObject("rejected_by_reason");
      stats.rejectsByReason.forEach((d, reasons) -> {
        ObjectNode n = rej.putObject(d);
        reasons.forEach(n::put);
      });
      ObjectNode sup = m.putObject("cells_suppressed");
      long total = 0;
      for (OutputTable t : OutputTable.values()) {
        long n = stats.suppressedCells.getOrDefault(t.datasetName, 0L);
        sup.put(t.datasetName, n);
        total += n;
      }
      sup.put("total", total);
      putNonResponse(m, stats);
      ArrayNode an = m.putArray("anomalies");
      ArrayNode cold = m.putArray("anomaly_cold_start");
      for (AnomalyFlags.Flag f : anomalies) {
        if (f.coldStart()) {
          cold.add(f.municipality + " " + f.period);
        } else {
          ObjectNode n = an.addObject();
          n.put("municipality_code", f.municipality);
          n.put("period", f.period.toString());
          n.put("measure", f.measure);
          n.put("value", f.value);
          n.put("baseline_median", f.baseline);
          n.put("description", f.toString());
        }
      }
      m.put("quality_report", "quality/" + runId + "/report.txt");
      return json.writeValueAsString(m) + "\n";
    }

    /**
     * {@code non_response}: every municipality in the batch and month of the run that did not report
     * (contract section 4), as {@code {"municipality_code", "period"}}, by period then code.
     */
    static void putNonResponse(ObjectNode manifest, RunStats stats) {
      ArrayNode list = manifest.putArray("non_response");
      for (RunStats.NonResponse n : stats.nonResponse) {
        ObjectNode o = list.addObject();
        o.put("municipality_code", n.municipalityCode);
        o.put("period", n.period.toString());
      }
    }

    void renderDashboard(OutputFolder out) throws IOException {
      Dashboards.render(out.root(), cfg.municipalities);
    }
  }

  /** Every {@code .csv} file (any letter case) directly in the dataset folders; subfolders are not read. */
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
        files.add(new InputFile(d, d.folder + "/" + p.getFileName(), p.toAbsolutePath().toString()));
      }
    }
    return files;
  }

  static List<RejectedRow> firstRejects(Path parquet, int n) throws IOException {
    List<RejectedRow> out = new ArrayList<>();
    try (ParquetReader<org.apache.avro.generic.GenericRecord> r = AvroParquetReader
        .<org.apache.avro.generic.GenericRecord>builder(new se.glappet.publish.NioInputFile(parquet))
        .build()) {
      org.apache.avro.generic.GenericRecord g;
      while (out.size() < n && (g = r.read()) != null) {
        out.add(new RejectedRow(g.get("dataset").toString(), g.get("file").toString(),
            (int) (long) (Long) g.get("line"), se.glappet.ingest.RejectReason.valueOf(g.get("reason").toString()),
            g.get("column") == null ? null : g.get("column").toString(), g.get("message").toString(),
            g.get("raw_line").toString()));
      }
    }
    return out;
  }
}
