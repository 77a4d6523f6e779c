package se.glappet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the benchmark compared like with like: the DuckDB peer's figures against the
 * batch's published ones, on every row the batch did not suppress.
 *
 * <pre>
 * java -cp TEST_CLASSPATH se.glappet.bench.CompareWithBatch PEER_OUT BATCH_OUT
 * </pre>
 *
 * <p>Compares gap_support_persons and gap_support_sek ({@code gap_monthly}) and households,
 * persons, payments and amount_sek ({@code income_support_monthly}) per period and municipality.
 * A batch row that the peer does not have counts as zero in the peer (the batch has a gap_monthly
 * row for every municipality and month). A gap_monthly row of a month the municipality did not
 * report has null payment figures (contract 4.1) and, like a suppressed row, is not compared.
 * Exit status 0 when every compared value is equal, 1
 * otherwise (the first differing rows are printed). With the expert peer's output it also compares
 * {@code persons_in_gap} ({@code gap_monthly}) and {@code gap_by_reason}. Per figure it prints
 * whether it AGREES on every row the batch published; the last line is the verdict.
 */
public final class CompareWithBatch {

  private CompareWithBatch() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("Usage: CompareWithBatch PEER_OUT BATCH_OUT");
      System.exit(2);
    }
    Path peer = Path.of(args[0]);
    Path batch = Path.of(args[1]);
    int bad = 0;
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = con.createStatement()) {
      for (Path p : List.of(peer.resolve("gap_support.parquet"), peer.resolve("income_support.parquet"),
          batch.resolve("gap_monthly"), batch.resolve("income_support_monthly"))) {
        if (!Files.exists(p)) {
          System.err.println("compare: missing " + p);
          System.exit(2);
        }
      }
      st.execute("CREATE VIEW peer_gap AS SELECT * FROM read_parquet(" + lit(peer.resolve("gap_support.parquet")) + ")");
      st.execute("CREATE VIEW peer_is AS SELECT * FROM read_parquet(" + lit(peer.resolve("income_support.parquet")) + ")");
      st.execute("CREATE VIEW batch_gap AS SELECT * FROM read_parquet("
          + lit(batch.resolve("gap_monthly").resolve("*.parquet")) + ")");
      st.execute("CREATE VIEW batch_is AS SELECT * FROM read_parquet("
          + lit(batch.resolve("income_support_monthly").resolve("*.parquet")) + ")");

      bad += compare(st, "gap support",
          """
          SELECT coalesce(b.period, p.period) AS period, coalesce(b.municipality_code, p.municipality_code) AS municipality_code,
                 b.gap_support_persons IS NOT NULL AS published,
                 b.period IS NOT NULL AS in_batch,
                 coalesce(p.gap_support_persons, 0) AS peer_persons, b.gap_support_persons AS batch_persons,
                 coalesce(p.gap_support_sek, 0) AS peer_sek, b.gap_support_sek AS batch_sek
          FROM batch_gap b FULL JOIN peer_gap p USING (period, municipality_code)
          """,
          "peer_persons IS DISTINCT FROM batch_persons OR peer_sek IS DISTINCT FROM batch_sek");
      bad += compare(st, "income support",
          """
          SELECT coalesce(b.period, p.period) AS period, coalesce(b.municipality_code, p.municipality_code) AS municipality_code,
                 b.households IS NOT NULL AS published,
                 b.period IS NOT NULL AS in_batch,
                 p.households AS peer_households, b.households AS batch_households,
                 p.persons AS peer_persons, b.persons AS batch_persons,
                 p.payments AS peer_payments, b.payments AS batch_payments,
                 p.amount_sek AS peer_sek, b.amount_sek AS batch_sek
          FROM batch_is b FULL JOIN peer_is p USING (period, municipality_code)
          """,
          "peer_households IS DISTINCT FROM batch_households OR peer_persons IS DISTINCT FROM batch_persons"
              + " OR peer_payments IS DISTINCT FROM batch_payments OR peer_sek IS DISTINCT FROM batch_sek");
      bad += compareExpertExtras(st, peer, batch);
    }
    System.out.println(bad == 0 ? "compare verdict: SAME FIGURES (every compared figure equal)"
        : "compare verdict: DIFFERENT FIGURES (" + bad + " table(s) differ)");
    System.exit(bad == 0 ? 0 : 1);
  }

  /**
   * The expert peer's two extra tables, when present: persons in the gap per home municipality
   * ({@code gap_monthly.persons_in_gap}) and gap support per reason ({@code gap_by_reason}).
   */
  private static int compareExpertExtras(Statement st, Path peer, Path batch) throws Exception {
    int bad = 0;
    Path inGap = peer.resolve("persons_in_gap.parquet");
    if (Files.exists(inGap)) {
      st.execute("CREATE VIEW peer_in_gap AS SELECT * FROM read_parquet(" + lit(inGap) + ")");
      bad += compare(st, "persons in gap",
          """
          SELECT coalesce(b.period, p.period) AS period, coalesce(b.municipality_code, p.municipality_code) AS municipality_code,
                 b.persons_in_gap IS NOT NULL AS published,
                 b.period IS NOT NULL AS in_batch,
                 coalesce(p.persons_in_gap, 0) AS peer_persons_in_gap, b.persons_in_gap AS batch_persons_in_gap,
                 NULL::DECIMAL(18,2) AS peer_sek, NULL::DECIMAL(18,2) AS batch_sek
          FROM batch_gap b FULL JOIN peer_in_gap p USING (period, municipality_code)
          """,
          "peer_persons_in_gap IS DISTINCT FROM batch_persons_in_gap");
    }
    Path byReason = peer.resolve("gap_by_reason.parquet");
    if (Files.exists(byReason) && Files.isDirectory(batch.resolve("gap_by_reason"))) {
      st.execute("CREATE VIEW peer_by_reason AS SELECT * FROM read_parquet(" + lit(byReason) + ")");
      st.execute("CREATE VIEW batch_by_reason AS SELECT * FROM read_parquet("
          + lit(batch.resolve("gap_by_reason").resolve("*.parquet")) + ")");
      bad += compare(st, "gap by reason",
          """
          SELECT coalesce(b.period, p.period) AS period, coalesce(b.municipality_code, p.municipality_code) AS municipality_code,
                 coalesce(b.reason_code, p.reason_code) AS reason_code,
                 b.persons IS NOT NULL AS published,
                 b.period IS NOT NULL AS in_batch,
                 coalesce(p.persons, 0) AS peer_persons, b.persons AS batch_persons,
                 coalesce(p.gap_support_sek, 0) AS peer_sek, b.gap_support_sek AS batch_sek
          FROM batch_by_reason b FULL JOIN peer_by_reason p USING (period, municipality_code, reason_code)
          """,
          "peer_persons IS DISTINCT FROM batch_persons OR peer_sek IS DISTINCT FROM batch_sek");
    }
    return bad;
  }

  /** Rows the batch published (not suppressed) must be equal; peer rows the batch lacks differ. */
  private static int compare(Statement st, String what, String joined, String differs) throws Exception {
    st.execute("CREATE OR REPLACE TEMP VIEW j AS " + joined);
    String cond = "(in_batch AND published AND (" + differs + ")) OR NOT in_batch";
    long rows;
    long published;
    long differing;
    String sums;
    try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE in_batch), count(*) FILTER (WHERE published),"
        + " count(*) FILTER (WHERE " + cond + "),"
        + " sum(peer_sek) FILTER (WHERE published), sum(batch_sek) FILTER (WHERE published) FROM j")) {
      rs.next();
      rows = rs.getLong(1);
      published = rs.getLong(2);
      differing = rs.getLong(3);
      sums = rs.getBigDecimal(5) == null && rs.getBigDecimal(4) == null ? "-"
          : "peer " + rs.getBigDecimal(4) + " SEK, batch " + rs.getBigDecimal(5) + " SEK";
    }
    System.out.printf("compare %-15s batch rows %d, published (not suppressed) %d, differing %d; published sums: %s%n",
        what, rows, published, differing, sums);
    // Per figure: every peer_X column with a batch_X twin, on the rows the batch published.
    List<String> figures = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT column_name FROM (DESCRIBE j)")) {
      while (rs.next()) {
        String c = rs.getString(1);
        if (c.startsWith("peer_")) {
          figures.add(c.substring("peer_".length()));
        }
      }
    }
    for (String f : figures) {
      try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE in_batch AND published),"
          + " count(*) FILTER (WHERE in_batch AND published AND peer_" + f + " IS DISTINCT FROM batch_" + f + ")"
          + " FROM j WHERE batch_" + f + " IS NOT NULL OR peer_" + f + " IS NOT NULL")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          System.out.printf("  %-15s %-22s %s: %d of %d published rows equal%n", what, f,
              rs.getLong(2) == 0 ? "AGREES" : "DIFFERS", rs.getLong(1) - rs.getLong(2), rs.getLong(1));
        }
      }
    }
    if (differing > 0) {
      try (ResultSet rs = st.executeQuery("SELECT * FROM j WHERE " + cond + " ORDER BY ALL LIMIT 10")) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder b = new StringBuilder("  differs:");
          for (int i = 1; i <= n; i++) {
            b.append(' ').append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i));
          }
          System.out.println(b);
        }
      }
    }
    return differing > 0 ? 1 : 0;
  }

  private static String lit(Path p) {
    return "'" + p.toString().replace("'", "''") + "'";
  }
}
