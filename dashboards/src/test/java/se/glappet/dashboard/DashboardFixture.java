package se.glappet.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small published output folder, written with DuckDB in the contract's column types: three months,
 * the eight Södertörn municipalities and five others, with suppressed cells in known places.
 *
 * <ul>
 *   <li>Botkyrka 2024-03: 1 234 persons in the gap (1 200 in 2024-02), gap support 1 234 567,89 kr.
 *   <li>Salem 2024-03: persons in the gap and recoverable money suppressed; in gap_by_reason
 *       SECONDARY_MOVE suppressed and FAMILY_REUNION secondarily suppressed.
 *   <li>Nynäshamn 2024-02: gap support suppressed.
 *   <li>Tyresö 2024-03: no gap closed, so no median (null, not suppressed).
 *   <li>Haninge and Uppsala 2024-03: non-response (no income-support payment in the month):
 *       income_support_reported false, the payment-based gap_monthly figures null, not suppressed, no
 *       income_support_* or gap_by_reason rows; in national_comparison the four payment-based KPIs
 *       have value, numerator and base null and are not ranked.
 *   <li>Tyresö 2024-03 in gap_by_reason: OUTSIDE_TARGET_GROUP (3 persons) and PLAN_ENDED (2) suppressed.
 *       So Södertörn's OUTSIDE_TARGET_GROUP in March rests on zeros, Tyresö hidden and Haninge not
 *       reporting: {@code ..}; FAMILY_REUNION in March adds up six shown 15 500,00 kr (Salem hidden,
 *       Haninge not reporting): 93 000 kr {@code *}; ALLOWANCE_REDUCED is 0 in February (all report
 *       nothing) and {@code ..} in March (zeros and Haninge).
 *   <li>national_comparison: Salem GAP_SUPPORT_PER_NEWCOMER 2024-03 suppressed; Malmö
 *       RECOVERABLE_SHARE without value (not suppressed), so Skåne has no published member there
 *       (value null, members 0).
 *   <li>manifest.json: this run published 2024-02..2024-03 and revised 2024-02 (gap_monthly 10
 *       changed cells and 1 added row, national_comparison 3 changed cells: 14 in all); 2024-01 was
 *       published by an earlier run.
 * </ul>
 */
final class DashboardFixture {

  static final List<String> PERIODS = List.of("2024-01", "2024-02", "2024-03");
  static final String LATEST = "2024-03";
  static final String RUN_ID = "20240402T060000Z-fixture";
  static final String PREVIOUS_RUN_ID = "20240302T060000Z-fixture";
  /** Municipalities that did not report 2024-03 (non-response). */
  static final List<String> NOT_REPORTING_MARCH = List.of("0136", "0380");
  /** Municipalities in the batch, in generator order (the index drives the generated values). */
  /**
   * The comparison KPIs as the batch hands them to the renderer (its declaration, se.glappet.figures.Kpi,
   * in the dashboard's order); a copy here, since this module cannot read the batch's classes.
   */
  static final List<KpiLabel> KPI_LABELS = List.of(
      new KpiLabel("GAP_SUPPORT_PER_NEWCOMER", "Försörjningsstöd i glappet per mottagen nyanländ, kr", "SEK", true),
      new KpiLabel("MEDIAN_CASH_GAP_DAYS", "Mediantid i glappet, dagar", "DAYS", false),
      new KpiLabel("RECOVERABLE_SHARE", "Andel återsökningsbart av stödet i glappet, %", "SHARE", true),
      new KpiLabel("INCOME_SUPPORT_PER_INHABITANT", "Försörjningsstöd per invånare, kr", "SEK_PER_INHABITANT", true),
      new KpiLabel("HOUSEHOLDS_PER_1000_INHABITANTS", "Hushåll med försörjningsstöd per 1\u00a0000 invånare",
          "PER_1000_INHABITANTS", true));

