package se.glappet.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what the page needs from the published Parquet files into one JSON tree. Tables are
 * {@code {"cols": [...], "rows": [[...], ...]}}; a dataset without files gives an empty table.
 */
final class DashboardData {

  /** Södertörn, contract section 5. */
  static final List<String> SODERTORN =
      List.of("0120", "0126", "0127", "0128", "0136", "0138", "0181", "0192");
  /** How many of the latest months of national_comparison the page carries. */
  static final int NATIONAL_MONTHS = 12;

  /** The datasets whose month files the batch publishes (contract §4). */
  static final List<String> DATASETS = List.of("gap_monthly", "gap_by_reason", "income_support_monthly",
      "income_support_by_reason", "national_comparison");

  private static final Pattern MONTH_FILE = Pattern.compile("\\d{4}-\\d{2}\\.parquet");
  private static final String IN_SODERTORN = SODERTORN.stream()
      .map(c -> "'" + c + "'").collect(Collectors.joining(", ", "municipality_code IN (", ")"));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DashboardData() {}

  static ObjectNode read(Path outDir, Map<String, String> municipalityNames, List<KpiLabel> kpis)
      throws IOException {
    ObjectNode root = NODES.objectNode();
    root.set("meta", manifest(outDir.resolve("manifest.json")));
    ArrayNode kpiNodes = root.putArray("kpis");
    for (KpiLabel k : kpis) {
      kpiNodes.addObject().put("code", k.code()).put("label", k.label()).put("unit", k.unit())
          .put("rests_on_payments", k.restsOnPayments());
    }
    root.set("sodertorn", NODES.arrayNode().addAll(SODERTORN.stream().map(NODES::textNode).toList()));
    ObjectNode names = root.putObject("names");
    new TreeMap<>(municipalityNames).forEach(names::put);

    List<Path> gapFiles = monthFiles(outDir.resolve("gap_monthly"));
    List<Path> nationalFiles = monthFiles(outDir.resolve("national_comparison"));
    nationalFiles = nationalFiles.subList(Math.max(0, nationalFiles.size() - NATIONAL_MONTHS), nationalFiles.size());
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      root.set("gap", table(db, gapFiles,
          "SELECT * FROM %s WHERE " + IN_SODERTORN + " ORDER BY period, municipality_code"));
      root.set("reasons", table(db, monthFiles(outDir.resolve("gap_by_reason")),
          "SELECT period, municipality_code, reason_code, persons, gap_support_sek, suppressed FROM %s"
              + " WHERE " + IN_SODERTORN + " ORDER BY period, municipality_code, reason_code"));
      root.set("national", table(db, nationalFiles,
          "SELECT period, area_type, area_code, kpi, value, rank, n_ranked, national_median, suppressed"
              + " FROM %s ORDER BY period, kpi, area_type, area_code"));
      ObjectNode counties = root.putObject("counties");
      for (JsonNode row : table(db, nationalFiles,
          "SELECT DISTINCT area_code, area_name FROM %s WHERE area_type = 'COUNTY' ORDER BY area_code")
          .get("rows")) {
        counties.put(row.get(0).asText(), row.get(1).asText());
      }
      root.set("non_response", nonResponse(db, gapFiles));
    } catch (SQLException e) {
      // Not a file of its own (each was read on its own in table()): one line, never DuckDB's SQL.
      throw new IOException("cannot read the published Parquet files under " + outDir + ": "
          + firstLine(e.getMessage()) + "; run glappet verify --output " + outDir, e);
    }
    root.set("figures", SodertornFigures.build(SodertornFigures.Row.of(root.get("gap")),
        SodertornFigures.Row.of(root.get("reasons")), SODERTORN));
    return root;
  }

  /**
   * Every municipality (not only the eight) and month that did not report income support, from
   * gap_monthly's income_support_reported: {@code {period: [code, ...]}}. Empty for files written
   * before the column existed.
   */
  private static ObjectNode nonResponse(Connection db, List<Path> gapFiles) throws SQLException, IOException {
    ObjectNode out = NODES.objectNode();
    if (gapFiles.isEmpty() || !columns(db, gapFiles).contains(SodertornFigures.REPORTED)) {
      return out;
    }
    for (JsonNode row : table(db, gapFiles, "SELECT period, municipality_code FROM %s WHERE "
        + SodertornFigures.REPORTED + " = false ORDER BY period, municipality_code").get("rows")) {
      JsonNode period = out.get(row.get(0).asText());
      (period == null ? out.putArray(row.get(0).asText()) : (ArrayNode) period).add(row.get(1).asText());
    }
    return out;
  }

  /** The column names of the files read together (union by name). */
  private static Set<String> columns(Connection db, List<Path> files) throws SQLException, IOException {
    Set<String> names = new HashSet<>();
    for (JsonNode row : table(db, files, "SELECT column_name FROM (DESCRIBE SELECT * FROM %s)").get("rows")) {
      names.add(row.get(0).asText());
    }
    return names;
  }

  /**
   * run_id, obs_end, from and to of OUT/manifest.json (nulls when it is missing or unreadable), and
   * its revisions per period: {@code {"previous_run_id", "file", "periods": {period: {"changes": n,
   * "datasets": {dataset: n}}}}}, n = changed cells + added rows + removed rows. revisions is null
   * when the manifest has no "revisions" (no manifest, or one written before revisions were logged).
   */
  static ObjectNode manifest(Path file) {
    ObjectNode meta = NODES.objectNode();
    JsonNode manifest = NODES.objectNode();
    try {
      manifest = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      // A missing or broken manifest only costs the page its run id; the figures stand on their own.
    }
    if (manifest == null || !manifest.isObject()) {
      manifest = NODES.objectNode();
    }
    for (String field : List.of("run_id", "obs_end", "from", "to")) {
      JsonNode value = manifest.get(field);
      meta.put(field, value != null && value.isTextual() ? value.asText() : null);
    }
    meta.set("revisions", revisions(manifest.get("revisions")));
    return meta;
  }

  private static JsonNode revisions(JsonNode revisions) {
    if (revisions == null || !revisions.isObject()) {
      return NODES.nullNode();
    }
    ObjectNode out = NODES.objectNode();
    for (String field : List.of("previous_run_id", "file")) {
      JsonNode value = revisions.get(field);
      out.put(field, value != null && value.isTextual() ? value.asText() : null);
    }
    Map<String, Map<String, Long>> byPeriod = new TreeMap<>();
    JsonNode byDataset = revisions.path("by_dataset");
    byDataset.fieldNames().forEachRemaining(dataset -> byDataset.get(dataset).fields().forEachRemaining(p -> {
      long n = 0;
      for (String count : List.of("changed_cells", "added_rows", "removed_rows")) {
        n += p.getValue().path(count).asLong(0);
      }
      byPeriod.computeIfAbsent(p.getKey(), k -> new TreeMap<>()).merge(dataset, n, Long::sum);
    }));
    ObjectNode periods = out.putObject("periods");
    byPeriod.forEach((period, datasets) -> {
      ObjectNode node = periods.putObject(period);
      node.put("changes", datasets.values().stream().mapToLong(Long::longValue).sum());
      datasets.forEach(node.putObject("datasets")::put);
    });
    return out;
  }

  /** Whether outDir holds any published month file of any dataset. */
  static boolean hasPublishedFiles(Path outDir) throws IOException {
    for (String dataset : DATASETS) {
      if (!monthFiles(outDir.resolve(dataset)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The dataset's {@code YYYY-MM.parquet} files, oldest first; none when the folder is missing. */
  static List<Path> monthFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> MONTH_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
  }

  /**
   * Runs sql with {@code %s} standing for the files; an empty table when there are none. When DuckDB
   * cannot read them, the file at fault is named in a {@link PublishedFileException}.
   */
  private static ObjectNode table(Connection db, List<Path> files, String sql) throws SQLException, IOException {
    ObjectNode table = NODES.objectNode();
    ArrayNode cols = table.putArray("cols");
    ArrayNode rows = table.putArray("rows");
    if (files.isEmpty()) {
      return table;
    }
    String source = files.stream()
        .map(DashboardData::quoted)
        .collect(Collectors.joining(", ", "read_parquet([", "], union_by_name = true)"));
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(String.format(sql, source))) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        cols.add(md.getColumnLabel(i));
      }
      while (rs.next()) {
        ArrayNode row = rows.addArray();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(value(rs.getObject(i)));
        }
      }
    } catch (SQLException e) {
      Path broken = firstUnreadable(db, files);
      if (broken != null) {
        throw new PublishedFileException(broken);
      }
      throw e;
    }
    return table;
  }

  /** The first of the files that DuckDB cannot read through on its own; null when each reads. */
  private static Path firstUnreadable(Connection db, List<Path> files) {
    for (Path f : files) {
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + quoted(f) + ")")) {
        while (rs.next()) {
          // Reading every row reaches a damaged page as well as a damaged footer.
        }
      } catch (SQLException e) {
        return f;
      }
    }
    return null;
  }

  private static String quoted(Path f) {
    return "'" + f.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** The first line of a DuckDB message, which goes on with the SQL text on later lines. */
  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    return message.strip().lines().findFirst().orElse("").strip();
  }

  private static JsonNode value(Object v) {
    if (v instanceof java.math.BigDecimal d) {
      return NODES.numberNode(d);
    } else if (v instanceof java.math.BigInteger i) {
      return NODES.numberNode(i);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
    } else if (v instanceof Number n) {
      return NODES.numberNode(n.longValue());
    } else if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (v == null) {
      return NODES.nullNode();
    }
    return NODES.textNode(v.toString());
  }
}
