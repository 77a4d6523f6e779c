package se.glappet.ingest;

import static se.glappet.ingest.Column.Type.ALLOWANCE_TYPE;
import static se.glappet.ingest.Column.Type.AMOUNT;
import static se.glappet.ingest.Column.Type.DATE;
import static se.glappet.ingest.Column.Type.MONTH;
import static se.glappet.ingest.Column.Type.MUNICIPALITY;
import static se.glappet.ingest.Column.Type.PAYMENT_ID;
import static se.glappet.ingest.Column.Type.PSEUDONYM;
import static se.glappet.ingest.Column.Type.REASON_CODE;
import static se.glappet.ingest.Column.Type.RECEPTION_TYPE;

import java.util.List;

/** The four input datasets of contract section 2: folder, columns in contract order, and key. */
public enum Dataset {
  KIS(
      "kis",
      List.of(
          Column.required("municipality_code", MUNICIPALITY),
          Column.required("period", MONTH),
          Column.required("reception_type", RECEPTION_TYPE),
          Column.integer("newcomers_received", true, 0, Long.MAX_VALUE),
          Column.integer("with_plan", true, 0, Long.MAX_VALUE),
          Column.integer("awaiting_plan", true, 0, Long.MAX_VALUE),
          Column.integer("in_sfi", false, 0, Long.MAX_VALUE)),
      new int[] {0, 1, 2},
      true),
  INCOME_SUPPORT(
      "income-support",
      List.of(
          Column.required("municipality_code", MUNICIPALITY),
          Column.required("payment_id", PAYMENT_ID),
          Column.required("household_id", PSEUDONYM),
          Column.required("person_id", PSEUDONYM),
          Column.required("payment_date", DATE),
          Column.required("covers_from", DATE),
          Column.required("covers_to", DATE),
          Column.required("amount_sek", AMOUNT),
          Column.required("reason_code", REASON_CODE),
          Column.integer("adults", true, 1, 2),
          Column.integer("children", true, 0, 20)),
      new int[] {0, 1},
      true),
  ALLOWANCES(
      "allowances",
      List.of(
          Column.required("person_id", PSEUDONYM),
          Column.required("municipality_code", MUNICIPALITY),
          Column.required("allowance_type", ALLOWANCE_TYPE),
          Column.required("from_date", DATE),
          Column.optional("to_date", DATE),
          Column.optional("first_payment_date", DATE),
          Column.required("daily_amount_sek", AMOUNT)),
      new int[] {0, 2, 3},
      true),
  POPULATION(
      "population",
      List.of(
          Column.required("municipality_code", MUNICIPALITY),
          Column.required("year", Column.Type.YEAR),
          Column.integer("population", true, 1, Long.MAX_VALUE)),
      new int[] {0, 1},
      false);

  /** The folder name under the input folder, also the {@code dataset} value of rejected rows. */
  public final String folder;
  /** Contract columns in contract order. */
  public final List<Column> columns;
  /** Indexes into {@link #columns} of the key columns. */
  final int[] key;
  /** Whether the folder must exist. */
  public final boolean requiredFolder;
  /** Index into {@link #columns} of {@code municipality_code}. */
  final int municipalityIndex;

  Dataset(String folder, List<Column> columns, int[] key, boolean requiredFolder) {
    this.folder = folder;
    this.columns = columns;
    this.key = key;
    this.requiredFolder = requiredFolder;
    this.municipalityIndex = indexOf("municipality_code");
  }

  /** The dataset whose folder name this is. */
  public static Dataset ofFolder(String folder) {
    for (Dataset d : values()) {
      if (d.folder.equals(folder)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dataset folder " + folder);
  }

  int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name.equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(column);
  }
}
