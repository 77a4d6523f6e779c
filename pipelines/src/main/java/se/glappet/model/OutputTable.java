package se.glappet.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.beam.sdk.values.Row;

/**
 * The five published datasets of contract section 4, each declared once: its key (rows are sorted
 * by it), its columns with their Parquet types, and its disclosure control (section 4.6): every
 * count that must not be published when 1 to 4 names the columns it nulls, and the
 * {@link Disclosure} says how the rules are applied (row by row, with the by-reason tables'
 * secondary suppression per municipality-month, or inside the step that computes the dataset).
 * A dataset without a rule, or a rule or key naming a column the dataset lacks, fails when this
 * class is loaded. Rows travel through the pipeline as Beam {@link Row}s of {@link #beamSchema()}
 * and are built by column name with {@link #row()}.
 */
public enum OutputTable {
  GAP_MONTHLY("gap_monthly", List.of("period", "municipality_code"), Disclosure.perRow(),
      text("period"), text("municipality_code"),
      count("persons_in_gap").whenSmallNulls("persons_in_gap_with_support", "gap_person_days"),
      count("persons_in_gap_with_support"), c("gap_person_days", Kind.DAYS),
      count("gap_support_persons").whenSmallNulls("gap_support_sek", "gap_support_per_newcomer_sek"),
      sek("gap_support_sek"),
      count("gaps_closed").whenSmallNulls("median_cash_gap_days", "p90_cash_gap_days",
          "median_entitlement_gap_days"),
      dbl("median_cash_gap_days"), dbl("p90_cash_gap_days"), dbl("median_entitlement_gap_days"),
      count("open_gaps_at_month_end").whenSmallNulls(),
      count("recoverable_persons").whenSmallNulls("recoverable_sek"), sek("recoverable_sek"),
      count("newcomers_received").whenSmallNulls("gap_support_per_newcomer_sek"),
      sek("gap_support_per_newcomer_sek"),
      flag("income_support_reported"), flag("suppressed")),
  GAP_BY_REASON("gap_by_reason", List.of("period", "municipality_code", "reason_code"),
      Disclosure.withSecondaryPer("period", "municipality_code"),
      text("period"), text("municipality_code"), text("reason_code"),
      count("persons").whenSmallNulls("gap_support_sek"), sek("gap_support_sek"), flag("suppressed")),
  INCOME_SUPPORT_MONTHLY("income_support_monthly", List.of("period", "municipality_code"), Disclosure.perRow(),
      text("period"), text("municipality_code"),
      count("households").whenSmallNulls("persons", "payments", "amount_sek", "amount_per_household_sek",
          "gap_reason_amount_sek"),
      count("persons"), count("payments"),
      sek("amount_sek"), sek("amount_per_household_sek"), sek("gap_reason_amount_sek"), flag("suppressed")),
  INCOME_SUPPORT_BY_REASON("income_support_by_reason", List.of("period", "municipality_code", "reason_code"),
      Disclosure.withSecondaryPer("period", "municipality_code"),
      text("period"), text("municipality_code"), text("reason_code"),
      count("households").whenSmallNulls("amount_sek"), sek("amount_sek"), flag("suppressed")),
  /**
   * The base, and each of the KPI's "also" counts ({@code se.glappet.figures.Kpi}),
   * null value, numerator, denominator and base when 1–4; applied while the comparison is computed,
   * because areas sum only their published members.
   */
  NATIONAL_COMPARISON("national_comparison", List.of("period", "area_type", "area_code", "kpi"),
      Disclosure.inStep(),
      text("period"), text("area_type"), text("area_code"), text("area_name"), text("kpi"),
      dbl("value"), dbl("numerator"), dbl("denominator"),
      count("base").whenSmallNulls("value", "numerator", "denominator"),
      count("members"), count("rank"), count("n_ranked"), dbl("national_median"), flag("suppressed"));

  /** The column every dataset has: true when disclosure control nulled a cell of the row. */
  public static final String SUPPRESSED = "suppressed";

