package se.glappet.generate;

/** One allowance period as known at the end of the last generated month. */
final class AllowanceRow {
  final String personId;
  final String municipalityCode;
  final boolean lma;
  final int fromDate;
  /** {@link Days#NONE} = ongoing. */
  final int toDate;
  /** {@link Days#NONE} = not paid yet (always on LMA rows). */
  final int firstPaymentDate;
  final long dailyOre;
  /** The year of the allowances file the row is written to. */
  final int fileYear;

  AllowanceRow(
      String personId, String municipalityCode, boolean lma, int fromDate, int toDate,
      int firstPaymentDate, long dailyOre, int fileYear) {
    this.personId = personId;
    this.municipalityCode = municipalityCode;
    this.lma = lma;
    this.fromDate = fromDate;
    this.toDate = toDate;
    this.firstPaymentDate = firstPaymentDate;
    this.dailyOre = dailyOre;
    this.fileYear = fileYear;
  }
}
