package se.glappet.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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

  private static final Pattern MONTH_FILE = Pattern.compile("\\d{4}-\\d{2}\\.parquet");
  private static final String IN_SODERTORN = SODERTORN.stream()
      .map(c -> "'" + c + "'").collect(Collectors.joining(", ", "municipality_code IN (", ")"));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DashboardData() {}

  static ObjectNode read(Path outDir, Map<String, String> municipalityNames) throws IOException {
    ObjectNode root = NODES.objectNode();
    root.set("meta", manifest(outDir.resolve("manifest.json")));
    root.set("sodertorn", NODES.arrayNode().addAll(SODERTORN.stream().map(NODES::textNode).toList()));
    ObjectNode names = root.putObject("names");
    new TreeMap<>(municipalityNames).forEach(names::put);

    List<Path> nationalFiles = monthFiles(outDir.resolve("national_comparison"));
    nationalFiles = nationalFiles.subList(Math.max(0, nationalFiles.size() - NATIONAL_MONTHS), nationalFiles.size());
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      root.set("gap", table(db, monthFiles(outDir.resolve("gap_monthly")),
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
    } catch (SQLException e) {
      throw new IOException("Could not read the published Parquet files under " + outDir + ": " + e.getMessage(), e);
    }
    return root;
  }

  /** run_id, obs_end, from and to of OUT/manifest.json; nulls when it is missing or unreadable. */
  private static ObjectNode manifest(Path file) {
    ObjectNode meta = NODES.objectNode();
    JsonNode manifest = NODES.objectNode();
    try {
      manifest = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      // A missing or broken manifest only costs the page its run id; the figures stand on their own.
    }
    for (String field : List.of("run_id", "obs_end", "from", "to")) {
      JsonNode value = manifest == null ? null : manifest.get(field);
      meta.put(field, value != null && value.isTextual() ? value.asText() : null);
    }
    return meta;
  }

  /** The dataset's {@code YYYY-MM.parquet} files, oldest first; none when the folder is missing. */
  private static List<Path> monthFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> MONTH_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /** Runs sql with {@code %s} standing for the files; an empty table when there are none. */
  private static ObjectNode table(Connection db, List<Path> files, String sql) throws SQLException {
    ObjectNode table = NODES.objectNode();
    ArrayNode cols = table.putArray("cols");
    ArrayNode rows = table.putArray("rows");
    if (files.isEmpty()) {
      return table;
    }
    String source = files.stream()
        .map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
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
    }
    return table;
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
