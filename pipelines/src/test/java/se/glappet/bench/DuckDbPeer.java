package se.glappet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The benchmark's SQL peer: the core of Glappet's batch in DuckDB, on the same input folder.
 *
 * <pre>
 * java -cp TEST_CLASSPATH se.glappet.bench.DuckDbPeer --input DIR --output DIR --from YYYY-MM --to YYYY-MM
 *      [--threads N] [--memory-limit 2GB] [--database FILE]
 * </pre>
 *
 * <p>What it computes (contract sections 2, 3.1 and 3.2, core only):
 * <ol>
 *   <li>reads every {@code .csv} (any letter case) of {@code kis/}, {@code income-support/} and
 *       {@code allowances/}, detecting each file's dialect like the contract: UTF-8 when the file
 *       starts with a byte-order mark or is valid UTF-8 throughout, otherwise Windows-1252 (read as
 *       DuckDB's {@code latin-1}); the separator that occurs most often in the header line
 *       ({@code ;}, {@code ,}, tab; ties in that order); header names trimmed and lower-cased.
 *       Files with the same dialect and header are read by one {@code read_csv} over a list of
 *       files, the groups are combined with {@code UNION ALL BY NAME};</li>
 *   <li>parses amounts (spaces, U+00A0 and U+202F removed, U+2212 as minus, decimal comma),
 *       dates, integers, lower-cases pseudonyms and upper-cases codes; drops rows whose required
 *       fields do not parse or whose dates are inconsistent; keeps one row per key (the one from
 *       the first file in path order);</li>
 *   <li>per-person gap windows W = [gap_start, gap_end) of section 3.1;</li>
 *   <li>gap support per paying municipality and month (section 3.2): exact integer numerators
 *       (öre × overlap days) summed in SQL per municipality, month, person and days covered; the
 *       exact rational sums, the persons with non-zero support and the rounding (half away from
 *       zero, to the öre) in Java with BigInteger; plus the month's KIS newcomers;</li>
 *   <li>income support per municipality and month of payment_date (households, persons,
 *       payments, amount);</li>
 *   <li>writes {@code OUT/gap_support.parquet} and {@code OUT/income_support.parquet}.</li>
 * </ol>
 *
 * <p>Left out on purpose (the batch does them, the peer does not): reject reasons and the reject
 * report (bad rows are simply dropped), PII detection and masking, unknown municipalities,
 * duplicate vs conflicting-duplicate distinction, the quality gate, the gap figures per home
 * municipality (persons in gap, closed gaps, medians, open gaps), recoverable money,
 * reason-code breakdowns, national comparison, small-cell suppression, one file per month,
 * atomic publishing, manifest and dashboard.
 */
public final class DuckDbPeer {

  private static final List<String> IS_COLUMNS = List.of(
      "municipality_code", "payment_id", "household_id", "person_id", "payment_date",
      "covers_from", "covers_to", "amount_sek", "reason_code", "adults", "children");
  private static final List<String> AL_COLUMNS = List.of(
      "person_id", "municipality_code", "allowance_type", "from_date", "to_date",
      "first_payment_date", "daily_amount_sek");
  private static final List<String> KIS_COLUMNS = List.of(
      "municipality_code", "period", "reception_type", "newcomers_received", "with_plan",
      "awaiting_plan", "in_sfi");

  private DuckDbPeer() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = parseArgs(args);
    Path input = Path.of(require(opt, "input"));
    Path output = Path.of(require(opt, "output"));
    YearMonth from = YearMonth.parse(require(opt, "from"));
    YearMonth to = YearMonth.parse(require(opt, "to"));
    if (to.isBefore(from)) {
      usage("--to is before --from");
    }
    for (String d : List.of("kis", "income-support", "allowances")) {
      if (!Files.isDirectory(input.resolve(d))) {
        usage("missing input folder " + input.resolve(d));
      }
    }
    Files.createDirectories(output);
    String fromDate = from.atDay(1).toString();
    String obsEnd = to.plusMonths(1).atDay(1).toString();

    long t0 = System.nanoTime();
    Timer timer = new Timer();

    // 1. Dialects, per file.
    Map<String, List<CsvFile>> files = new LinkedHashMap<>();
    for (String d : List.of("income-support", "allowances", "kis")) {
      files.put(d, listCsv(input.resolve(d)));
    }
    int nFiles = files.values().stream().mapToInt(List::size).sum();
    timer.step("detect dialects", nFiles + " files");

    try (Connection con = DriverManager.getConnection("jdbc:duckdb:" + opt.getOrDefault("database", ""));
        Statement st = con.createStatement()) {
      if (opt.containsKey("threads")) {
        st.execute("SET threads = " + Integer.parseInt(opt.get("threads")));
      }
      if (opt.containsKey("memory-limit")) {
        st.execute("SET memory_limit = " + lit(opt.get("memory-limit")));
      }
      st.execute("SET preserve_insertion_order = false");
      st.execute("CREATE MACRO tr(x) AS nullif(trim(x, ' ' || chr(9)), '')");
      st.execute("CREATE MACRO amt(x) AS TRY_CAST(replace(replace(replace(replace(replace(tr(x),"
          + " ' ', ''), chr(160), ''), chr(8239), ''), chr(8722), '-'), ',', '.') AS DECIMAL(18,2))");
      st.execute("CREATE MACRO dt(x) AS CASE WHEN regexp_full_match(tr(x), '[0-9]{4}-[0-9]{2}-[0-9]{2}')"
          + " THEN TRY_CAST(tr(x) AS DATE) END");
      st.execute("CREATE MACRO int_(x) AS CASE WHEN regexp_full_match(tr(x), '[0-9]+')"
          + " THEN TRY_CAST(tr(x) AS BIGINT) END");
      st.execute("CREATE MACRO code4(x) AS CASE WHEN regexp_full_match(tr(x), '[0-9]{4}') THEN tr(x) END");
      st.execute("CREATE MACRO pseudo(x) AS CASE WHEN regexp_full_match(tr(x), '[0-9A-Fa-f]{16,64}')"
          + " THEN lower(tr(x)) END");

      // 2. Read (all text), then parse. Rows that fail a rule are dropped; one row per key is kept.
      long n = 0;
      for (String d : List.of("income-support", "allowances", "kis")) {
        List<String> wanted = d.equals("kis") ? KIS_COLUMNS : d.equals("allowances") ? AL_COLUMNS : IS_COLUMNS;
        n = create(st, "raw_" + d.replace('-', '_'), readAll(files.get(d), wanted));
        timer.step("read " + d, n + " rows, " + groups(files.get(d)) + " dialect/header groups");
      }
      st.execute("CREATE OR REPLACE TABLE typed_payments AS " + """
          SELECT code4(municipality_code) AS municipality_code,
                 tr(payment_id) AS payment_id,
                 pseudo(household_id) AS household_id,
                 pseudo(person_id) AS person_id,
                 dt(payment_date) AS payment_date,
                 dt(covers_from) AS covers_from,
                 dt(covers_to) AS covers_to,
                 amt(amount_sek) AS amount_sek,
                 upper(tr(reason_code)) AS reason_code,
                 int_(adults) AS adults,
                 int_(children) AS children,
                 filename
          FROM raw_income_support
          """);
      n = create(st, "payments", """
          SELECT * FROM typed_payments
          WHERE municipality_code IS NOT NULL
            AND regexp_full_match(payment_id, '[A-Za-z0-9_-]{1,64}')
            AND household_id IS NOT NULL AND person_id IS NOT NULL
            AND payment_date IS NOT NULL AND covers_from IS NOT NULL AND covers_to IS NOT NULL
            AND covers_to >= covers_from AND covers_to <= covers_from + 92
            AND amount_sek IS NOT NULL AND amount_sek <> 0 AND abs(amount_sek) < 200000
            AND reason_code IN ('WAITING_PLAN', 'WAITING_PAYMENT', 'BELOW_NORM', 'OUTSIDE_TARGET_GROUP',
                'FAMILY_REUNION', 'ALLOWANCE_REDUCED', 'PLAN_ENDED', 'SECONDARY_MOVE', 'UNEMPLOYED',
                'SICK', 'OTHER')
            AND adults BETWEEN 1 AND 2 AND children BETWEEN 0 AND 20
          QUALIFY row_number() OVER (PARTITION BY municipality_code, payment_id ORDER BY filename) = 1
                  """);
      st.execute("DROP TABLE raw_income_support; DROP TABLE typed_payments");
      timer.step("parse income-support", n + " payments");

      st.execute("CREATE OR REPLACE TABLE typed_allowances AS " + """
          SELECT pseudo(person_id) AS person_id,
                 code4(municipality_code) AS municipality_code,
                 upper(tr(allowance_type)) AS allowance_type,
                 dt(from_date) AS from_date,
                 tr(to_date) AS to_date_text,
                 dt(to_date) AS to_date,
                 tr(first_payment_date) AS first_payment_text,
                 dt(first_payment_date) AS first_payment_date,
                 amt(daily_amount_sek) AS daily_amount_sek,
                 filename
          FROM raw_allowances
          """);
      n = create(st, "allowances", """
          SELECT * FROM typed_allowances
          WHERE person_id IS NOT NULL AND municipality_code IS NOT NULL
            AND allowance_type IN ('LMA', 'ESTABLISHMENT') AND from_date IS NOT NULL
            AND (to_date_text IS NULL OR to_date >= from_date)
            AND (first_payment_text IS NULL OR first_payment_date IS NOT NULL)
            AND (allowance_type <> 'ESTABLISHMENT' OR first_payment_date IS NULL
                 OR first_payment_date >= from_date)
            AND daily_amount_sek > 0 AND daily_amount_sek <= 1000
          QUALIFY row_number() OVER (PARTITION BY person_id, allowance_type, from_date ORDER BY filename) = 1
                  """);
      st.execute("DROP TABLE raw_allowances; DROP TABLE typed_allowances");
      timer.step("parse allowances", n + " allowance rows");

      st.execute("CREATE OR REPLACE TABLE typed_kis AS " + """
          SELECT code4(municipality_code) AS municipality_code,
                 CASE WHEN regexp_full_match(tr(period), '[0-9]{4}-[0-9]{2}')
                      THEN TRY_CAST(tr(period) || '-01' AS DATE) END AS period,
                 upper(tr(reception_type)) AS reception_type,
                 int_(newcomers_received) AS newcomers_received,
                 int_(with_plan) AS with_plan,
                 int_(awaiting_plan) AS awaiting_plan,
                 filename
          FROM raw_kis
          """);
      n = create(st, "kis", """
          SELECT * FROM typed_kis
          WHERE municipality_code IS NOT NULL AND period IS NOT NULL
            AND reception_type IN ('ASSIGNED', 'OWN_HOUSING', 'QUOTA', 'FAMILY')
            AND newcomers_received IS NOT NULL AND with_plan IS NOT NULL AND awaiting_plan IS NOT NULL
          QUALIFY row_number() OVER (PARTITION BY municipality_code, period, reception_type ORDER BY filename) = 1
                  """);
      st.execute("DROP TABLE raw_kis; DROP TABLE typed_kis");
      timer.step("parse kis", n + " kis rows");

      // 3. Gap windows per person (section 3.1), as known at obs_end.
      n = create(st, "gaps", """
          SELECT person_id, gap_start, coalesce(first_payment, DATE '%2$s') AS gap_end
          FROM (
            SELECT person_id,
                 count(*) FILTER (WHERE allowance_type = 'LMA') AS n_lma,
                 count(*) FILTER (WHERE allowance_type = 'LMA' AND to_date IS NULL) AS n_lma_open,
                 max(to_date) FILTER (WHERE allowance_type = 'LMA') + 1 AS gap_start,
                 min(first_payment_date) FILTER (WHERE allowance_type = 'ESTABLISHMENT'
                     AND first_payment_date < DATE '%2$s') AS first_payment
            FROM allowances
            WHERE from_date < DATE '%2$s'
            GROUP BY person_id)
          WHERE n_lma > 0 AND n_lma_open = 0 AND coalesce(first_payment, DATE '%2$s') > gap_start
          """.formatted(fromDate, obsEnd));
      timer.step("gap windows", n + " persons in the gap");

      // 4. Gap support per paying municipality and month. A payment's part in W ∩ t is
      //    amount × overlap days / days covered. SQL sums the exact numerators (öre × days) per
      //    municipality, month, person and days covered; the exact sum of those fractions and
      //    its rounding (half away from zero, to the öre) are done with BigInteger below, as
      //    DuckDB has no exact rational type and a fixed-point sum misrounds exact half-öre ties.
      n = create(st, "gap_parts", """
          WITH months AS (
            SELECT CAST(m AS DATE) AS month_start, CAST(m + INTERVAL 1 MONTH AS DATE) AS month_end
            FROM range(DATE '%1$s', DATE '%2$s', INTERVAL 1 MONTH) t(m)),
          spans AS (
            SELECT p.municipality_code, p.person_id,
                 CAST(round(p.amount_sek * 100) AS BIGINT) AS cents,
                 p.covers_to - p.covers_from + 1 AS days,
                 greatest(p.covers_from, g.gap_start) AS lo,
                 least(p.covers_to + 1, g.gap_end) AS hi
            FROM payments p JOIN gaps g USING (person_id)
            WHERE p.payment_date < DATE '%2$s'
              AND p.covers_from < g.gap_end AND p.covers_to + 1 > g.gap_start)
          SELECT s.municipality_code, m.month_start, s.person_id, s.days,
                 CAST(sum(s.cents * (least(s.hi, m.month_end) - greatest(s.lo, m.month_start))) AS BIGINT) AS num
          FROM spans s JOIN months m ON m.month_start < s.hi AND m.month_end > s.lo
          GROUP BY ALL
          """.formatted(fromDate, obsEnd));
      st.execute("CREATE OR REPLACE TABLE gap_exact (municipality_code VARCHAR, month_start DATE,"
          + " gap_support_persons BIGINT, gap_support_sek DECIMAL(18,2))");
      long groups = exactGapSums(con, st);
      n = create(st, "gap_support", """
          WITH newcomers AS (
            SELECT municipality_code, period AS month_start, sum(newcomers_received) AS newcomers_received
            FROM kis GROUP BY ALL)
          SELECT strftime(g.month_start, '%Y-%m') AS period, g.municipality_code,
                 g.gap_support_persons, g.gap_support_sek, k.newcomers_received
          FROM gap_exact g LEFT JOIN newcomers k USING (municipality_code, month_start)
          """);
      timer.step("gap support", n + " municipality-months (" + groups + " exact sums)");

      // 5. Income support per municipality and month of payment_date.
      n = create(st, "income_support", """
          WITH per_household AS (
            SELECT municipality_code, date_trunc('month', payment_date) AS month_start, household_id,
                 max(adults + children) AS persons, count(*) AS payments, sum(amount_sek) AS amount
            FROM payments
            WHERE payment_date >= DATE '%1$s' AND payment_date < DATE '%2$s'
            GROUP BY ALL)
          SELECT strftime(month_start, '%%Y-%%m') AS period, municipality_code,
                 count(*) AS households, sum(persons) AS persons, sum(payments) AS payments,
                 CAST(sum(amount) AS DECIMAL(18,2)) AS amount_sek
          FROM per_household GROUP BY ALL
          """.formatted(fromDate, obsEnd));
      timer.step("income support", n + " municipality-months");

      // 6. Parquet.
      for (String table : List.of("gap_support", "income_support")) {
        Path file = output.resolve(table + ".parquet");
        Files.deleteIfExists(file);
        st.execute("COPY (SELECT * FROM " + table + " ORDER BY period, municipality_code) TO "
            + lit(file.toString()) + " (FORMAT PARQUET)");
      }
      timer.step("write parquet", output.toString());
    }
    System.out.printf(Locale.ROOT, "duckdb-peer: total %.2f s%n", (System.nanoTime() - t0) / 1e9);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Reads gap_parts in (municipality, month, person) order and writes gap_exact: per municipality
   * and month, the persons whose exact support is not zero and the exact total rounded half away
   * from zero to the öre.
   */
  private static long exactGapSums(Connection con, Statement st) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT municipality_code, month_start, person_id, days, num"
        + " FROM gap_parts ORDER BY municipality_code, month_start, person_id")) {
      String muni = null;
      java.sql.Date month = null;
      String person = null;
      Fraction muniSum = Fraction.ZERO;
      Fraction personSum = Fraction.ZERO;
      long persons = 0;
      while (true) {
        boolean more = rs.next();
        String m = more ? rs.getString(1) : null;
        java.sql.Date t = more ? rs.getDate(2) : null;
        String p = more ? rs.getString(3) : null;
        boolean newGroup = !more || !m.equals(muni) || !t.equals(month);
        if (person != null && (newGroup || !p.equals(person))) {
          if (personSum.signum() != 0) {
            persons++;
          }
          muniSum = muniSum.add(personSum);
          personSum = Fraction.ZERO;
        }
        if (muni != null && newGroup) {
          out.add(new Object[] {muni, month, persons, muniSum.roundHalfAwayToCents()});
          muniSum = Fraction.ZERO;
          persons = 0;
        }
        if (!more) {
          break;
        }
        muni = m;
        month = t;
        person = p;
        personSum = personSum.add(Fraction.of(BigInteger.valueOf(rs.getLong(5)), BigInteger.valueOf(rs.getLong(4))));
      }
    }
    try (DuckDBAppender app = con.unwrap(DuckDBConnection.class).createAppender("main", "gap_exact")) {
      for (Object[] row : out) {
        app.beginRow()
            .append((String) row[0])
            .append(((java.sql.Date) row[1]).toLocalDate())
            .append((long) (Long) row[2])
            .append((BigDecimal) row[3])
            .endRow();
      }
    }
    return out.size();
  }

  /** An exact fraction of öre, always reduced, denominator positive. */
  private record Fraction(BigInteger num, BigInteger den) {
    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    static Fraction of(BigInteger num, BigInteger den) {
      BigInteger g = num.gcd(den);
      if (g.signum() == 0) {
        return ZERO;
      }
      if (den.signum() < 0) {
        g = g.negate();
      }
      return new Fraction(num.divide(g), den.divide(g));
    }

    Fraction add(Fraction o) {
      if (o.num.signum() == 0) {
        return this;
      }
      if (num.signum() == 0) {
        return o;
      }
      return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    int signum() {
      return num.signum();
    }

    /** öre / den rounded half away from zero, as SEK with two decimals. */
    BigDecimal roundHalfAwayToCents() {
      BigInteger twice = num.abs().shiftLeft(1).add(den);
      BigInteger ore = twice.divide(den.shiftLeft(1));
      return new BigDecimal(num.signum() < 0 ? ore.negate() : ore, 2);
    }
  }

  private static long create(Statement st, String table, String select) throws SQLException {
    st.execute("CREATE OR REPLACE TABLE " + table + " AS " + select);
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long groups(List<CsvFile> files) {
    return files.stream().filter(f -> f.header != null).map(CsvFile::groupKey).distinct().count();
  }

  /**
   * One SELECT over all files of a dataset: one read_csv per dialect and header, combined with
   * UNION ALL BY NAME; every wanted column is present (NULL when no file of a group has it).
   */
  private static String readAll(List<CsvFile> files, List<String> wanted) {
    Map<String, List<CsvFile>> groups = new LinkedHashMap<>();
    for (CsvFile f : files) {
      if (f.header != null) { // empty files contribute nothing
        groups.computeIfAbsent(f.groupKey(), k -> new ArrayList<>()).add(f);
      }
    }
    List<String> parts = new ArrayList<>();
    for (List<CsvFile> group : groups.values()) {
      CsvFile first = group.get(0);
      List<String> names = first.header;
      StringBuilder cols = new StringBuilder();
      for (String w : wanted) {
        cols.append(names.contains(w) ? quoteIdent(w) : "NULL::VARCHAR AS " + quoteIdent(w)).append(", ");
      }
      StringBuilder fileList = new StringBuilder("[");
      for (int i = 0; i < group.size(); i++) {
        fileList.append(i == 0 ? "" : ", ").append(lit(group.get(i).path.toString()));
      }
      fileList.append(']');
      StringBuilder nameList = new StringBuilder("[");
      for (int i = 0; i < names.size(); i++) {
        nameList.append(i == 0 ? "" : ", ").append(lit(names.get(i)));
      }
      nameList.append(']');
      parts.add("SELECT " + cols + "filename FROM read_csv(" + fileList
          + ", delim=" + lit(String.valueOf(first.separator))
          + ", header=true, skip=" + first.skip
          + ", names=" + nameList
          + ", all_varchar=true, quote='\"', escape='\"', null_padding=true, strict_mode=false"
          + ", filename=true"
          + ", encoding=" + lit(first.utf8 ? "utf-8" : "latin-1") + ")");
    }
    if (parts.isEmpty()) {
      StringBuilder cols = new StringBuilder();
      for (String w : wanted) {
        cols.append("NULL::VARCHAR AS ").append(quoteIdent(w)).append(", ");
      }
      return "SELECT " + cols + "NULL::VARCHAR AS filename WHERE false";
    }
    return String.join("\nUNION ALL BY NAME\n", parts);
  }

  /** A .csv file with its dialect: encoding, separator, lines before the header, header names. */
  private record CsvFile(Path path, boolean utf8, char separator, int skip, List<String> header) {
    String groupKey() {
      return utf8 + "|" + (int) separator + "|" + skip + "|" + String.join("\u0001", header);
    }
  }

  private static List<CsvFile> listCsv(Path dir) throws IOException {
    Set<Path> paths = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> Files.isRegularFile(p)
              && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .forEach(paths::add);
    }
    List<CsvFile> out = new ArrayList<>();
    for (Path p : paths) {
      out.add(detect(p));
    }
    return out;
  }

  /** Contract section 2.1: encoding, the header line (first not-skipped line) and its separator. */
  static CsvFile detect(Path p) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(p)) {
      bytes = in.readAllBytes();
    }
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
    boolean utf8 = bom || validUtf8(bytes);
    Charset cs = utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    int pos = bom ? 3 : 0;
    int skip = 0;
    while (pos < bytes.length) {
      int end = pos;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      int lineEnd = end > pos && bytes[end - 1] == '\r' ? end - 1 : end;
      String line = new String(bytes, pos, lineEnd - pos, cs);
      if (!line.chars().allMatch(c -> c == ' ' || c == '\t' || c == ';' || c == ',')) {
        char sep = CsvHeaderGroups.separator(line);
        List<String> names = new ArrayList<>();
        for (String cell : se.glappet.generate.ContractCsv.split(line, sep)) {
          names.add(cell.strip().toLowerCase(Locale.ROOT));
        }
        // Empty header cells get a name of their own (Excel's trailing ones are then ignored).
        for (int i = 0; i < names.size(); i++) {
          if (names.get(i).isEmpty()) {
            names.set(i, "_empty_" + i);
          }
        }
        return new CsvFile(p, utf8, sep, skip, names);
      }
      skip++;
      pos = end + 1;
    }
    return new CsvFile(p, utf8, ';', skip, null);
  }

  static boolean validUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + len >= n) {
        return false;
      }
      int cp = c & (0x3F >> len);
      for (int k = 1; k <= len; k++) {
        int d = b[i + k] & 0xff;
        if ((d & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (d & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += len + 1;
    }
    return true;
  }

  static String lit(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String quoteIdent(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static Map<String, String> parseArgs(String[] args) {
    return parseArgs(args, DuckDbPeer::usage);
  }

  private static String require(Map<String, String> opt, String key) {
    return require(opt, key, DuckDbPeer::usage);
  }

  /** {@code --key value} or {@code --key=value} pairs; {@code usage} reports an error (null: --help) and exits. */
  static Map<String, String> parseArgs(String[] args, java.util.function.Consumer<String> usage) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help")) {
        usage.accept(null);
      }
      if (!a.startsWith("--")) {
        usage.accept("unexpected argument " + a);
      }
      String key = a.substring(2);
      String value;
      int eq = key.indexOf('=');
      if (eq >= 0) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        usage.accept("missing value for " + a);
        return opt;
      }
      opt.put(key, value);
    }
    return opt;
  }

  static String require(Map<String, String> opt, String key, java.util.function.Consumer<String> usage) {
    String v = opt.get(key);
    if (v == null) {
      usage.accept("missing --" + key);
    }
    return v;
  }

  private static void usage(String error) {
    if (error != null) {
      System.err.println("duckdb-peer: " + error);
    }
    System.err.println("Usage: DuckDbPeer --input DIR --output DIR --from YYYY-MM --to YYYY-MM"
        + " [--threads N] [--memory-limit 2GB] [--database FILE]");
    System.exit(error == null ? 0 : 2);
  }

  /** Prints the seconds of each step. */
  private static final class Timer {
    private long last = System.nanoTime();

    void step(String name, String what) {
      long now = System.nanoTime();
      System.out.printf(Locale.ROOT, "duckdb-peer: %-26s %8.2f s  %s%n", name, (now - last) / 1e9, what);
      last = now;
    }
  }
}
