package se.glappet.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.glappet.ingest.FieldRules.BadValueException;
import se.glappet.privacy.IdentityNumbers;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
import se.glappet.records.ReasonCode;

/**
 * The row checks as RowParser made them before it read fields in place (kept to test that it still
 * decides every line the same way; nothing else uses it). The row checks of contract section 2.7 for one file, given its header: every data line becomes
 * either an accepted row (its key and canonical values) or a reject with the first reason that
 * applies, in the order MISSING_COLUMN, MALFORMED_ROW, PII_DETECTED, BAD_VALUE,
 * UNKNOWN_MUNICIPALITY, INCONSISTENT_DATES. Duplicates are decided later, across files.
 */
final class ReferenceRowParser {
  /** Separates values inside keys and canonical rows; never part of a valid value. */
  public static final char SEP = '\u001F';

  private static final BigDecimal MAX_PAYMENT = new BigDecimal("200000");
  private static final BigDecimal MAX_DAILY = new BigDecimal("1000");

  private final Dataset dataset;
  private final char separator;
  private final List<String> headerNames;
  private final int[] headerIndexOfColumn;
  private final String missingColumns;
  private final List<String> unknownColumns;
  private final Set<String> municipalities;
  /** Indexes into the dataset's columns of the dates {@link #checkDates} compares (-1: none). */
  private final int coversFrom;
  private final int coversTo;

