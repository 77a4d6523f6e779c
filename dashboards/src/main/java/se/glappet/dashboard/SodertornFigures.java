package se.glappet.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of the key-figure table, the time series and the "Varför?" chart, for each of the
 * eight municipalities and Södertörn in total ({@link #TOTAL}), as the page shows them
 * ({@link Figure}). The page only formats them; every rule about {@code ..}, {@code –} and
 * {@code *} is here.
 *
 * <p>JSON: {@code {"gap": {period: {code: {field: figure}}}, "reasons": {period: {code: {reason:
 * {field: figure}}}}}}, a figure being {@code {"state": "SHOWN", "value": 12.5}} with
 * {@code "partial": true, "members": ["0120", ...]} on totals.
 */
final class SodertornFigures {

  static final String TOTAL = "SODERTORN";
  static final String REPORTED = "income_support_reported";

  /** gap_monthly columns the page shows, each with the count whose suppression nulls it (contract §4.6). */
  static final Map<String, String> GAP_FIELDS = orderedMap(
      "persons_in_gap", "persons_in_gap",
      "median_cash_gap_days", "gaps_closed",
      "gap_support_sek", "gap_support_persons",
      "recoverable_sek", "recoverable_persons",
      "open_gaps_at_month_end", "open_gaps_at_month_end",
      "gap_person_days", "persons_in_gap");
  /** A median is not summed: Södertörn's comes from national_comparison's REGION row. */
  static final Set<String> NOT_SUMMED = Set.of("median_cash_gap_days");
  /** gap_monthly columns that are null when the municipality did not report the month (contract §4.1). */
  static final Set<String> PAYMENT_BASED = Set.of("gap_support_persons", "gap_support_sek",
      "gap_support_per_newcomer_sek", "recoverable_persons", "recoverable_sek");
  /** The eight gap reasons, in contract §2.6's order. */
  static final List<String> REASONS = List.of("WAITING_PLAN", "WAITING_PAYMENT", "BELOW_NORM",
      "OUTSIDE_TARGET_GROUP", "FAMILY_REUNION", "ALLOWANCE_REDUCED", "PLAN_ENDED", "SECONDARY_MOVE");
  /** gap_by_reason columns the page shows; both are nulled when persons is 1–4. */
  static final Map<String, String> REASON_FIELDS = orderedMap(
      "persons", "persons",
      "gap_support_sek", "persons");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SodertornFigures() {}

  /** One row of a table read by {@link DashboardData}: column name to cell; a missing column reads as null. */
  record Row(Map<String, JsonNode> cells) {
    Row {
      cells = Map.copyOf(cells);
    }

    boolean isNull(String column) {
      JsonNode v = cells.get(column);
      return v == null || v.isNull();
    }

    String text(String column) {
      return isNull(column) ? null : cells.get(column).asText();
    }

    BigDecimal decimal(String column) {
      return isNull(column) ? null : cells.get(column).decimalValue();
    }

    /** false only when the column holds false; a file from before the column existed reads as reported. */
    boolean reported() {
      return isNull(REPORTED) || cells.get(REPORTED).asBoolean();
    }

    boolean suppressed() {
      return !isNull("suppressed") && cells.get("suppressed").asBoolean();
    }

    /** The rows of a {@code {"cols": [...], "rows": [[...]]}} table. */
    static List<Row> of(JsonNode table) {
      JsonNode cols = table.get("cols");
      List<Row> rows = new java.util.ArrayList<>();
      for (JsonNode r : table.get("rows")) {
        Map<String, JsonNode> cells = new HashMap<>();
        for (int i = 0; i < cols.size(); i++) {
          cells.put(cols.get(i).asText(), r.get(i));
        }
        rows.add(new Row(cells));
      }
      return rows;
    }
  }

  /**
   * A gap_monthly cell: its value; {@code –} (not reported) for a payment-based column of a month the
   * municipality did not report; {@code ..} when the row is suppressed and the controlling count is
   * null; otherwise nothing to report. A missing row is nothing to report.
   */
  static Figure gapFigure(Row row, String field, String control) {
    if (row == null) {
      return Figure.ABSENT;
    }
    if (!row.isNull(field)) {
      return Figure.shown(row.decimal(field));
    }
    if (!row.reported() && PAYMENT_BASED.contains(field)) {
      return Figure.NOT_REPORTED;
    }
    return row.suppressed() && row.isNull(control) ? Figure.SUPPRESSED : Figure.ABSENT;
  }

  /**
   * A gap_by_reason cell. Without a row, the municipality had no gap support of that reason: zero
   * when it reported the month, {@code –} when it did not, nothing when it has no gap_monthly row.
   */
  static Figure reasonFigure(Row gapRow, Row reasonRow, String field) {
    if (reasonRow != null) {
      return gapFigure(reasonRow, field, REASON_FIELDS.get(field));
    }
    if (gapRow == null) {
      return Figure.ABSENT;
    }
    return gapRow.reported() ? Figure.shown(BigDecimal.ZERO) : Figure.NOT_REPORTED;
  }

  /** The figures of the given municipalities and their total, for every period of the gap rows. */
  static ObjectNode build(List<Row> gap, List<Row> reasons, List<String> municipalities) {
    Map<String, Map<String, Row>> gapBy = new TreeMap<>();
    for (Row r : gap) {
      gapBy.computeIfAbsent(r.text("period"), p -> new HashMap<>()).put(r.text("municipality_code"), r);
    }
    Map<String, Row> reasonBy = new HashMap<>();
    for (Row r : reasons) {
      reasonBy.put(r.text("period") + "|" + r.text("municipality_code") + "|" + r.text("reason_code"), r);
    }
    ObjectNode root = NODES.objectNode();
    ObjectNode gapOut = root.putObject("gap");
    ObjectNode reasonOut = root.putObject("reasons");
    for (Map.Entry<String, Map<String, Row>> month : gapBy.entrySet()) {
      String period = month.getKey();
      ObjectNode gapMonth = gapOut.putObject(period);
      ObjectNode reasonMonth = reasonOut.putObject(period);
      Map<String, SortedMap<String, Figure>> gapMembers = new HashMap<>();
      Map<String, SortedMap<String, Figure>> reasonMembers = new HashMap<>();
      for (String code : new TreeSet<>(municipalities)) {
        Row row = month.getValue().get(code);
        ObjectNode own = gapMonth.putObject(code);
        GAP_FIELDS.forEach((field, control) -> {
          Figure f = gapFigure(row, field, control);
          own.set(field, json(f));
          gapMembers.computeIfAbsent(field, k -> new TreeMap<>()).put(code, f);
        });
        ObjectNode ownReasons = reasonMonth.putObject(code);
        for (String reason : REASONS) {
          ObjectNode cell = ownReasons.putObject(reason);
          Row reasonRow = reasonBy.get(period + "|" + code + "|" + reason);
          for (String field : REASON_FIELDS.keySet()) {
            Figure f = reasonFigure(row, reasonRow, field);
            cell.set(field, json(f));
            reasonMembers.computeIfAbsent(reason + "|" + field, k -> new TreeMap<>()).put(code, f);
          }
        }
      }
      ObjectNode total = gapMonth.putObject(TOTAL);
      GAP_FIELDS.keySet().stream().filter(f -> !NOT_SUMMED.contains(f))
          .forEach(field -> total.set(field, json(AreaTotal.of(gapMembers.get(field)))));
      ObjectNode totalReasons = reasonMonth.putObject(TOTAL);
      for (String reason : REASONS) {
        ObjectNode cell = totalReasons.putObject(reason);
        for (String field : REASON_FIELDS.keySet()) {
          cell.set(field, json(AreaTotal.of(reasonMembers.get(reason + "|" + field))));
        }
      }
    }
    return root;
  }

  static ObjectNode json(Figure f) {
    ObjectNode n = NODES.objectNode();
    n.put("state", f.state().name());
    if (f.value() != null) {
      n.put("value", f.value());
    }
    if (f.partial()) {
      n.put("partial", true);
    }
    if (!f.members().isEmpty()) {
      f.members().forEach(n.putArray("members")::add);
    }
    return n;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
