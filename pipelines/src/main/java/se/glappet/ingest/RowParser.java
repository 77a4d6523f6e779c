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
 * The row checks of contract section 2.7 for one file, given its header: every data line becomes
 * either an accepted row (its key and canonical values) or a reject with the first reason that
 * applies, in the order MISSING_COLUMN, MALFORMED_ROW, PII_DETECTED, BAD_VALUE,
 * UNKNOWN_MUNICIPALITY, INCONSISTENT_DATES. Duplicates are decided later, across files.
 */
public final class RowParser {
  /** Separates values inside keys and canonical rows; never part of a valid value. */
  public static final char SEP = '\u001F';

  private static final BigDecimal MAX_PAYMENT = new BigDecimal("200000");
  private static final BigDecimal MAX_DAILY = new BigDecimal("1000");

  private final Dataset dataset;
  private final char separator;
  private final List<String> headerNames;
  /** The dataset's columns as an array: a list's get is a call the quick JIT compiler does not inline. */
  private final Column[] columns;
  private final int[] headerIndexOfColumn;
  /** Per header cell: whether a column is read from it (false: an unknown or repeated column). */
  private final boolean[] readField;
  private final String missingColumns;
  private final List<String> unknownColumns;
  private final Set<String> municipalities;
  /** Indexes into the dataset's columns of the dates {@link #checkDates} compares (-1: none). */
  private final int coversFrom;
  private final int coversTo;
  /** What {@link #parse} reuses from line to line: field bounds, canonical row and key. */
  private int[] fieldStart = new int[16];
  private int[] fieldEnd = new int[16];
  private final int[] columnStart;
  private final int[] columnEnd;
  private final CanonicalBuffer canonical = new CanonicalBuffer();
  private final CanonicalBuffer keyBuffer = new CanonicalBuffer();
  /** What the key's digest is taken over before the key: {@code "<dataset ordinal>|"}, as bytes. */
  private final byte[] keyPrefix;
  /** Per column: the codes of a code column; the last municipality code and date read. */
  private final Enum<?>[][] codes;
  /** Per code column: its codes' names as bytes ({@link FieldsInPlace#asciiCode}). */
  private final byte[][][] codeNames;
  private final String[] lastCode;
  /** Per municipality column: the four digits of {@link #lastCode}, one byte each. */
  private final int[] lastCodeDigits;
  private final LocalDate[] lastDate;
  private final int[] lastDateYmd;
  private final int[] amountScale = new int[1];
  private String lastMunicipality;
  private boolean lastMunicipalityKnown;
  /** Where the line {@link #parseCommonLine} read last ends: its break, and its content. */
  private int lineEnd;
  private int contentEnd;

  private RowParser(Dataset dataset, char separator, List<String> headerNames, Set<String> municipalities) {
    this.dataset = dataset;
    this.separator = separator;
    this.headerNames = headerNames;
    this.municipalities = municipalities;
    this.columns = dataset.columns.toArray(new Column[0]);
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
    this.readField = new boolean[headerNames.size()];
    for (int hi : headerIndexOfColumn) {
      if (hi >= 0) {
        readField[hi] = true;
      }
    }
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
    int nc = dataset.columns.size();
    this.columnStart = new int[nc];
    this.columnEnd = new int[nc];
    this.keyPrefix = (dataset.ordinal() + "|").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    this.codes = new Enum<?>[nc][];
    this.codeNames = new byte[nc][][];
    for (int c = 0; c < nc; c++) {
      Class<? extends Enum<?>> type = codeType(dataset.columns.get(c).type);
      codes[c] = type == null ? null : type.getEnumConstants();
      codeNames[c] = FieldsInPlace.names(codes[c]);
    }
    this.lastCode = new String[nc];
    this.lastCodeDigits = new int[nc];
    this.lastDate = new LocalDate[nc];
    this.lastDateYmd = new int[nc];
  }

  /** The codes a code column takes, or null. */
  private static Class<? extends Enum<?>> codeType(Column.Type type) {
    switch (type) {
      case RECEPTION_TYPE:
        return KisRow.ReceptionType.class;
      case REASON_CODE:
        return ReasonCode.class;
      case ALLOWANCE_TYPE:
        return AllowancePeriod.Type.class;
      default:
        return null;
    }
  }

