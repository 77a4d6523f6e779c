package se.glappet.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import se.glappet.model.OutputTable;
import se.glappet.records.ReasonCode;

/**
 * The disclosure rules of contract section 4.6 as plain functions on output rows: a count of 1 to 4
 * is too small to publish (zero is published); when it is, the count and the figures resting on it
 * become null; in the by-reason tables a lone suppressed row in a municipality-month drags the row
 * with the next smallest count along (ties: the reason first in the contract's order).
 */
public final class SmallCells {
  private SmallCells() {}

  /** A count that must not be published: 1 to 4 ({@link OutputTable.Disclosure#isSmall}). */
  public static boolean isSmall(Long count) {
    return OutputTable.Disclosure.isSmall(count);
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

  /**
   * Disclosure control for the rows of one month of {@code table} as its {@link OutputTable.Disclosure}
   * declares it: each row alone ({@code perRow}), each group of the by-reason tables with its
   * secondary suppression ({@code withSecondaryPer}; a month holds whole groups, because the
   * group's columns include the period), or nothing ({@code inStep}: the step that computed the
   * rows applied the rules). Results in no particular order.
   */
  public static List<Result> month(OutputTable table, List<Row> rowsOfMonth) {
    List<Result> out = new ArrayList<>(rowsOfMonth.size());
    switch (table.disclosure.mode) {
      case PER_ROW:
        for (Row r : rowsOfMonth) {
          out.add(primary(table, r));
        }
        break;
      case WITH_SECONDARY:
        org.apache.beam.sdk.schemas.Schema groupSchema = table.groupSchema();
        java.util.Map<Row, List<Row>> groups = new java.util.LinkedHashMap<>();
        for (Row r : rowsOfMonth) {
          groups.computeIfAbsent(table.groupOf(r, groupSchema), g -> new ArrayList<>()).add(r);
        }
        for (List<Row> group : groups.values()) {
          out.addAll(byReason(table, group));
        }
        break;
      case IN_STEP:
        for (Row r : rowsOfMonth) {
          out.add(new Result(r, 0));
        }
        break;
      default:
        throw new IllegalStateException("unknown disclosure mode " + table.disclosure.mode);
    }
    return out;
  }

  /** Applies the primary rules that {@code table} declares on its counts to one row. */
  public static Result primary(OutputTable table, Row row) {
    List<String> toNull = new ArrayList<>();
    for (OutputTable.Col count : table.smallCounts()) {
      if (isSmall(row.getInt64(count.name))) {
        toNull.addAll(count.nulledWhenSmall());
      }
    }
    return nullOut(row, toNull);
  }

  /** Nulls the given columns and sets {@code suppressed} when any was nulled. */
  static Result nullOut(Row row, List<String> columns) {
    if (columns.isEmpty()) {
      return new Result(row, 0);
    }
    // By field index: Row.fromRow(row).withFieldValue(name, ...) resolves a field-access descriptor
    // per call, which was most of this step's time.
    Schema schema = row.getSchema();
    List<Object> values = new ArrayList<>(row.getValues());
    long nulled = 0;
    for (String c : new java.util.LinkedHashSet<>(columns)) {
      int i = schema.indexOf(c);
      if (values.get(i) != null) {
        nulled++;
      }
      values.set(i, null);
    }
    values.set(schema.indexOf(OutputTable.SUPPRESSED), true);
    return new Result(OutputTable.checkedRow(schema, values), nulled);
  }

  /**
   * Primary and secondary suppression for the rows of one group ({@link OutputTable.Disclosure#groupBy},
   * a municipality-month) of a by-reason table, on the one count that the table declares with a rule
   * ({@code gap_by_reason}: {@code persons}; {@code income_support_by_reason}: {@code households}).
   */
  public static List<Result> byReason(OutputTable table, List<Row> rowsOfMunicipalityMonth) {
    if (table.disclosure.mode != OutputTable.Disclosure.Mode.WITH_SECONDARY) {
      throw new IllegalArgumentException(table.datasetName + " has no secondary suppression");
    }
    OutputTable.Col count = table.smallCounts().get(0);
    String countColumn = count.name;
    List<String> columns = count.nulledWhenSmall();
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
