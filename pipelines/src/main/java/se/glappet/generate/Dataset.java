package se.glappet.generate;

/** The four input datasets: their folder, contract columns, and column order per dialect. */
enum Dataset {
  KIS(
      "kis",
      new String[] {
        "municipality_code", "period", "reception_type", "newcomers_received", "with_plan", "awaiting_plan",
        "in_sfi"
      },
      new int[] {1, 0, 2, 3, 4, 5, 6},
      new int[] {0, 1, 2, 3, 5, 4, 6},
      "anmärkning"),
  INCOME_SUPPORT(
      "income-support",
      new String[] {
        "municipality_code", "payment_id", "household_id", "person_id", "payment_date", "covers_from",
        "covers_to", "amount_sek", "reason_code", "adults", "children"
      },
      new int[] {1, 0, 4, 5, 6, 7, 8, 2, 3, 9, 10},
      new int[] {0, 2, 3, 1, 4, 7, 5, 6, 9, 10, 8},
      "kommentar"),
  ALLOWANCES(
      "allowances",
      new String[] {
        "person_id", "municipality_code", "allowance_type", "from_date", "to_date", "first_payment_date",
        "daily_amount_sek"
      },
      new int[] {1, 0, 2, 3, 4, 6, 5},
      new int[] {0, 2, 1, 3, 4, 5, 6},
      "handläggare"),
  POPULATION(
      "population",
      new String[] {"municipality_code", "year", "population"},
      new int[] {1, 0, 2},
      new int[] {0, 1, 2},
      "kommun");

  final String folder;
  /** Contract column names in contract order; cells are addressed by these indexes. */
  final String[] columns;
  private final int[] excelOrder;
  private final int[] windowsOrder;
  /**
   * Name of the ignored extra column the Windows-1252 dialect carries (index {@code columns.length}); a
   * Swedish letter in it (or in its values) keeps such a file from also being valid UTF-8.
   */
  final String extraColumn;

  Dataset(String folder, String[] columns, int[] excelOrder, int[] windowsOrder, String extraColumn) {
    this.folder = folder;
    this.columns = columns;
    this.excelOrder = excelOrder;
    this.windowsOrder = windowsOrder;
    this.extraColumn = extraColumn;
  }

  /** Column indexes in the order a file of this dialect writes them (the extra column not included). */
  int[] order(Dialect dialect) {
    switch (dialect) {
      case EXCEL_BOM:
        return excelOrder.clone();
      case WINDOWS_1252:
        return windowsOrder.clone();
      default:
        int[] plain = new int[columns.length];
        for (int i = 0; i < plain.length; i++) {
          plain[i] = i;
        }
        return plain;
    }
  }
}