  /**
   * Reads the header line of a file: detects the separator, normalises the names (trimmed, lower
   * case) and drops empty cells at the end. Returns null when the header cannot be split.
   */
  public static RowParser forHeader(Dataset dataset, String headerLine, Set<String> municipalities) {
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
    return new RowParser(dataset, sep, new ArrayList<>(names.subList(0, n)), municipalities);
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
    return parse(line, TextDecoding.latin1Bytes(line), 0, line.length(), line.indexOf('"') >= 0);
  }

  /**
   * Checks the data line {@code text[from, to)} (without its line break) where it lies in the
   * file's text: the fields are read in place, from the text's bytes ({@link TextDecoding.Text}),
   * without a string per field. {@code quoted}: whether the line holds a {@code "} (then it is
   * split by {@link CsvDialect#split} first).
   */
  Outcome parse(String text, byte[] bytes, int from, int to, boolean quoted) {
    if (missingColumns != null) {
      return Outcome.reject(RejectReason.MISSING_COLUMN, missingColumns,
          "the file lacks the required column(s) " + missingColumns);
    }
    String src = text;
    byte[] srcBytes = bytes;
    int nf;
    if (quoted) {
      List<String> fields = CsvDialect.split(text.substring(from, to), separator);
      if (fields == null) {
        return Outcome.reject(RejectReason.MALFORMED_ROW, null,
            "the line cannot be split into fields (unbalanced quotes)");
      }
      // The fields one after the other, so that they too are read in place.
      nf = fields.size();
      growFields(nf);
      StringBuilder joined = new StringBuilder(to - from);
      for (int i = 0; i < nf; i++) {
        fieldStart[i] = joined.length();
        joined.append(fields.get(i));
        fieldEnd[i] = joined.length();
      }
      src = joined.toString();
      srcBytes = TextDecoding.latin1Bytes(src);
    } else {
      nf = 0;
      int i = from;
      byte sep = (byte) separator;
      while (true) {
        int k = TextDecoding.indexOf(bytes, sep, i, to);
        if (k < 0) {
          k = to;
        }
        growFields(nf + 1);
        fieldStart[nf] = i;
        fieldEnd[nf] = k;
        nf++;
        if (k == to) {
          break;
        }
        i = k + 1;
      }
    }
    return check(src, srcBytes, nf, false);
  }

  /**
   * Reads the data line that starts at {@code text[from]} in one pass, for the common line only:
   * returns its outcome when the line is accepted with every value read in place, else null, and
   * the caller reads the line as before ({@link #parse}). Then {@link #contentEnd()} is where the
   * line's content ends and {@link #lineEnd()} its line break (or the text's end).
   *
   * <p>{@link #parse} needs the line's end first: the caller looks for the line break, then this
   * looks for the separators, and a file without quotes was looked through for one: three passes
   * over every character (about 8 % of the payments' reading on the quick compiler). Here the
   * header's number of fields less one separators are looked for from the line's start, then the
   * line break after the last of them. That is the same split as {@link #parse}'s only when the line
   * has exactly those separators before its break and no quote, which the outcome proves: every
   * field that is read holds a value read in place, so no line break, carriage return, quote or
   * separator; every field that is not read (unknown or repeated columns) is looked through for
   * those; and the last field for a separator. Anything else (a reject too: on a short line the
   * fields could run into the next) gives null, so the caller's reading decides as before.
   */
  Outcome parseCommonLine(String text, byte[] bytes, int from) {
    int h = headerNames.size();
    if (missingColumns != null || h == 0) {
      return null;
    }
    growFields(h);
    int n = bytes.length;
    byte sep = (byte) separator;
    int i = from;
    for (int f = 0; f < h - 1; f++) {
      int k = TextDecoding.indexOf(bytes, sep, i, n);
      if (k < 0) {
        return null;
      }
      fieldStart[f] = i;
      fieldEnd[f] = k;
      i = k + 1;
    }
    int nl = TextDecoding.indexOf(bytes, (byte) '\n', i, n);
    int end = nl < 0 ? n : nl;
    int contentEnd = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
    if (contentEnd < i) {
      return null;
    }
    fieldStart[h - 1] = i;
    fieldEnd[h - 1] = contentEnd;
    if (TextDecoding.indexOf(bytes, sep, i, contentEnd) >= 0) {
      return null; // more fields than the header
    }
    for (int f = 0; f < h; f++) {
      if (!readField[f] && !plainField(bytes, fieldStart[f], fieldEnd[f])) {
        return null;
      }
    }
    this.lineEnd = end;
    this.contentEnd = contentEnd;
    Outcome o = check(text, bytes, h, true);
    return o != null && o.accepted() ? o : null;
  }