  /** Column kinds with their Beam field type and Avro (hence Parquet) type (contract section 4). */
  public enum Kind {
    /** Text (codes, period). */
    TEXT(org.apache.beam.sdk.schemas.Schema.FieldType.STRING, Schema.Type.STRING),
    /** INT64 counts. */
    COUNT(org.apache.beam.sdk.schemas.Schema.FieldType.INT64, Schema.Type.LONG),
    /** INT32 day counts. */
    DAYS(org.apache.beam.sdk.schemas.Schema.FieldType.INT32, Schema.Type.INT),
    /** DOUBLE. */
    DOUBLE(org.apache.beam.sdk.schemas.Schema.FieldType.DOUBLE, Schema.Type.DOUBLE),
    /** DECIMAL(18,2) money. */
    SEK(org.apache.beam.sdk.schemas.Schema.FieldType.DECIMAL, Schema.Type.BYTES),
    /** BOOLEAN. */
    FLAG(org.apache.beam.sdk.schemas.Schema.FieldType.BOOLEAN, Schema.Type.BOOLEAN);

    final org.apache.beam.sdk.schemas.Schema.FieldType beamType;
    final Schema.Type avroType;

    Kind(org.apache.beam.sdk.schemas.Schema.FieldType beamType, Schema.Type avroType) {
      this.beamType = beamType;
      this.avroType = avroType;
    }

    Schema avroSchema() {
      Schema t = Schema.create(avroType);
      return this == SEK ? LogicalTypes.decimal(18, 2).addToSchema(t) : t;
    }
  }

  /** One output column; a count with a disclosure rule names the columns it nulls when 1–4. */
  public static final class Col {
    public final String name;
    public final Kind kind;
    /** Null: no rule. Else the columns nulled when this count is 1–4, the count itself first. */
    private final List<String> nulledWhenSmall;

    Col(String name, Kind kind, List<String> nulledWhenSmall) {
      this.name = name;
      this.kind = kind;
      this.nulledWhenSmall = nulledWhenSmall;
    }

    /** This count with its disclosure rule: when 1–4 it nulls itself and {@code others}. */
    Col whenSmallNulls(String... others) {
      if (kind != Kind.COUNT) {
        throw new IllegalArgumentException(name + ": only a count carries a disclosure rule");
      }
      List<String> cols = new ArrayList<>();
      cols.add(name);
      cols.addAll(List.of(others));
      return new Col(name, kind, List.copyOf(cols));
    }

    /** Whether this count carries a disclosure rule. */
    public boolean hasRule() {
      return nulledWhenSmall != null;
    }

    /** The columns nulled when this count is 1–4, the count itself first. */
    public List<String> nulledWhenSmall() {
      if (nulledWhenSmall == null) {
        throw new IllegalStateException(name + " carries no disclosure rule");
      }
      return nulledWhenSmall;
    }
  }

  /** How a dataset's disclosure rules are applied (contract section 4.6). */
  public static final class Disclosure {
    /** The ways. */
    public enum Mode {
      /** Each row alone. */
      PER_ROW,
      /** Each row, then the secondary suppression among the rows of a group (the by-reason tables). */
      WITH_SECONDARY,
      /** Inside the step computing the dataset (national_comparison: areas sum published members). */
      IN_STEP
    }

    /**
     * The threshold of section 4.6, the same for every dataset: a count of 1 to 4 is too small to
     * publish; zero is published.
     */
    public static boolean isSmall(Long count) {
      return count != null && count >= 1 && count <= 4;
    }

    public final Mode mode;
    /** {@link Mode#WITH_SECONDARY}: the columns whose values form a group (municipality-month). */
    public final List<String> groupBy;

    private Disclosure(Mode mode, List<String> groupBy) {
      this.mode = mode;
      this.groupBy = groupBy;
    }

    static Disclosure perRow() {
      return new Disclosure(Mode.PER_ROW, List.of());
    }

    static Disclosure withSecondaryPer(String... groupBy) {
      return new Disclosure(Mode.WITH_SECONDARY, List.of(groupBy));
    }

    static Disclosure inStep() {
      return new Disclosure(Mode.IN_STEP, List.of());
    }
  }

  private static Col c(String name, Kind kind) {
    return new Col(name, kind, null);
  }

  private static Col text(String name) {
    return c(name, Kind.TEXT);
  }

  private static Col count(String name) {
    return c(name, Kind.COUNT);
  }

  private static Col sek(String name) {
    return c(name, Kind.SEK);
  }

