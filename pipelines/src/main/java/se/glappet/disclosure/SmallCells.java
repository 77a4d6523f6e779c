package se.glappet.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import se.glappet.publish.OutputTable;
import se.glappet.records.ReasonCode;

/**
 * The disclosure rules of contract section 4.6 as plain functions on output rows: a count of 1 to 4
 * is too small to publish (zero is published); when it is, the count and the figures resting on it
 * become null; in the by-reason tables a lone suppressed row in a municipality-month drags the row
 * with the next smallest count along (ties: the reason first in the contract's order).
 */
public final class SmallCells {
  private SmallCells() {}

  /** Primary rules: count column → the columns nulled when it is 1–4 (the count itself included). */
  static final Map<OutputTable, Map<String, List<String>>> RULES = Map.of(
      OutputTable.GAP_MONTHLY, Map.of(
          "persons_in_gap", List.of("persons_in_gap", "persons_in_gap_with_support", "gap_person_days"),
          "gap_support_persons", List.of("gap_support_persons", "gap_support_sek", "gap_support_per_newcomer_sek"),
          "gaps_closed", List.of("gaps_closed", "median_cash_gap_days", "p90_cash_gap_days",
              "median_entitlement_gap_days"),
          "recoverable_persons", List.of("recoverable_persons", "recoverable_sek"),
          "open_gaps_at_month_end", List.of("open_gaps_at_month_end"),
          "newcomers_received", List.of("newcomers_received", "gap_support_per_newcomer_sek")),
      OutputTable.GAP_BY_REASON, Map.of("persons", List.of("persons", "gap_support_sek")),
      OutputTable.INCOME_SUPPORT_MONTHLY, Map.of("households", List.of("households", "persons", "payments",
          "amount_sek", "amount_per_household_sek", "gap_reason_amount_sek")),
      OutputTable.INCOME_SUPPORT_BY_REASON, Map.of("households", List.of("households", "amount_sek")));

  /** A count that must not be published: 1 to 4. */
  public static boolean isSmall(Long count) {
    return count != null && count >= 1 && count <= 4;
  }

  /** A row after disclosure control and how many cells holding a value it nulled. */
  public static final class Result {
    public final Row row;
    public final long cellsNulled;

    Result(Row row, long cellsNulled) {
      this.row = row;
      this.cellsNulled = cellsNulled;
    }
  }

  /** Applies the primary rules of {@code table} to one row. */
  public static Result primary(OutputTable table, Row row) {
    List<String> toNull = new ArrayList<>();
    for (Map.Entry<String, List<String>> rule : RULES.get(table).entrySet()) {
      if (isSmall(row.getInt64(rule.getKey()))) {
        toNull.addAll(rule.getValue());
      }
    }
    return nullOut(row, toNull);
  }

  /** Nulls the given columns and sets {@code suppressed} when any was nulled. */
  static Result nullOut(Row row, List<String> columns) {
    if (columns.isEmpty()) {
      return new Result(row, 0);
    }
    Row.FieldValueBuilder b = Row.fromRow(row);
    long nulled = 0;
    for (String c : new java.util.LinkedHashSet<>(columns)) {
      if (row.getValue(c) != null) {
        nulled++;
      }
      b = b.withFieldValue(c, null);
    }
    return new Result(b.withFieldValue("suppressed", true).build(), nulled);
  }

  /**
   * Primary and secondary suppression for the rows of one municipality and month of a by-reason
   * table ({@code gap_by_reason}: count column {@code persons}; {@code income_support_by_reason}:
   * {@code households}).
   */
  public static List<Result> byReason(OutputTable table, List<Row> rowsOfMunicipalityMonth) {
    String countColumn = RULES.get(table).keySet().iterator().next();
    List<String> columns = RULES.get(table).get(countColumn);
    List<Row> rows = new ArrayList<>(rowsOfMunicipalityMonth);
    Comparator<Row> order = Comparator
        .comparing((Row r) -> r.getInt64(countColumn))
        .thenComparing(r -> ReasonCode.valueOf(r.getString("reason_code")).ordinal());
    rows.sort(Comparator.comparing(r -> ReasonCode.valueOf(r.getString("reason_code")).ordinal()));
    List<Row> small = new ArrayList<>();
    for (Row r : rows) {
      if (isSmall(r.getInt64(countColumn))) {
        small.add(r);
      }
    }
    Row secondary = null;
    if (small.size() == 1) {
      secondary = rows.stream().filter(r -> r != small.get(0)).min(order).orElse(null);
    }
    List<Result> out = new ArrayList<>();
    for (Row r : rows) {
      boolean suppress = small.contains(r) || r == secondary;
      out.add(suppress ? nullOut(r, columns) : new Result(r, 0));
    }
    return out;
  }
}