  /** Where the line {@link #parseCommonLine} read ends: its line break, or the text's end. */
  int lineEnd() {
    return lineEnd;
  }

  /** Where the content of the line {@link #parseCommonLine} read ends (before a carriage return). */
  int contentEnd() {
    return contentEnd;
  }

  /** No line break, carriage return or quote in text[b, e). */
  private static boolean plainField(byte[] text, int b, int e) {
    for (int k = b; k < e; k++) {
      byte c = text[k];
      if (c == '\n' || c == '\r' || c == '"') {
        return false;
      }
    }
    return true;
  }

  private void growFields(int n) {
    if (fieldStart.length < n) {
      int m = Math.max(n, 2 * fieldStart.length);
      fieldStart = java.util.Arrays.copyOf(fieldStart, m);
      fieldEnd = java.util.Arrays.copyOf(fieldEnd, m);
    }
  }

  /**
   * The checks of a line split into the fields src[fieldStart[i], fieldEnd[i]), i < nf, read from
   * {@code bytes} (src's characters, {@link TextDecoding.Text#bytes}). With {@code inPlaceOnly},
   * null as soon as a value is not read in place ({@link #parseCommonLine}).
   */
  private Outcome check(String src, byte[] bytes, int nf, boolean inPlaceOnly) {
    int[] fs = fieldStart;
    int[] fe = fieldEnd;
    int h = headerNames.size();
    if (nf < h) {
      return Outcome.reject(RejectReason.MALFORMED_ROW, null,
          "the line has " + nf + " fields, the header has " + h);
    }
    for (int i = 0; i < nf; i++) {
      int b = fs[i];
      int e = fe[i];
      while (b < e && isBlank(bytes[b])) {
        b++;
      }
      while (e > b && isBlank(bytes[e - 1])) {
        e--;
      }
      fs[i] = b;
      fe[i] = e;
      if (i >= h && b < e) {
        return Outcome.reject(RejectReason.MALFORMED_ROW, null,
            "the line has " + nf + " fields, the header has " + h);
      }
    }
    for (int i = 0; i < nf; i++) {
      if (FieldsInPlace.mayBeIdentityNumber(bytes, fs[i], fe[i])
          && IdentityNumbers.isIdentityNumber(src.substring(fs[i], fe[i]))) {
        return Outcome.reject(RejectReason.PII_DETECTED, i < h ? headerNames.get(i) : null,
            "a field holds a personal identity number; the row is not used and the number is masked");
      }
    }
    Column[] cols = columns;
    int nc = cols.length;
    Object[] values = new Object[nc];
    CanonicalBuffer canon = canonical;
    canon.clear();
    for (int c = 0; c < nc; c++) {
      if (c > 0) {
        canon.append(SEP);
      }
      columnStart[c] = canon.length();
      Column col = cols[c];
      int hi = headerIndexOfColumn[c];
      int b = hi < 0 ? 0 : fs[hi];
      int e = hi < 0 ? 0 : fe[hi];
      if (b == e) {
        if (col.required) {
          return Outcome.reject(RejectReason.BAD_VALUE, col.name, col.name + ": a value is required");
        }
        columnEnd[c] = canon.length();
        continue;
      }
      Object value = readInPlace(c, col, src, bytes, b, e);
      if (value == null && inPlaceOnly) {
        return null;
      }
      if (value == null) {
        // Not a value the in-place reading takes for certain: read the field's text as the
        // rules say, which gives the value or the reason it is bad.
        String v = src.substring(b, e);
        try {
          value = read(col, v);
        } catch (BadValueException ex) {
          return Outcome.reject(RejectReason.BAD_VALUE, col.name,
              col.name + ": " + ex.getMessage() + " ('" + IdentityNumbers.mask(v) + "')");
        }
        canon.appendAscii(canonical(col.type, v, value));
      }
      values[c] = value;
      columnEnd[c] = canon.length();
    }
    for (int c = 0; c < nc; c++) {
      if (cols[c].type == Column.Type.MUNICIPALITY && !isKnownMunicipality((String) values[c])) {
        String col = cols[c].name;
        return Outcome.reject(RejectReason.UNKNOWN_MUNICIPALITY, col,
            col + ": '" + values[c] + "' is not in the municipality reference list");
      }
    }
    Outcome inconsistent = checkDates(values);
    if (inconsistent != null) {
      return inconsistent;
    }
    CanonicalBuffer k = keyBuffer;
    k.clear();
    k.appendCheckedAscii(keyPrefix, 0, keyPrefix.length);
    for (int i = 0; i < dataset.key.length; i++) {
      if (i > 0) {
        k.append(SEP);
      }
      k.append(canon, columnStart[dataset.key[i]], columnEnd[dataset.key[i]]);
    }
    // The key and canonical text themselves are made only when asked for (Outcome#key,
    // Outcome#canonical): the duplicate check needs only their digests.
    return Outcome.accept(dataset, values, k.digest(), canon.digest());
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t';
  }