  private static Col dbl(String name) {
    return c(name, Kind.DOUBLE);
  }

  private static Col flag(String name) {
    return c(name, Kind.FLAG);
  }

  public final String datasetName;
  public final List<Col> columns;
  /** The key columns, in sort order. */
  public final List<String> key;
  public final Disclosure disclosure;
  private final org.apache.beam.sdk.schemas.Schema schema;

  OutputTable(String datasetName, List<String> key, Disclosure disclosure, Col... columns) {
    this.datasetName = datasetName;
    this.key = key;
    this.disclosure = disclosure;
    this.columns = List.of(columns);
    this.schema = buildBeamSchema();
    check();
  }

  /**
   * The path of this dataset's file for month {@code period} (YYYY-MM), relative to the output
   * folder or its staging folder: {@code <dataset>/<period>.parquet} (contract section 4).
   */
  public String monthFile(String period) {
    return monthFile(datasetName, period);
  }

  /** {@link #monthFile(String)} of the dataset named {@code datasetName}. */
  public static String monthFile(String datasetName, String period) {
    return datasetName + "/" + period + ".parquet";
  }

  /** The declaration is whole: every name it uses is a column, and there is a disclosure rule. */
  private void check() {
    List<String> names = new ArrayList<>();
    columns.forEach(col -> names.add(col.name));
    if (names.size() != new java.util.HashSet<>(names).size()) {
      throw new IllegalStateException(datasetName + ": a column is declared twice");
    }
    List<String> used = new ArrayList<>(key);
    used.addAll(disclosure.groupBy);
    used.add(SUPPRESSED);
    List<Col> rules = smallCounts();
    rules.forEach(col -> used.addAll(col.nulledWhenSmall()));
    for (String u : used) {
      if (!names.contains(u)) {
        throw new IllegalStateException(datasetName + ": no column " + u);
      }
    }
    if (rules.isEmpty()) {
      throw new IllegalStateException(datasetName + ": no count carries a disclosure rule");
    }
    if (disclosure.mode == Disclosure.Mode.WITH_SECONDARY && (rules.size() != 1 || !names.contains("reason_code"))) {
      throw new IllegalStateException(datasetName + ": secondary suppression needs one count and reason_code");
    }
  }

  /** {@link Disclosure.Mode#WITH_SECONDARY}: the schema of a group's key, its grouping columns. */
  public org.apache.beam.sdk.schemas.Schema groupSchema() {
    org.apache.beam.sdk.schemas.Schema.Builder b = org.apache.beam.sdk.schemas.Schema.builder();
    for (String c : disclosure.groupBy) {
      b.addField(c, schema.getField(c).getType());
    }
    return b.build();
  }

  /** The key of the group that {@code row} belongs to: its values of the grouping columns. */
  public Row groupOf(Row row, org.apache.beam.sdk.schemas.Schema groupSchema) {
    List<Object> values = new ArrayList<>(disclosure.groupBy.size());
    for (String c : disclosure.groupBy) {
      values.add(row.getValue(c));
    }
    return checkedRow(groupSchema, values);
  }

  /** The counts that carry a disclosure rule, in column order. */
  public List<Col> smallCounts() {
    List<Col> out = new ArrayList<>();
    for (Col col : columns) {
      if (col.hasRule()) {
        out.add(col);
      }
    }
    return out;
  }

  /** The column called {@code name}; an unknown name fails. */
  public Col column(String name) {
    for (Col col : columns) {
      if (col.name.equals(name)) {
        return col;
      }
    }
    throw new IllegalArgumentException(datasetName + " has no column " + name);
  }

  /** A new row of this dataset, built by column name; {@code suppressed} starts false. */
  public RowBuilder row() {
    return new RowBuilder(this);
  }

  /** Builds one row by column name: an unknown column fails at once, an unset one is null. */
  public static final class RowBuilder {
    private final OutputTable table;
    private final Object[] values;

    RowBuilder(OutputTable table) {
      this.table = table;
      this.values = new Object[table.schema.getFieldCount()];
      values[table.schema.indexOf(SUPPRESSED)] = false;
    }

    /** Sets a column; fails at once for a name the dataset does not declare. */
    public RowBuilder set(String column, Object value) {
      if (!table.schema.hasField(column)) {
        throw new IllegalArgumentException(table.datasetName + " has no column " + column);
      }
      values[table.schema.indexOf(column)] = value;
      return this;
    }

