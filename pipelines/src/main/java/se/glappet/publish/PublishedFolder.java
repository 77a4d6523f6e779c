package se.glappet.publish;

import se.glappet.model.OutputTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the manifest says stands in OUT, and whether it does: the index of month files (which run
 * published each month file now in place, with its SHA-256, carried from manifest to manifest) and
 * the check behind {@code glappet verify} and the dashboard's refusal.
 */
public final class PublishedFolder {
  /** Manifest key of the month-file index. */
  public static final String INDEX_KEY = "month_files";

  private PublishedFolder() {}

  /** One month file in place: the run that published it, its checksum and rows. */
  public static final class MonthFile {
    public final String runId;
    public final String sha256;
    public final long rows;

    public MonthFile(String runId, String sha256, long rows) {
      this.runId = runId;
      this.sha256 = sha256;
      this.rows = rows;
    }
  }

  /** OUT/manifest.json, or null when there is none or it cannot be read. */
  public static JsonNode manifest(Path root) {
    Path m = root.resolve("manifest.json");
    if (!Files.isRegularFile(m)) {
      return null;
    }
    try {
      JsonNode n = new ObjectMapper().readTree(m.toFile());
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether {@code rel} is a month file {@code <dataset>/<YYYY-MM>.parquet} of a published dataset. */
  public static boolean isMonthFile(String rel) {
    int slash = rel.indexOf('/');
    if (slash < 0 || !rel.substring(slash + 1).matches("[0-9]{4}-[0-9]{2}\\.parquet")) {
      return false;
    }
    String d = rel.substring(0, slash);
    for (OutputTable t : OutputTable.values()) {
      if (t.datasetName.equals(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The month-file index of a manifest: its {@value #INDEX_KEY}, or for a manifest written before
   * the index existed, its own month outputs under its run id. Empty for null.
   */
  public static Map<String, MonthFile> index(JsonNode manifest) {
    Map<String, MonthFile> out = new TreeMap<>();
    if (manifest == null) {
      return out;
    }
    JsonNode idx = manifest.get(INDEX_KEY);
    if (idx != null && idx.isObject()) {
      idx.fields().forEachRemaining(e -> out.put(e.getKey(), new MonthFile(
          e.getValue().path("run_id").isTextual() ? e.getValue().path("run_id").asText() : null,
          e.getValue().path("sha256").asText(null), e.getValue().path("rows").asLong(0))));
      return out;
    }
    String runId = manifest.path("run_id").asText(null);
    for (JsonNode o : manifest.path("outputs")) {
      String p = o.path("path").asText("");
      if (isMonthFile(p)) {
        out.put(p, new MonthFile(runId, o.path("sha256").asText(null), o.path("rows").asLong(0)));
      }
    }
    return out;
  }

  /** Writes the index into a manifest under {@value #INDEX_KEY}. */
  public static void putIndex(ObjectNode manifest, Map<String, MonthFile> index) {
    ObjectNode n = manifest.putObject(INDEX_KEY);
    index.forEach((p, f) -> {
      ObjectNode e = n.putObject(p);
      e.put("run_id", f.runId);
      e.put("sha256", f.sha256);
      e.put("rows", f.rows);
    });
  }

  /** The result of {@link #check}. */
  public static final class Check {
    /** The run id of an interrupted publication whose journal is still there, or null. */
    public String pendingRun;
    public String manifestRunId;
    public int filesChecked;
    /** Inconsistencies: the folder is not what a run published. */
    public final List<String> problems = new ArrayList<>();
    /** Worth knowing, not inconsistent. */
    public final List<String> notes = new ArrayList<>();

    public boolean consistent() {
      return pendingRun == null && problems.isEmpty();
    }
  }

  /**
   * Checks OUT against its manifest: no pending journal; every output of the last run and every
   * month file of the index in place with its SHA-256. Month files that no manifest records are
   * noted (they may predate the index), not counted as inconsistent.
   */
  public static Check check(Path root) throws IOException {
    Check c = new Check();
    if (PublicationJournal.pending(root)) {
      c.pendingRun = PublicationJournal.pendingRunId(root);
      c.problems.add(PublicationJournal.FILE + ": the publication of run " + c.pendingRun + " was interrupted");
    }
    JsonNode m = manifest(root);
    if (m == null) {
      if (Files.exists(root.resolve("manifest.json"))) {
        c.problems.add("manifest.json cannot be read");
      } else {
        c.problems.add("manifest.json is missing: nothing was published here, or it was removed");
      }
      return c;
    }
    c.manifestRunId = m.path("run_id").asText(null);
    Map<String, String> expected = new TreeMap<>();
    for (JsonNode o : m.path("outputs")) {
      expected.put(o.path("path").asText(), o.path("sha256").asText());
    }
    index(m).forEach((p, f) -> expected.putIfAbsent(p, f.sha256));
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path f = root.resolve(e.getKey()).normalize();
      if (!f.startsWith(root)) {
        c.problems.add(e.getKey() + ": the manifest names a path outside the folder");
        continue;
      }
      c.filesChecked++;
      if (!Files.isRegularFile(f)) {
        c.problems.add(e.getKey() + ": missing");
      } else if (!OutputFolder.sha256(f).equals(e.getValue())) {
        c.problems.add(e.getKey() + ": SHA-256 differs from the manifest (changed, damaged or truncated; "
            + Files.size(f) + " bytes)");
      }
    }
    for (OutputTable t : OutputTable.values()) {
      Path dir = root.resolve(t.datasetName);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          String rel = t.datasetName + "/" + p.getFileName();
          if (!expected.containsKey(rel)) {
            c.notes.add(rel + ": not recorded in the manifest (published before the manifest kept an index of "
                + "month files, or put there by hand)");
          }
        }
      }
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, OutputFolder.STAGING_PREFIX + "*")) {
      for (Path p : ds) {
        if (c.pendingRun == null) {
          c.notes.add(p.getFileName() + ": staging left by a killed run; the next batch removes it");
        }
      }
    }
    return c;
  }
}