  static final Map<String, String> NAMES = new LinkedHashMap<>();
  static {
    NAMES.put("0127", "Botkyrka");
    NAMES.put("0136", "Haninge");
    NAMES.put("0126", "Huddinge");
    NAMES.put("0192", "Nynäshamn");
    NAMES.put("0128", "Salem");
    NAMES.put("0181", "Södertälje");
    NAMES.put("0138", "Tyresö");
    NAMES.put("0120", "Värmdö");
    NAMES.put("0180", "Stockholm");
    NAMES.put("0114", "Upplands Väsby");
    NAMES.put("0380", "Uppsala");
    NAMES.put("1280", "Malmö");
    NAMES.put("1480", "Göteborg");
  }
  static final Map<String, String> COUNTIES = Map.of(
      "01", "Stockholms län", "03", "Uppsala län", "12", "Skåne län", "14", "Västra Götalands län");
  static final List<String> KPIS = List.of("INCOME_SUPPORT_PER_INHABITANT", "HOUSEHOLDS_PER_1000_INHABITANTS",
      "GAP_SUPPORT_PER_NEWCOMER", "RECOVERABLE_SHARE", "MEDIAN_CASH_GAP_DAYS");

  private DashboardFixture() {}

  static int index(String code) {
    return List.copyOf(NAMES.keySet()).indexOf(code);
  }

  static int month(String period) {
    return PERIODS.indexOf(period);
  }

  /** Whether the municipality reported income support for the month (contract section 4). */
  static boolean reported(String code, String period) {
    return !(period.equals(LATEST) && NOT_REPORTING_MARCH.contains(code));
  }

  /** persons_in_gap as published; null when suppressed. */
  static Long personsInGap(String code, String period) {
    if (code.equals("0128") && period.equals("2024-03")) {
      return null;
    }
    if (code.equals("0127")) {
      return switch (period) {
        case "2024-03" -> 1234L;
        case "2024-02" -> 1200L;
        default -> 1150L;
      };
    }
    return 40L + 17L * index(code) + 6L * month(period);
  }

  /** gap_support_sek as published; null when suppressed or not reported. */
  static BigDecimal gapSupport(String code, String period) {
    if (code.equals("0192") && period.equals("2024-02") || !reported(code, period)) {
      return null;
    }
    if (code.equals("0127") && period.equals("2024-03")) {
      return new BigDecimal("1234567.89");
    }
    return new BigDecimal("150000").add(new BigDecimal("23456.78").multiply(BigDecimal.valueOf(index(code))))
        .add(BigDecimal.valueOf(10000L * month(period)));
  }

  static BigDecimal recoverable(String code, String period) {
    if (code.equals("0128") && period.equals("2024-03") || !reported(code, period)) {
      return null;
    }
    return new BigDecimal("20000").add(new BigDecimal("1234.5").multiply(BigDecimal.valueOf(index(code))))
        .add(BigDecimal.valueOf(1000L * month(period)));
  }

  static Long openGaps(String code, String period) {
    return 20L + 5L * index(code) + month(period);
  }

  static Double medianCashGapDays(String code, String period) {
    return code.equals("0138") && period.equals("2024-03") ? null : 30 + index(code) + 0.5 * month(period);
  }

  /** The municipality value of a KPI; null for the documented cells and the non-responses' payment-based KPIs. */
  static Double kpiValue(String code, String kpi, String period) {
    if (!reported(code, period) && !kpi.equals("MEDIAN_CASH_GAP_DAYS")) {
      return null;
    }
    if (code.equals("0128") && kpi.equals("GAP_SUPPORT_PER_NEWCOMER") && period.equals(LATEST)) {
      return null;
    }
    if (code.equals("1280") && kpi.equals("RECOVERABLE_SHARE")) {
      return null;
    }
    int i = index(code);
    int m = month(period);
    return switch (kpi) {
      case "INCOME_SUPPORT_PER_INHABITANT" -> 80.0 + 7.3 * ((i * 5) % 13) + m;
      case "HOUSEHOLDS_PER_1000_INHABITANTS" -> 5.0 + 0.7 * ((i * 3) % 13);
      case "GAP_SUPPORT_PER_NEWCOMER" -> 4000.0 + 1375.5 * ((i * 7) % 13) + 100 * m;
      case "RECOVERABLE_SHARE" -> 0.05 + 0.021 * ((i * 4) % 13);
      default -> 28.0 + 4.5 * ((i * 2) % 13);
    };
  }

