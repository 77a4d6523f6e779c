package se.glappet.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An independent Parquet reader for tests: DuckDB over JDBC. */
public final class Duck {
  private Duck() {}

  /** Runs a query; each row as column name → value (DuckDB's Java types). */
  public static List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnName(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** All rows of one Parquet file, in file order. */
  public static List<Map<String, Object>> read(Path parquet) throws SQLException {
    return query("SELECT * FROM read_parquet('" + parquet.toString().replace("'", "''") + "')");
  }

  /** Column name → DuckDB type name of one Parquet file. */
  public static Map<String, String> types(Path parquet) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, Object> r : query("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')")) {
      out.put((String) r.get("column_name"), (String) r.get("column_type"));
    }
    return out;
  }
}
