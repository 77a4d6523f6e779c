package se.glappet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's expert peer: the core figures of Glappet's batch in DuckDB, written the way an
 * expert reads 3 500 small CSV files whose column order differs by source system (issue 13).
 *
 * <pre>
 * java -cp TEST_CLASSPATH se.glappet.bench.ExpertDuckDbPeer --input DIR --output DIR --from YYYY-MM --to YYYY-MM
 *      [--threads N] [--memory-limit 2GB] [--database FILE]
 * </pre>
 *
 * <p>Reading: the files of a dataset are grouped by header line ({@link CsvHeaderGroups}; a
 * handful of groups), dialect, encoding and separator are decided per group, and each group is
 * one {@code read_csv([files], header = true, auto_detect = false, delim = ..., columns = {...
 * all VARCHAR ...})}; the groups are combined with {@code UNION ALL BY NAME}. No per-file sniffing.
 * When DuckDB refuses a group as invalid UTF-8, the dataset is grouped again by (header, each
 * file's own encoding) and read again.
 *
 * <p>It trusts its input, as an expert does with {@code generate --clean}: no validation, no
 * duplicate rule, no rejects; a value that does not parse fails the run. It computes, for months
 * in {@code [--from, --to]} and facts known at obs_end (contract 3):
 * <ul>
 *   <li>{@code gap_support.parquet}: gap support per paying municipality and month
 *       (gap_support_persons, gap_support_sek, and income_support_reported; contract 4.1);</li>
 *   <li>{@code gap_by_reason.parquet}: the same per gap reason (persons, gap_support_sek; 4.2);</li>
 *   <li>{@code persons_in_gap.parquet}: persons in the gap per home municipality and month (4.1);</li>
 *   <li>{@code income_support.parquet}: households, persons, payments, amount_sek per paying
 *       municipality and month of payment_date (4.3).</li>
 * </ul>
 *
 * <p>Money is exact and rounded the way the batch rounds it ({@code se.glappet.gap.Apportion},
 * {@code Money.publish}): each part {@code amount × overlap days / days covered} is carried to 20
 * decimals as a HUGEINT of 1e-20 SEK (a tie at the 20th decimal cannot occur: the numerator has
 * 2^18 as a factor, a denominator ≤ 93 at most 2^6), the parts are summed, and the sum is rounded
 * half away from zero to 12 decimals, then to the öre. Persons count when their exact sum is not
 * zero. (DuckDB's {@code DECIMAL / integer} is a DOUBLE, so the division is done on integers.)
 */
public final class ExpertDuckDbPeer {

  private static final List<String> IS_COLUMNS = List.of(
      "municipality_code", "household_id", "person_id", "payment_date", "covers_from", "covers_to",
      "amount_sek", "reason_code", "adults", "children");
  private static final List<String> AL_COLUMNS = List.of(
      "person_id", "municipality_code", "allowance_type", "from_date", "to_date", "first_payment_date");
  static final String GAP_REASONS = "('WAITING_PLAN', 'WAITING_PAYMENT', 'BELOW_NORM',"
      + " 'OUTSIDE_TARGET_GROUP', 'FAMILY_REUNION', 'ALLOWANCE_REDUCED', 'PLAN_ENDED', 'SECONDARY_MOVE')";

  private ExpertDuckDbPeer() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = parseArgs(args);
    Path input = Path.of(require(opt, "input"));
    Path output = Path.of(require(opt, "output"));
    YearMonth from = YearMonth.parse(require(opt, "from"));
    YearMonth to = YearMonth.parse(require(opt, "to"));
    if (to.isBefore(from)) {
      usage("--to is before --from");
    }
    for (String d : List.of("income-support", "allowances")) {
      if (!Files.isDirectory(input.resolve(d))) {
        usage("missing input folder " + input.resolve(d));
      }
    }
    Files.createDirectories(output);
    long t0 = System.nanoTime();
    run(input, output, from, to, opt);
    System.out.printf(Locale.ROOT, "expert-peer: total %.2f s%n", (System.nanoTime() - t0) / 1e9);
  }

  static void run(Path input, Path output, YearMonth from, YearMonth to, Map<String, String> opt)
      throws Exception {
    String fromDate = from.atDay(1).toString();
    String obsEnd = to.plusMonths(1).atDay(1).toString();
    Timer timer = new Timer("expert-peer");

    List<Path> isFiles = CsvHeaderGroups.listCsv(input.resolve("income-support"));
    List<Path> alFiles = CsvHeaderGroups.listCsv(input.resolve("allowances"));
    List<CsvHeaderGroups.Group> isGroups = CsvHeaderGroups.byHeader(isFiles);
    List<CsvHeaderGroups.Group> alGroups = CsvHeaderGroups.byHeader(alFiles);
    timer.step("group by header", (isFiles.size() + alFiles.size()) + " files, "
        + isGroups.size() + " + " + alGroups.size() + " groups");

    try (Connection con = DriverManager.getConnection("jdbc:duckdb:" + opt.getOrDefault("database", ""));
        Statement st = con.createStatement()) {
      if (opt.containsKey("threads")) {
        st.execute("SET threads = " + Integer.parseInt(opt.get("threads")));
      }
      if (opt.containsKey("memory-limit")) {
        st.execute("SET memory_limit = " + lit(opt.get("memory-limit")));
      }
      st.execute("SET preserve_insertion_order = false");
      // Amounts: thousands groups (space, U+00A0, U+202F), U+2212 as minus, decimal comma.
      // (One translate: ',' → '.', U+2212 → '-', the three spaces deleted.)
      st.execute("CREATE MACRO amount(x) AS CAST(translate(x,"
          + " ',' || chr(8722) || ' ' || chr(160) || chr(8239), '.-') AS DECIMAL(18,2))");
      // A sum of 1e-20 SEK units, rounded half away from zero to 12 decimals, then to the öre.
      st.execute("CREATE MACRO publish(u) AS CAST(CAST(sign(u) * ((((abs(u) + 50000000) // 100000000)"
          + " + 5000000000) // 10000000000) AS DECIMAL(18,0)) * 0.01 AS DECIMAL(18,2))");
      st.execute("CREATE TABLE months AS SELECT CAST(m AS DATE) AS month_start,"
          + " CAST(m + INTERVAL 1 MONTH AS DATE) AS month_end"
          + " FROM range(DATE '" + fromDate + "', DATE '" + obsEnd + "', INTERVAL 1 MONTH) t(m)");

      // 1. Payments: read and typed in one statement.
      long n = createRetrying(st, "payments", isFiles, isGroups, IS_COLUMNS, raw -> """
          SELECT municipality_code,
                 lower(household_id) AS household_id,
                 lower(person_id) AS person_id,
                 CAST(payment_date AS DATE) AS payment_date,
                 CAST(covers_from AS DATE) AS covers_from,
                 CAST(covers_to AS DATE) AS covers_to,
                 amount(amount_sek) AS amount_sek,
                 upper(reason_code) AS reason_code,
                 CAST(adults AS INTEGER) + CAST(children AS INTEGER) AS persons
          FROM (%s)
          WHERE CAST(payment_date AS DATE) < DATE '%s'
          """.formatted(raw, obsEnd));
      timer.step("read payments", n + " payments");

      // 2. Gap windows (contract 3.1) and the home municipality, as known at obs_end.
      n = createRetrying(st, "gaps", alFiles, alGroups, AL_COLUMNS, raw -> """
          WITH a AS (
            SELECT lower(person_id) AS person_id, municipality_code, upper(allowance_type) AS t,
                   CAST(from_date AS DATE) AS from_date, CAST(to_date AS DATE) AS to_date,
                   CAST(first_payment_date AS DATE) AS first_payment_date
            FROM (%1$s)
            WHERE CAST(from_date AS DATE) < DATE '%2$s'),
          per_person AS (
            SELECT person_id,
                   count(*) FILTER (WHERE t = 'LMA') AS n_lma,
                   count(*) FILTER (WHERE t = 'LMA' AND to_date IS NULL) AS n_lma_open,
                   max(to_date) FILTER (WHERE t = 'LMA') + 1 AS gap_start,
                   min(first_payment_date) FILTER (WHERE t = 'ESTABLISHMENT'
                       AND first_payment_date < DATE '%2$s') AS first_payment,
                   arg_min(municipality_code, from_date) FILTER (WHERE t = 'ESTABLISHMENT') AS home_establishment,
                   first(municipality_code ORDER BY to_date DESC, municipality_code) FILTER (WHERE t = 'LMA') AS home_lma
            FROM a GROUP BY person_id)
          SELECT person_id, gap_start, coalesce(first_payment, DATE '%2$s') AS gap_end,
                 coalesce(home_establishment, home_lma) AS home
          FROM per_person
          WHERE n_lma > 0 AND n_lma_open = 0 AND coalesce(first_payment, DATE '%2$s') > gap_start
          """.formatted(raw, obsEnd));
      timer.step("read allowances, gaps", n + " persons in the gap");

      // 3. Gap support (contract 3.2): per paying municipality, month, person and reason, the
      //    exact sum of the parts in W ∩ t, in 1e-20 SEK.
      n = create(st, "gap_parts", """
          WITH spans AS (
            SELECT p.municipality_code, p.person_id, p.reason_code,
                   CAST(p.amount_sek * 100 AS BIGINT) AS cents,
                   p.covers_to - p.covers_from + 1 AS days,
                   greatest(p.covers_from, g.gap_start) AS lo,
                   least(p.covers_to + 1, g.gap_end) AS hi
            FROM payments p JOIN gaps g USING (person_id)
            WHERE p.covers_from < g.gap_end AND p.covers_to + 1 > g.gap_start),
          parts AS (
            SELECT s.municipality_code, m.month_start, s.person_id, s.reason_code, s.days,
                   CAST(s.cents AS HUGEINT) * (least(s.hi, m.month_end) - greatest(s.lo, m.month_start))
                       * CAST(1000000000000000000 AS HUGEINT) AS x
            FROM spans s JOIN months m ON m.month_start < s.hi AND m.month_end > s.lo)
          SELECT municipality_code, month_start, person_id, reason_code,
                 sum(sign(x) * ((2 * abs(x) + days) // (2 * days))) AS units
          FROM parts GROUP BY ALL
          """);
      n = create(st, "gap_support", """
          SELECT strftime(month_start, '%Y-%m') AS period, municipality_code,
                 count(*) FILTER (WHERE units <> 0) AS gap_support_persons,
                 publish(sum(units)) AS gap_support_sek
          FROM (SELECT municipality_code, month_start, person_id, sum(units) AS units
                FROM gap_parts GROUP BY ALL)
          GROUP BY ALL
          """);
      long byReason = create(st, "gap_by_reason", """
          SELECT strftime(month_start, '%%Y-%%m') AS period, municipality_code, reason_code,
                 count(*) FILTER (WHERE units <> 0) AS persons,
                 publish(sum(units)) AS gap_support_sek
          FROM gap_parts
          WHERE reason_code IN %s
          GROUP BY ALL
          HAVING sum(units) <> 0
          """.formatted(GAP_REASONS));
      timer.step("gap support", n + " municipality-months, " + byReason + " with a reason");

      // 4. Persons in the gap per home municipality and month (W overlaps t).
      n = create(st, "persons_in_gap", """
          SELECT strftime(m.month_start, '%Y-%m') AS period, g.home AS municipality_code,
                 count(*) AS persons_in_gap
          FROM gaps g JOIN months m ON g.gap_start < m.month_end AND g.gap_end > m.month_start
          GROUP BY ALL
          """);
      timer.step("persons in gap", n + " municipality-months");

      // 5. Income support per paying municipality and month of payment_date.
      n = create(st, "income_support", """
          WITH per_household AS (
            SELECT municipality_code, date_trunc('month', payment_date) AS month_start, household_id,
                   max(persons) AS persons, count(*) AS payments, sum(amount_sek) AS amount
            FROM payments
            WHERE payment_date >= DATE '%s'
            GROUP BY ALL)
          SELECT strftime(month_start, '%%Y-%%m') AS period, municipality_code,
                 count(*) AS households, CAST(sum(persons) AS BIGINT) AS persons,
                 CAST(sum(payments) AS BIGINT) AS payments,
                 CAST(sum(amount) AS DECIMAL(18,2)) AS amount_sek
          FROM per_household GROUP BY ALL
          """.formatted(fromDate));
      // income_support_reported (contract 4): the paying municipality has a payment dated in t.
      st.execute("""
          CREATE OR REPLACE TABLE gap_support AS
          SELECT g.*, i.period IS NOT NULL AS income_support_reported
          FROM gap_support g LEFT JOIN income_support i USING (period, municipality_code)
          """);
      timer.step("income support", n + " municipality-months");

      for (String table : List.of("gap_support", "gap_by_reason", "persons_in_gap", "income_support")) {
        Path file = output.resolve(table + ".parquet");
        Files.deleteIfExists(file);
        st.execute("COPY (SELECT * FROM " + table + " ORDER BY ALL) TO "
            + lit(file.toString()) + " (FORMAT PARQUET)");
      }
      timer.step("write parquet", output.toString());
    }
  }

  /** A SELECT over the raw (all text) rows of a dataset. */
  interface Query {
    String over(String raw);
  }

  /**
   * Creates the table from the groups; when DuckDB refuses a file as invalid UTF-8, groups the
   * files again by header and each file's own encoding and tries once more.
   */
  private static long createRetrying(Statement st, String table, List<Path> files,
      List<CsvHeaderGroups.Group> groups, List<String> wanted, Query query) throws Exception {
    try {
      return create(st, table, query.over(readAll(groups, wanted)));
    } catch (SQLException e) {
      String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (!msg.contains("unicode") && !msg.contains("utf")) {
        throw e;
      }
      List<CsvHeaderGroups.Group> perFile = CsvHeaderGroups.perFile(files);
      System.out.println("expert-peer: a group is not all UTF-8; regrouped by header and each file's"
          + " encoding: " + perFile.size() + " groups");
      return create(st, table, query.over(readAll(perFile, wanted)));
    }
  }

  /**
   * One read_csv per group, explicit VARCHAR columns, no sniffing; only the wanted columns are
   * selected (NULL when a group lacks one), the groups combined with UNION ALL BY NAME.
   */
  static String readAll(List<CsvHeaderGroups.Group> groups, List<String> wanted) {
    List<String> parts = new ArrayList<>();
    for (CsvHeaderGroups.Group g : groups) {
      StringBuilder cols = new StringBuilder();
      for (String w : wanted) {
        cols.append(cols.length() == 0 ? "" : ", ")
            .append(g.columns().contains(w) ? quoteIdent(w) : "NULL::VARCHAR AS " + quoteIdent(w));
      }
      StringBuilder fileList = new StringBuilder("[");
      for (int i = 0; i < g.files().size(); i++) {
        fileList.append(i == 0 ? "" : ", ").append(lit(g.files().get(i).toString()));
      }
      fileList.append(']');
      StringBuilder columns = new StringBuilder("{");
      for (int i = 0; i < g.columns().size(); i++) {
        columns.append(i == 0 ? "" : ", ").append(lit(g.columns().get(i))).append(": 'VARCHAR'");
      }
      columns.append('}');
      parts.add("SELECT " + cols + " FROM read_csv(" + fileList
          + ", header = true, auto_detect = false"
          + ", delim = " + lit(String.valueOf(g.separator()))
          + ", quote = '\"', escape = '\"'"
          + (g.skip() > 0 ? ", skip = " + g.skip() : "")
          + ", columns = " + columns
          + ", encoding = " + lit(g.duckDbEncoding()) + ")");
    }
    if (parts.isEmpty()) {
      StringBuilder cols = new StringBuilder();
      for (String w : wanted) {
        cols.append(cols.length() == 0 ? "" : ", ").append("NULL::VARCHAR AS ").append(quoteIdent(w));
      }
      return "SELECT " + cols + " WHERE false";
    }
    return String.join("\nUNION ALL BY NAME\n", parts);
  }

  private static long create(Statement st, String table, String select) throws SQLException {
    st.execute("CREATE OR REPLACE TABLE " + table + " AS " + select);
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String lit(String s) {
    return DuckDbPeer.lit(s);
  }

  private static String quoteIdent(String s) {
    return DuckDbPeer.quoteIdent(s);
  }

  private static Map<String, String> parseArgs(String[] args) {
    return DuckDbPeer.parseArgs(args, ExpertDuckDbPeer::usage);
  }

  private static String require(Map<String, String> opt, String key) {
    return DuckDbPeer.require(opt, key, ExpertDuckDbPeer::usage);
  }

  private static void usage(String error) {
    if (error != null) {
      System.err.println("expert-peer: " + error);
    }
    System.err.println("Usage: ExpertDuckDbPeer --input DIR --output DIR --from YYYY-MM --to YYYY-MM"
        + " [--threads N] [--memory-limit 2GB] [--database FILE]");
    System.exit(error == null ? 0 : 2);
  }

  /** Prints the seconds of each step. */
  /** Prints the wall and CPU seconds (all threads of the process, DuckDB's included) of each step. */
  static final class Timer {
    private final String prefix;
    private long last = System.nanoTime();
    private long lastCpu = cpuNanos();

    Timer(String prefix) {
      this.prefix = prefix;
    }

    void step(String name, String what) {
      long now = System.nanoTime();
      long cpu = cpuNanos();
      System.out.printf(Locale.ROOT, "%s: %-24s %7.2f s wall %7.2f s CPU  %s%n", prefix, name,
          (now - last) / 1e9, (cpu - lastCpu) / 1e9, what);
      last = now;
      lastCpu = cpu;
    }

    private static long cpuNanos() {
      if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getProcessCpuTime();
      }
      return 0;
    }
  }
}