  /** Writes every dataset and the manifest under out. */
  static void write(Path out) throws IOException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      st.execute("CREATE TABLE gap_monthly (period VARCHAR, municipality_code VARCHAR, persons_in_gap BIGINT,"
          + " persons_in_gap_with_support BIGINT, gap_person_days INTEGER, gap_support_persons BIGINT,"
          + " gap_support_sek DECIMAL(18,2), gaps_closed BIGINT, median_cash_gap_days DOUBLE, p90_cash_gap_days DOUBLE,"
          + " median_entitlement_gap_days DOUBLE, open_gaps_at_month_end BIGINT, recoverable_persons BIGINT,"
          + " recoverable_sek DECIMAL(18,2), newcomers_received BIGINT, gap_support_per_newcomer_sek DECIMAL(18,2),"
          + " income_support_reported BOOLEAN, suppressed BOOLEAN)");
      st.execute("CREATE TABLE gap_by_reason (period VARCHAR, municipality_code VARCHAR, reason_code VARCHAR,"
          + " persons BIGINT, gap_support_sek DECIMAL(18,2), suppressed BOOLEAN)");
      st.execute("CREATE TABLE income_support_monthly (period VARCHAR, municipality_code VARCHAR, households BIGINT,"
          + " persons BIGINT, payments BIGINT, amount_sek DECIMAL(18,2), amount_per_household_sek DECIMAL(18,2),"
          + " gap_reason_amount_sek DECIMAL(18,2), suppressed BOOLEAN)");
      st.execute("CREATE TABLE income_support_by_reason (period VARCHAR, municipality_code VARCHAR,"
          + " reason_code VARCHAR, households BIGINT, amount_sek DECIMAL(18,2), suppressed BOOLEAN)");
      st.execute("CREATE TABLE municipality_kpi (period VARCHAR, area_code VARCHAR, area_name VARCHAR,"
          + " county_code VARCHAR, county_name VARCHAR, kpi VARCHAR, value DOUBLE, reported BOOLEAN, suppressed BOOLEAN)");