  private ReferenceRowParser(Dataset dataset, char separator, List<String> headerNames, Set<String> municipalities) {
    this.dataset = dataset;
    this.separator = separator;
    this.headerNames = headerNames;
    this.municipalities = municipalities;
    this.headerIndexOfColumn = new int[dataset.columns.size()];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < dataset.columns.size(); c++) {
      Column col = dataset.columns.get(c);
      headerIndexOfColumn[c] = headerNames.indexOf(col.name);
      if (headerIndexOfColumn[c] < 0 && col.required) {
        missing.add(col.name);
      }
    }
    this.missingColumns = missing.isEmpty() ? null : String.join(",", missing);
    List<String> unknown = new ArrayList<>();
    for (String h : headerNames) {
      boolean known = dataset.columns.stream().anyMatch(col -> col.name.equals(h));
      if (!known && !unknown.contains(h)) {
        unknown.add(h);
      }
    }
    this.unknownColumns = unknown;
    boolean payments = dataset == Dataset.INCOME_SUPPORT;
    this.coversFrom = payments ? dataset.indexOf("covers_from") : -1;
    this.coversTo = payments ? dataset.indexOf("covers_to") : -1;
  }

  /**
   * Reads the header line of a file: detects the separator, normalises the names (trimmed, lower
   * case) and drops empty cells at the end. Returns null when the header cannot be split.
   */
  static ReferenceRowParser forHeader(Dataset dataset, String headerLine, Set<String> municipalities) {
    char sep = CsvDialect.detectSeparator(headerLine);
    List<String> raw = CsvDialect.split(headerLine, sep);
    if (raw == null) {
      raw = List.of(headerLine.split(String.valueOf(sep), -1));
    }
    List<String> names = new ArrayList<>(raw.size());
    for (String r : raw) {
      names.add(FieldRules.trim(r).toLowerCase(Locale.ROOT));
    }
    int n = names.size();
    while (n > 0 && names.get(n - 1).isEmpty()) {
      n--;
    }
    return new ReferenceRowParser(dataset, sep, new ArrayList<>(names.subList(0, n)), municipalities);
  }

  public char separator() {
    return separator;
  }

  /** Header cells that are not contract columns (empty cells in the middle show as ""). */
  public List<String> unknownColumns() {
    return unknownColumns;
  }

  /** The comma-separated names of missing required columns, or null. */
  public String missingColumns() {
    return missingColumns;
  }

  /** Checks one data line. */
  public Outcome parse(String line) {
    if (missingColumns != null) {
      return Outcome.reject(RejectReason.MISSING_COLUMN, missingColumns,
          "the file lacks the required column(s) " + missingColumns);
    }
    List<String> fields = CsvDialect.split(line, separator);
    if (fields == null) {
      return Outcome.reject(RejectReason.MALFORMED_ROW, null,
          "the line cannot be split into fields (unbalanced quotes)");
    }
    int h = headerNames.size();
    if (fields.size() < h) {
      return Outcome.reject(RejectReason.MALFORMED_ROW, null,
          "the line has " + fields.size() + " fields, the header has " + h);
    }
    for (int i = 0; i < fields.size(); i++) {
      String v = FieldRules.trim(fields.get(i));
      fields.set(i, v);
      if (i >= h && !v.isEmpty()) {
        return Outcome.reject(RejectReason.MALFORMED_ROW, null,
            "the line has " + fields.size() + " fields, the header has " + h);
      }
    }
    for (int i = 0; i < fields.size(); i++) {
      if (IdentityNumbers.isIdentityNumber(fields.get(i))) {
        return Outcome.reject(RejectReason.PII_DETECTED, i < h ? headerNames.get(i) : null,
            "a field holds a personal identity number; the row is not used and the number is masked");
      }
    }
    int nc = dataset.columns.size();
    Object[] values = new Object[nc];
    String[] canonical = new String[nc];
    for (int c = 0; c < nc; c++) {
      Column col = dataset.columns.get(c);
      int hi = headerIndexOfColumn[c];
      String v = hi < 0 ? "" : fields.get(hi);
      if (v.isEmpty()) {
        if (col.required) {
          return Outcome.reject(RejectReason.BAD_VALUE, col.name, col.name + ": a value is required");
        }
        canonical[c] = "";
        continue;
      }
      try {
        values[c] = read(col, v);
      } catch (BadValueException e) {
        return Outcome.reject(RejectReason.BAD_VALUE, col.name,
            col.name + ": " + e.getMessage() + " ('" + IdentityNumbers.mask(v) + "')");
      }
      canonical[c] = canonical(col.type, v, values[c]);
    }
    for (int c = 0; c < nc; c++) {
      if (dataset.columns.get(c).type == Column.Type.MUNICIPALITY && !municipalities.contains(values[c])) {
        String col = dataset.columns.get(c).name;
        return Outcome.reject(RejectReason.UNKNOWN_MUNICIPALITY, col,
            col + ": '" + values[c] + "' is not in the municipality reference list");
      }
    }
    Outcome inconsistent = checkDates(values);
    if (inconsistent != null) {
      return inconsistent;
    }
    StringBuilder key = new StringBuilder();
    for (int k = 0; k < dataset.key.length; k++) {
      if (k > 0) {
        key.append(SEP);
      }
      key.append(canonical[dataset.key[k]]);
    }
    return Outcome.accept(key.toString(), String.join(String.valueOf(SEP), canonical), values);
  }

  private Object read(Column col, String v) throws BadValueException {
    switch (col.type) {
      case MUNICIPALITY:
        return FieldRules.municipalityCode(v);
      case MONTH:
        return FieldRules.month(v);
      case DATE:
        return FieldRules.date(v);
      case INTEGER:
        return FieldRules.integer(v, col.min, col.max);
      case YEAR:
        return FieldRules.year(v);
      case AMOUNT:
        return checkAmount(col, FieldRules.amount(v));
      case PSEUDONYM:
        return FieldRules.pseudonym(v);
      case PAYMENT_ID:
        return FieldRules.paymentId(v);
      case RECEPTION_TYPE:
        return FieldRules.code(v, KisRow.ReceptionType.class);
      case REASON_CODE:
        return FieldRules.code(v, ReasonCode.class);
      case ALLOWANCE_TYPE:
        return FieldRules.code(v, AllowancePeriod.Type.class);
      default:
        throw new IllegalStateException(col.type.name());
    }
  }

  private BigDecimal checkAmount(Column col, BigDecimal x) throws BadValueException {
    if (dataset == Dataset.INCOME_SUPPORT) {
      if (x.signum() == 0) {
        throw new BadValueException("the amount must not be zero");
      }
      if (x.abs().compareTo(MAX_PAYMENT) >= 0) {
        throw new BadValueException("the amount's absolute value must be below 200 000");
      }
    } else if (dataset == Dataset.ALLOWANCES) {
      if (x.signum() <= 0 || x.compareTo(MAX_DAILY) > 0) {
        throw new BadValueException("the daily amount must be above 0 and at most 1 000");
      }
    }
    return x;
  }

  private Outcome checkDates(Object[] v) {
    if (dataset == Dataset.INCOME_SUPPORT) {
      LocalDate from = (LocalDate) v[coversFrom];
      LocalDate to = (LocalDate) v[coversTo];
      if (to.isBefore(from)) {
        return Outcome.reject(RejectReason.INCONSISTENT_DATES, "covers_to", "covers_to is before covers_from");
      }
      if (to.toEpochDay() - from.toEpochDay() > 92) { // to.isAfter(from.plusDays(92))
        return Outcome.reject(RejectReason.INCONSISTENT_DATES, "covers_to",
            "covers_to is more than 92 days after covers_from");
      }
    } else if (dataset == Dataset.ALLOWANCES) {
      LocalDate from = (LocalDate) v[3];
      LocalDate to = (LocalDate) v[4];
      LocalDate first = (LocalDate) v[5];
      if (to != null && to.isBefore(from)) {
        return Outcome.reject(RejectReason.INCONSISTENT_DATES, "to_date", "to_date is before from_date");
      }
      if (v[2] == AllowancePeriod.Type.ESTABLISHMENT && first != null && first.isBefore(from)) {
        return Outcome.reject(RejectReason.INCONSISTENT_DATES, "first_payment_date",
            "first_payment_date is before from_date on an ESTABLISHMENT row");
      }
    }
    return null;
  }

  /**
   * The canonical text of the value read from v: v itself where {@link #canonical(Object)} would
   * give that same text anyway, which saves formatting it again.
   */
  private static String canonical(Column.Type type, String v, Object value) {
    switch (type) {
      case DATE:
        // LocalDate.toString() of a valid date YYYY-MM-DD is the text it was read from.
        return v;
      case INTEGER:
      case YEAR:
        // Long.toString() of plain digits only drops leading zeros.
        return v.charAt(0) != '0' || v.length() == 1 ? v : canonical(value);
      default:
        return canonical(value);
    }
  }

  private static String canonical(Object value) {
    if (value instanceof BigDecimal) {
      BigDecimal b = ((BigDecimal) value).stripTrailingZeros();
      return b.signum() == 0 ? "0" : b.toPlainString();
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    return value.toString();
  }

  /** The result of checking one line: accepted with key and canonical values, or rejected. */
  public static final class Outcome {
    public final RejectReason reason;
    public final String column;
    public final String message;
    public final String key;
    public final String canonical;
    /**
     * The values read, per dataset column (null where empty): the same facts as
     * {@link #canonical}, already typed. Null for a rejected row.
     */
    final Object[] values;

    private Outcome(RejectReason reason, String column, String message, String key, String canonical,
        Object[] values) {
      this.reason = reason;
      this.column = column;
      this.message = message;
      this.key = key;
      this.canonical = canonical;
      this.values = values;
    }

    static Outcome reject(RejectReason reason, String column, String message) {
      return new Outcome(reason, column, message, null, null, null);
    }

    static Outcome accept(String key, String canonical, Object[] values) {
      return new Outcome(null, null, null, key, canonical, values);
    }

    public boolean accepted() {
      return reason == null;
    }
  }
}
