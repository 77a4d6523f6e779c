package se.glappet.publish;

import se.glappet.model.OutputTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} (contract sections 4, 4.7 and 4.8), built from one run's facts: its id and
 * arguments, the run statistics, the files it publishes, the anomalies, the revisions and the index
 * of month files. The keys come in a fixed order; the text is indented JSON ending in a newline.
 */
public final class Manifest {
  /** One published file: its path under the output folder, its rows (Parquet files only) and checksum. */
  public static final class Output {
    public final String path;
    /** Null for a file that is not Parquet. */
    public final Long rows;
    public final String sha256;

    public Output(String path, Long rows, String sha256) {
      this.path = path;
      this.rows = rows;
      this.sha256 = sha256;
    }
  }

  private final String runId;
  private final String version;
  private final Instant started;
  private Map<String, String> arguments = new LinkedHashMap<>();
  private String runner;
  private RunStats stats;
  private List<Output> outputs = List.of();
  private List<AnomalyFlags.Flag> anomalies = List.of();
  private Revisions.Result revisions;
  private Map<String, PublishedFolder.MonthFile> monthIndex;

  public Manifest(String runId, String version, Instant started) {
    this.runId = runId;
    this.version = version;
    this.started = started;
  }

  /** The arguments as shown (identity numbers masked), in the order given. */
  public Manifest arguments(Map<String, String> shown) {
    this.arguments = new LinkedHashMap<>(shown);
    return this;
  }

  public Manifest runner(String runner) {
    this.runner = runner;
    return this;
  }

  public Manifest stats(RunStats stats) {
    this.stats = stats;
    return this;
  }

  public Manifest outputs(List<Output> outputs) {
    this.outputs = List.copyOf(outputs);
    return this;
  }

  public Manifest anomalies(List<AnomalyFlags.Flag> anomalies) {
    this.anomalies = List.copyOf(anomalies);
    return this;
  }

  /** The {@code revisions} key is written only when this is set. */
  public Manifest revisions(Revisions.Result revisions) {
    this.revisions = revisions;
    return this;
  }

  /** The index of month files ({@link PublishedFolder#INDEX_KEY}) is written only when this is set. */
  public Manifest monthIndex(Map<String, PublishedFolder.MonthFile> monthIndex) {
    this.monthIndex = monthIndex;
    return this;
  }

  /**
   * Every staged file in {@code published} as an output of the manifest: its rows from the run
   * statistics (0 when none were counted), its checksum from the staged file.
   */
  public static List<Output> staged(OutputFolder folder, List<String> published, RunStats stats) throws IOException {
    List<Output> out = new ArrayList<>();
    for (String rel : published) {
      out.add(new Output(rel, rel.endsWith(".parquet") ? stats.rowsWritten.getOrDefault(rel, 0L) : null,
          folder.stagedSha256(rel)));
    }
    return out;
  }

  /** The manifest's text, finished at {@code finished}. */
  public String json(Instant finished) throws JsonProcessingException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode m = json.createObjectNode();
    m.put("run_id", runId);
    m.put("version", version);
    ObjectNode a = m.putObject("arguments");
    arguments.forEach(a::put);
    m.put("runner", runner);
    m.put("from", stats.range.from.toString());
    m.put("to", stats.range.to.toString());
    m.put("obs_end", stats.range.obsEnd().toString());
    m.put("started", started.toString());
    m.put("finished", finished.toString());
    putInputs(m);
    ArrayNode outs = m.putArray("outputs");
    for (Output o : outputs) {
      ObjectNode n = outs.addObject();
      n.put("path", o.path);
      if (o.rows != null) {
        n.put("rows", o.rows);
      }
      n.put("sha256", o.sha256);
    }
    putDatasets(m);
    putNonResponse(m, stats);
    putAnomalies(m);
    if (revisions != null) {
      m.set("revisions", revisionsJson(m));
    }
    if (monthIndex != null) {
      PublishedFolder.putIndex(m, monthIndex);
    }
    m.put("quality_report", "quality/" + runId + "/report.txt");
    return json.writeValueAsString(m) + "\n";
  }

  private void putInputs(ObjectNode m) {
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
  }

  /** {@code datasets}, {@code rejected_by_reason} and {@code cells_suppressed}. */
  private void putDatasets(ObjectNode m) {
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

  /** {@code anomalies} (the flags) and {@code anomaly_cold_start} (municipality and month without a baseline). */
  private void putAnomalies(ObjectNode m) {
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
  }

  /** The manifest's {@code revisions} key (contract section 4.8). */
  private ObjectNode revisionsJson(ObjectNode m) {
    ObjectNode r = m.objectNode();
    r.put("file", revisions.file);
    r.put("previous_run_id", revisions.previousRunId);
    r.put("rows", revisions.rows);
    ObjectNode by = r.putObject("by_dataset");
    revisions.byDataset.forEach((d, months) -> {
      ObjectNode dn = by.putObject(d);
      months.forEach((period, c) -> {
        ObjectNode n = dn.putObject(period);
        n.put("changed_cells", c.changedCells);
        n.put("added_rows", c.addedRows);
        n.put("removed_rows", c.removedRows);
        if (c.unreadable != null) {
          n.put("previous_unreadable", c.unreadable);
        }
      });
    });
    return r;
  }
}