      for (String period : PERIODS) {
        for (String code : NAMES.keySet()) {
          int i = index(code);
          int m = month(period);
          Long persons = personsInGap(code, period);
          BigDecimal support = gapSupport(code, period);
          long supportPersons = 37L + 17L * i + 6L * m;
          long newcomers = 10L + 2L * i;
          Double median = medianCashGapDays(code, period);
          long closed = median == null ? 0 : 6L + i + m;
          BigDecimal recoverable = recoverable(code, period);
          boolean reported = reported(code, period);
          insert(db, "gap_monthly", period, code, persons, persons == null ? null : persons - 3,
              persons == null ? null : (int) (persons * 20), support == null ? null : supportPersons, support, closed,
              median, median == null ? null : median + 25, median == null ? null : median - 10, openGaps(code, period),
              recoverable == null ? null : 5L + i, recoverable, newcomers,
              support == null ? null : support.divide(BigDecimal.valueOf(newcomers), 2, RoundingMode.HALF_UP),
              reported, persons == null || reported && (support == null || recoverable == null));
          if (reported) {
            insert(db, "income_support_monthly", period, code, 100L + i, 180L + i, 120L + i,
                new BigDecimal("900000.50").add(BigDecimal.valueOf(1000L * i)), new BigDecimal("9000.00"),
                new BigDecimal("300000.00"), false);
            insert(db, "income_support_by_reason", period, code, "WAITING_PLAN", 30L + i, new BigDecimal("200000.00"), false);
            insert(db, "income_support_by_reason", period, code, "UNEMPLOYED", 70L + i, new BigDecimal("700000.50"), false);
          }
          for (String kpi : KPIS) {
            Double value = kpiValue(code, kpi, period);
            boolean suppressed = value == null && !code.equals("1280") && reported;
            insert(db, "municipality_kpi", period, code, NAMES.get(code), code.substring(0, 2),
                COUNTIES.get(code.substring(0, 2)), kpi, value, reported || kpi.equals("MEDIAN_CASH_GAP_DAYS"), suppressed);
          }
          if (DashboardData.SODERTORN.contains(code) && reported) {
            insertReasons(db, period, code, i);
          }
        }
      }
      st.execute("CREATE TABLE national_comparison AS "
          + "WITH pub AS (SELECT * FROM municipality_kpi WHERE value IS NOT NULL AND NOT suppressed), "
          + "ranked AS (SELECT period, kpi, area_code, rank() OVER (PARTITION BY period, kpi ORDER BY value) AS rank,"
          + "  count(*) OVER (PARTITION BY period, kpi) AS n_ranked FROM pub), "
          + "med AS (SELECT period, kpi, median(value) AS national_median FROM pub GROUP BY period, kpi), "
          // Every area of every period and kpi; one without a published member has null figures and members 0.
          + "area_keys AS (SELECT DISTINCT period, kpi, 'COUNTY' AS area_type, county_code AS area_code,"
          + "   county_name AS area_name FROM municipality_kpi"
          + "  UNION ALL SELECT DISTINCT period, kpi, 'REGION', 'SODERTORN', 'Södertörn' FROM municipality_kpi"
          + "  UNION ALL SELECT DISTINCT period, kpi, 'NATION', 'SE', 'Riket' FROM municipality_kpi), "
          + "area_values AS ("
          + "  SELECT period, kpi, 'COUNTY' AS area_type, county_code AS area_code, avg(value) AS value,"
          + "   count(*) AS members FROM pub GROUP BY ALL"
          + "  UNION ALL SELECT period, kpi, 'REGION', 'SODERTORN', avg(value), count(*) FROM pub"
          + "   WHERE area_code IN ('0120','0126','0127','0128','0136','0138','0181','0192') GROUP BY ALL"
          + "  UNION ALL SELECT period, kpi, 'NATION', 'SE', avg(value), count(*) FROM pub GROUP BY ALL), "
          + "areas AS (SELECT k.period, k.area_type, k.area_code, k.area_name, k.kpi, v.value,"
          + "  coalesce(v.members, 0) AS members FROM area_keys k LEFT JOIN area_values v USING (period, kpi, area_type, area_code)) "
          + "SELECT m.period, 'MUNICIPALITY' AS area_type, m.area_code, m.area_name, m.kpi, m.value,"
          + "  m.value * 100 AS numerator, CASE WHEN m.value IS NULL AND m.reported THEN NULL ELSE 100.0 END AS denominator,"
          + "  CASE WHEN m.suppressed OR NOT m.reported THEN NULL ELSE 50 END::BIGINT AS base, 1::BIGINT AS members,"
          + "  r.rank::BIGINT AS rank, r.n_ranked::BIGINT AS n_ranked, med.national_median, m.suppressed"
          + " FROM municipality_kpi m LEFT JOIN ranked r USING (period, kpi, area_code) JOIN med USING (period, kpi)"
          + " UNION ALL "
          + "SELECT a.period, a.area_type, a.area_code, a.area_name, a.kpi, a.value, a.value * 100,"
          + "  CASE WHEN a.members = 0 THEN NULL ELSE 100.0 END, CASE WHEN a.members = 0 THEN NULL ELSE 50 * a.members END::BIGINT,"
          + "  a.members::BIGINT, NULL::BIGINT, NULL::BIGINT, med.national_median, false"
          + " FROM areas a JOIN med USING (period, kpi)");