  /** Whether a municipality code is in the reference list; the last answer is kept (files are mostly one code). */
  private boolean isKnownMunicipality(String code) {
    if (code != lastMunicipality) {
      lastMunicipality = code;
      lastMunicipalityKnown = municipalities.contains(code);
    }
    return lastMunicipalityKnown;
  }

  /**
   * The value of the (trimmed, non-empty) field src[b, e) of column c, read from its bytes
   * {@code v[b, e)}, with its canonical text appended, when it is certainly valid and of a common
   * shape; otherwise null and nothing appended, and the field is read by {@link #read} as its text.
   */
  private Object readInPlace(int c, Column col, String src, byte[] v, int b, int e) {
    CanonicalBuffer canon = canonical;
    switch (col.type) {
      case MUNICIPALITY: {
        if (e - b != 4 || !FieldsInPlace.allDigits(v, b, e)) {
          return null;
        }
        int digits = (v[b] << 24) | (v[b + 1] << 16) | (v[b + 2] << 8) | v[b + 3];
        String last = lastCode[c];
        if (last == null || lastCodeDigits[c] != digits) {
          last = src.substring(b, e);
          lastCode[c] = last;
          lastCodeDigits[c] = digits;
        }
        canon.appendCheckedAscii(v, b, e);
        return last;
      }
      case PAYMENT_ID: {
        if (!FieldsInPlace.isPaymentId(v, b, e)) {
          return null;
        }
        canon.appendCheckedAscii(v, b, e);
        return src.substring(b, e);
      }
      case PSEUDONYM: {
        int at = canon.length();
        int kinds = canon.appendHex(v, b, e);
        if (kinds < 0) {
          return null;
        }
        return kinds == 0 ? src.substring(b, e) : canon.toString(at, canon.length());
      }
      case DATE: {
        int ymd = FieldsInPlace.date(v, b, e);
        if (ymd < 0) {
          return null;
        }
        LocalDate d = lastDate[c];
        if (d == null || lastDateYmd[c] != ymd) {
          d = LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
          lastDate[c] = d;
          lastDateYmd[c] = ymd;
        }
        canon.appendCheckedAscii(v, b, e);
        return d;
      }
      case AMOUNT: {
        long unscaled = FieldsInPlace.amountUnscaled(v, b, e, amountScale);
        if (unscaled == FieldsInPlace.NOT_IN_PLACE) {
          return null;
        }
        int scale = amountScale[0];
        if (!amountWithinLimits(unscaled, scale)) {
          return null;
        }
        canon.appendPlainStripped(unscaled, scale);
        return BigDecimal.valueOf(unscaled, scale);
      }
      case INTEGER: {
        long x = FieldsInPlace.integer(v, b, e);
        if (x == FieldsInPlace.NOT_IN_PLACE || x < col.min || x > col.max) {
          return null;
        }
        canon.appendDecimal(x);
        return x;
      }
      case REASON_CODE:
      case RECEPTION_TYPE:
      case ALLOWANCE_TYPE: {
        Enum<?> code = FieldsInPlace.asciiCode(v, b, e, codes[c], codeNames[c]);
        if (code == null) {
          return null;
        }
        canon.appendCheckedAscii(code.name(), 0, code.name().length());
        return code;
      }
      default:
        return null;
    }
  }

