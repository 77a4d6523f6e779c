package se.glappet.publish;

import java.util.Comparator;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.beam.sdk.values.Row;

/**
 * The five published datasets of contract section 4: their columns with Parquet types, and their
 * key columns (rows are sorted by them). Rows travel through the pipeline as Beam {@link Row}s of
 * {@link #beamSchema()}.
 */
public enum OutputTable {
  GAP_MONTHLY("gap_monthly", List.of("period", "municipality_code"),
      c("period", Kind.TEXT), c("municipality_code", Kind.TEXT),
      c("persons_in_gap", Kind.COUNT), c("persons_in_gap_with_support", Kind.COUNT),
      c("gap_person_days", Kind.DAYS), c("gap_support_persons", Kind.COUNT),
      c("gap_support_sek", Kind.SEK), c("gaps_closed", Kind.COUNT),
      c("median_cash_gap_days", Kind.DOUBLE), c("p90_cash_gap_days", Kind.DOUBLE),
      c("median_entitlement_gap_days", Kind.DOUBLE), c("open_gaps_at_month_end", Kind.COUNT),
      c("recoverable_persons", Kind.COUNT), c("recoverable_sek", Kind.SEK),
      c("newcomers_received", Kind.COUNT), c("gap_support_per_newcomer_sek", Kind.SEK),
      c("income_support_reported", Kind.FLAG), c("suppressed", Kind.FLAG)),
  GAP_BY_REASON("gap_by_reason", List.of("period", "municipality_code", "reason_code"),
      c("period", Kind.TEXT), c("municipality_code", Kind.TEXT), c("reason_code", Kind.TEXT),
      c("persons", Kind.COUNT), c("gap_support_sek", Kind.SEK), c("suppressed", Kind.FLAG)),
  INCOME_SUPPORT_MONTHLY("income_support_monthly", List.of("period", "municipality_code"),
      c("period", Kind.TEXT), c("municipality_code", Kind.TEXT),
      c("households", Kind.COUNT), c("persons", Kind.COUNT), c("payments", Kind.COUNT),
      c("amount_sek", Kind.SEK), c("amount_per_household_sek", Kind.SEK),
      c("gap_reason_amount_sek", Kind.SEK), c("suppressed", Kind.FLAG)),
  INCOME_SUPPORT_BY_REASON("income_support_by_reason",
      List.of("period", "municipality_code", "reason_code"),
      c("period", Kind.TEXT), c("municipality_code", Kind.TEXT), c("reason_code", Kind.TEXT),
      c("households", Kind.COUNT), c("amount_sek", Kind.SEK), c("suppressed", Kind.FLAG)),
  NATIONAL_COMPARISON("national_comparison", List.of("period", "area_type", "area_code", "kpi"),
      c("period", Kind.TEXT), c("area_type", Kind.TEXT), c("area_code", Kind.TEXT),
      c("area_name", Kind.TEXT), c("kpi", Kind.TEXT),
      c("value", Kind.DOUBLE), c("numerator", Kind.DOUBLE), c("denominator", Kind.DOUBLE),
      c("base", Kind.COUNT), c("members", Kind.COUNT), c("rank", Kind.COUNT),
      c("n_ranked", Kind.COUNT), c("national_median", Kind.DOUBLE), c("suppressed", Kind.FLAG));

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

  /** One output column. */
  public static final class Col {
    public final String name;
    public final Kind kind;

    Col(String name, Kind kind) {
      this.name = name;
      this.kind = kind;
    }
  }

  private static Col c(String name, Kind kind) {
    return new Col(name, kind);
  }

  public final String datasetName;
  public final List<Col> columns;
  /** The key columns, in sort order. */
  public final List<String> key;

  OutputTable(String datasetName, List<String> key, Col... columns) {
    this.datasetName = datasetName;
    this.key = key;
    this.columns = List.of(columns);
  }

  /** The key columns in sort order (national_comparison: period, area_type, area_code, kpi). */
  public List<String> keyColumnNames() {
    return key;
  }

  /** Beam schema: key columns, flags and area_name are non-null, every other column is nullable. */
  public org.apache.beam.sdk.schemas.Schema beamSchema() {
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
