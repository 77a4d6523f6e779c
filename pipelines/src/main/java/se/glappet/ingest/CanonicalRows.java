package se.glappet.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
import se.glappet.records.Payment;
import se.glappet.records.PopulationRow;
import se.glappet.records.ReasonCode;

/** Turns the canonical values of an accepted row (see {@link RowParser}) into its typed record. */
public final class CanonicalRows {
  private CanonicalRows() {}

  static String[] fields(String canonical, int n) {
    String[] out = new String[n];
    int start = 0;
    for (int i = 0; i < n - 1; i++) {
      int end = canonical.indexOf(RowParser.SEP, start);
      out[i] = canonical.substring(start, end);
      start = end + 1;
    }
    out[n - 1] = canonical.substring(start);
    return out;
  }

  private static LocalDate dateOrNull(String s) {
    return s.isEmpty() ? null : date(s);
  }

  /**
   * A canonical date, always {@code YYYY-MM-DD} with a four-digit year (RowParser wrote it), read
   * without a DateTimeFormatter, which cost a tenth of the payments' second reading.
   */
  static LocalDate date(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return LocalDate.parse(s);
    }
    return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
  }

  public static Payment payment(String canonical) {
    String[] f = fields(canonical, 11);
    return new Payment(f[0], f[1], f[2], f[3], date(f[4]), date(f[5]),
        date(f[6]), new BigDecimal(f[7]), ReasonCode.valueOf(f[8]),
        Integer.parseInt(f[9]), Integer.parseInt(f[10]));
  }

  /**
   * The payment of an accepted row, from its typed values when it carries them (exactly what
   * {@link #payment(String)} makes of its canonical text: the amount without trailing zeros).
   */
  public static Payment payment(ParsedRow row) {
    Object[] v = row.values;
    if (v == null) {
      return payment(row.canonical());
    }
    BigDecimal amount = withoutTrailingZeros((BigDecimal) v[7]);
    return new Payment((String) v[0], (String) v[1], (String) v[2], (String) v[3], (LocalDate) v[4],
        (LocalDate) v[5], (LocalDate) v[6], amount, (ReasonCode) v[8], ((Long) v[9]).intValue(),
        ((Long) v[10]).intValue());
  }

  public static AllowancePeriod allowance(String canonical) {
    String[] f = fields(canonical, 7);
    return new AllowancePeriod(f[0], f[1], AllowancePeriod.Type.valueOf(f[2]), date(f[3]),
        dateOrNull(f[4]), dateOrNull(f[5]), new BigDecimal(f[6]));
  }

  /**
   * The allowance period of an accepted row, from its typed values when it carries them (exactly
   * what {@link #allowance(String)} makes of its canonical text: the amount without trailing zeros).
   */
  public static AllowancePeriod allowance(ParsedRow row) {
    Object[] v = row.values;
    if (v == null) {
      return allowance(row.canonical());
    }
    return new AllowancePeriod((String) v[0], (String) v[1], (AllowancePeriod.Type) v[2], (LocalDate) v[3],
        (LocalDate) v[4], (LocalDate) v[5], withoutTrailingZeros((BigDecimal) v[6]));
  }

  /** The person of an accepted allowance row: {@code allowance(row).personId} without the record. */
  public static String allowancePerson(ParsedRow row) {
    return row.values == null ? allowance(row.canonical()).personId : (String) row.values[0];
  }

  /** What {@code new BigDecimal(canonical text)} gives: trailing zeros stripped, scale at least 0. */
  private static BigDecimal withoutTrailingZeros(BigDecimal x) {
    BigDecimal amount = x.stripTrailingZeros();
    return amount.scale() < 0 ? amount.setScale(0) : amount;
  }

  public static KisRow kis(String canonical) {
    String[] f = fields(canonical, 7);
    return new KisRow(f[0], YearMonth.parse(f[1]), KisRow.ReceptionType.valueOf(f[2]),
        Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
        f[6].isEmpty() ? null : Long.valueOf(f[6]));
  }

  public static PopulationRow population(String canonical) {
    String[] f = fields(canonical, 3);
    return new PopulationRow(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]));
  }

  /** The municipality code of an accepted row of any dataset (for "municipalities in the batch"). */
  public static String municipality(Dataset dataset, String canonical) {
    return field(canonical, dataset.indexOf("municipality_code"));
  }

  /** The canonical value of column number {@code index}. */
  static String field(String canonical, int index) {
    int start = 0;
    for (int i = 0; i < index; i++) {
      start = canonical.indexOf(RowParser.SEP, start) + 1;
    }
    int end = canonical.indexOf(RowParser.SEP, start);
    return end < 0 ? canonical.substring(start) : canonical.substring(start, end);
  }
}