  /**
   * Whether {@link #checkAmount} lets {@code BigDecimal.valueOf(unscaled, scale)} through (scale 0
   * to 2, as amounts have), in whole numbers: the limits times 10<sup>scale</sup> fit a long.
   */
  private boolean amountWithinLimits(long unscaled, int scale) {
    long unit = scale == 0 ? 1 : scale == 1 ? 10 : 100;
    if (dataset == Dataset.INCOME_SUPPORT) {
      return unscaled != 0 && Math.abs(unscaled) < 200_000 * unit; // MAX_PAYMENT
    }
    if (dataset == Dataset.ALLOWANCES) {
      return unscaled > 0 && unscaled <= 1_000 * unit; // MAX_DAILY
    }
    return true;
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

  /**
   * The canonical text of an accepted row from its values: each value's {@link #canonical(Object)}
   * ("" where empty), joined by {@link #SEP}. The same text the parser digests: the canonical
   * text of a value is what {@code canonical(type, v, value)} gives for the text v it was read from.
   */
  static String canonicalText(Dataset dataset, Object[] values) {
    StringBuilder sb = new StringBuilder(320);
    for (int c = 0; c < values.length; c++) {
      if (c > 0) {
        sb.append(SEP);
      }
      if (values[c] != null) {
        sb.append(canonical(values[c]));
      }
    }
    return sb.toString();
  }

  /** The key of an accepted row from its values: the key columns' canonical text joined by {@link #SEP}. */
  static String keyText(Dataset dataset, Object[] values) {
    StringBuilder sb = new StringBuilder(64);
    for (int k = 0; k < dataset.key.length; k++) {
      if (k > 0) {
        sb.append(SEP);
      }
      Object v = values[dataset.key[k]];
      if (v != null) {
        sb.append(canonical(v));
      }
    }
    return sb.toString();
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
    /** The dataset of an accepted row (its key and canonical text are made from its values). */
    private final Dataset dataset;
    private String key;
    private String canonical;
    /**
     * The values read, per dataset column (null where empty): the same facts as
     * {@link #canonical}, already typed. Null for a rejected row.
     */
    final Object[] values;
    /**
     * {@link Digest128} of {@code "<dataset ordinal>|" + key} and of {@link #canonical}, as
     * {@link RowFingerprint#of} takes them; null for a rejected row.
     */
    final long[] keyDigest;
    final long[] rowDigest;

    private Outcome(RejectReason reason, String column, String message, Dataset dataset, Object[] values,
        long[] keyDigest, long[] rowDigest) {
      this.reason = reason;
      this.column = column;
      this.message = message;
      this.dataset = dataset;
      this.values = values;
      this.keyDigest = keyDigest;
      this.rowDigest = rowDigest;
    }

    static Outcome reject(RejectReason reason, String column, String message) {
      return new Outcome(reason, column, message, null, null, null, null);
    }

    static Outcome accept(Dataset dataset, Object[] values, long[] keyDigest, long[] rowDigest) {
      return new Outcome(null, null, null, dataset, values, keyDigest, rowDigest);
    }

    public boolean accepted() {
      return reason == null;
    }

    /** The key columns' canonical values joined by {@link #SEP}; null for a rejected row. */
    public String key() {
      if (key == null && values != null) {
        key = keyText(dataset, values);
      }
      return key;
    }

    /** The canonical values of every column joined by {@link #SEP}; null for a rejected row. */
    public String canonical() {
      if (canonical == null && values != null) {
        canonical = canonicalText(dataset, values);
      }
      return canonical;
    }
  }
}