      copy(st, out, "gap_monthly", "period, municipality_code");
      copy(st, out, "gap_by_reason", "period, municipality_code, reason_code");
      copy(st, out, "income_support_monthly", "period, municipality_code");
      copy(st, out, "income_support_by_reason", "period, municipality_code, reason_code");
      copy(st, out, "national_comparison", "period, area_type, area_code, kpi");
    } catch (SQLException e) {
      throw new IOException(e);
    }
    Files.writeString(out.resolve("manifest.json"), MANIFEST);
  }

  /** The manifest of a run that published 2024-02..2024-03 and revised 2024-02 (14 changes in all). */
  static final String MANIFEST = """
      {"run_id": "%s", "version": "0.1.0", "obs_end": "2024-04-01", "from": "2024-02", "to": "2024-03",
       "non_response": [{"municipality_code": "0136", "period": "2024-03"},
                        {"municipality_code": "0380", "period": "2024-03"}],
       "revisions": {"file": "revisions/%s.parquet", "previous_run_id": "%s", "rows": 14,
         "by_dataset": {
           "gap_monthly": {"2024-02": {"changed_cells": 10, "added_rows": 1, "removed_rows": 0}},
           "national_comparison": {"2024-02": {"changed_cells": 3, "added_rows": 0, "removed_rows": 0}}}}}
      """.formatted(RUN_ID, RUN_ID, PREVIOUS_RUN_ID);

  /** The same run's manifest as written before revisions were logged: no "revisions" key. */
  static final String MANIFEST_WITHOUT_REVISIONS = """
      {"run_id": "%s", "version": "0.1.0", "obs_end": "2024-04-01", "from": "2024-01", "to": "2024-03"}
      """.formatted(RUN_ID);

  private static void insertReasons(Connection db, String period, String code, int i) throws SQLException {
    boolean salemMarch = code.equals("0128") && period.equals(LATEST);
    if (code.equals("0138") && period.equals(LATEST)) {
      insert(db, "gap_by_reason", period, code, "OUTSIDE_TARGET_GROUP", null, null, true);
      insert(db, "gap_by_reason", period, code, "PLAN_ENDED", null, null, true);
    }
    insert(db, "gap_by_reason", period, code, "WAITING_PLAN", 12L + i, new BigDecimal("64000.00").add(BigDecimal.valueOf(2500L * i)), false);
    insert(db, "gap_by_reason", period, code, "WAITING_PAYMENT", 9L + i, new BigDecimal("41000.40"), false);
    insert(db, "gap_by_reason", period, code, "BELOW_NORM", 6L, new BigDecimal("12000.55"), false);
    insert(db, "gap_by_reason", period, code, "FAMILY_REUNION", salemMarch ? null : 7L,
        salemMarch ? null : new BigDecimal("15500.00"), salemMarch);
    insert(db, "gap_by_reason", period, code, "SECONDARY_MOVE", salemMarch ? null : 5L,
        salemMarch ? null : new BigDecimal("8000.00"), salemMarch);
  }

  private static void insert(Connection db, String table, Object... values) throws SQLException {
    String marks = String.join(", ", Arrays.stream(values).map(v -> "?").toList());
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }

  private static void copy(Statement st, Path out, String dataset, String key) throws SQLException, IOException {
    Path dir = Files.createDirectories(out.resolve(dataset));
    for (String period : PERIODS) {
      String file = dir.resolve(period + ".parquet").toString().replace("'", "''");
      st.execute("COPY (SELECT * FROM " + dataset + " WHERE period = '" + period + "' ORDER BY " + key + ") TO '"
          + file + "' (FORMAT PARQUET)");
    }
  }
}