    public Row build() {
      return checkedRow(table.schema, java.util.Arrays.asList(values.clone()));
    }
  }

  /**
   * A row of {@code schema} with {@code values} (one per field, in field order; the list is kept,
   * not copied), checked as Beam's {@code Row.Builder.build()} checks the types this project's
   * datasets use: a null only in a nullable field, and each value of its field type's Java class.
   * It then attaches the values instead of building the row through Beam's builder, whose per-row
   * field matcher was about 1 % of a national year's CPU (bench/README.md, eighth session); a
   * field of another type goes through Beam's builder as before.
   */
  public static Row checkedRow(org.apache.beam.sdk.schemas.Schema schema, List<Object> values) {
    if (values.size() != schema.getFieldCount()) {
      throw new IllegalArgumentException("a row of " + schema.getFieldCount() + " fields got " + values.size()
          + " values");
    }
    for (int i = 0; i < values.size(); i++) {
      org.apache.beam.sdk.schemas.Schema.Field f = schema.getField(i);
      Object v = values.get(i);
      Class<?> expected = javaClassOf(f.getType().getTypeName());
      if (expected == null) {
        return Row.withSchema(schema).addValues(values).build();
      }
      if (v == null ? !f.getType().getNullable() : !expected.isInstance(v)) {
        throw new IllegalArgumentException("field " + f.getName() + " of type " + f.getType().getTypeName()
            + (v == null ? " is not nullable, but got null" : " got a " + v.getClass().getSimpleName()));
      }
    }
    return Row.withSchema(schema).attachValues(values);
  }

  /** The Java class of a value of a field type, for the types the datasets use; null for any other. */
  private static Class<?> javaClassOf(org.apache.beam.sdk.schemas.Schema.TypeName t) {
    switch (t) {
      case STRING:
        return String.class;
      case INT64:
        return Long.class;
      case INT32:
        return Integer.class;
      case DOUBLE:
        return Double.class;
      case DECIMAL:
        return java.math.BigDecimal.class;
      case BOOLEAN:
        return Boolean.class;
      default:
        return null;
    }
  }

  /** The key columns in sort order (national_comparison: period, area_type, area_code, kpi). */
  public List<String> keyColumnNames() {
    return key;
  }

  /** Beam schema: key columns, flags and area_name are non-null, every other column is nullable. */
  public org.apache.beam.sdk.schemas.Schema beamSchema() {
    return schema;
  }

  private org.apache.beam.sdk.schemas.Schema buildBeamSchema() {
    org.apache.beam.sdk.schemas.Schema.Builder b = org.apache.beam.sdk.schemas.Schema.builder();
    for (int i = 0; i < columns.size(); i++) {
      Col col = columns.get(i);
      org.apache.beam.sdk.schemas.Schema.FieldType t = col.kind.beamType;
      boolean nullable = !key.contains(col.name) && col.kind != Kind.FLAG && !col.name.equals("area_name");
      b.addField(col.name, nullable ? t.withNullable(true) : t);
    }
    return b.build();
  }

  /** Avro schema used to write the Parquet file; {@code _sek} columns are decimal(18,2). */
  public Schema avroSchema() {
    SchemaBuilder.FieldAssembler<Schema> f = SchemaBuilder.record(datasetName).namespace("se.glappet").fields();
    org.apache.beam.sdk.schemas.Schema beam = beamSchema();
    for (Col col : columns) {
      Schema t = col.kind.avroSchema();
      if (beam.getField(col.name).getType().getNullable()) {
        t = Schema.createUnion(Schema.create(Schema.Type.NULL), t);
        f = f.name(col.name).type(t).withDefault(null);
      } else {
        f = f.name(col.name).type(t).noDefault();
      }
    }
    return f.endRecord();
  }

  /** Orders rows by the key columns (all text). */
  public Comparator<Row> keyOrder() {
    Comparator<Row> cmp = null;
    for (String name : key) {
      Comparator<Row> next = Comparator.comparing((Row r) -> r.getString(name));
      cmp = cmp == null ? next : cmp.thenComparing(next);
    }
    return cmp;
  }
}
