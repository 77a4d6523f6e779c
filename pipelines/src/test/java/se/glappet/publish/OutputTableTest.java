package se.glappet.publish;

import se.glappet.model.OutputTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The datasets' single declaration: rows by column name, and the disclosure rules it carries. */
class OutputTableTest {
  @Test
  void aMisspeltColumnFailsAtOnce() {
    OutputTable.RowBuilder b = OutputTable.GAP_BY_REASON.row().set("period", "2011-01");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.set("persns", 7L));
    assertTrue(e.getMessage().contains("gap_by_reason has no column persns"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OutputTable.GAP_MONTHLY.column("gap_suport_sek"));
  }

  @Test
  void aRowIsBuiltByNameWhateverTheOrderAndUnsetFiguresAreNull() {
    Row r = OutputTable.INCOME_SUPPORT_BY_REASON.row()
        .set("households", 12L)
        .set("reason_code", "SICK")
        .set("municipality_code", "0127")
        .set("period", "2011-01")
        .build();
    assertEquals(List.of("2011-01", "0127", "SICK"),
        List.of(r.getString(0), r.getString(1), r.getString(2)));
    assertEquals(12L, r.getInt64(3));
    assertNull(r.getDecimal("amount_sek"));
    assertFalse(r.getBoolean(OutputTable.SUPPRESSED));
  }

  @Test
  void aRowIsCheckedAsBeamsBuilderChecksIt() {
    // A null key and a value of the wrong class fail when the row is built, as Beam's builder fails.
    OutputTable.RowBuilder noKey = OutputTable.INCOME_SUPPORT_MONTHLY.row().set("period", "2011-01");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, noKey::build);
    assertTrue(e.getMessage().contains("municipality_code"), e.getMessage());
    OutputTable.RowBuilder intCount = OutputTable.INCOME_SUPPORT_MONTHLY.row().set("period", "2011-01")
        .set("municipality_code", "0127").set("households", 3);
    e = assertThrows(IllegalArgumentException.class, intCount::build);
    assertTrue(e.getMessage().contains("households"), e.getMessage());

    // Every dataset's full row equals the row Beam's builder makes of the same values.
    for (OutputTable t : OutputTable.values()) {
      OutputTable.RowBuilder b = t.row();
      List<Object> values = new java.util.ArrayList<>();
      for (org.apache.beam.sdk.schemas.Schema.Field f : t.beamSchema().getFields()) {
        Object v = sampleValue(f.getType().getTypeName());
        b.set(f.getName(), v);
        values.add(v);
      }
      Row checked = b.build();
      Row beams = Row.withSchema(t.beamSchema()).addValues(values).build();
      assertEquals(beams, checked, t.datasetName);
      assertEquals(beams.hashCode(), checked.hashCode(), t.datasetName);
    }
  }

  private static Object sampleValue(org.apache.beam.sdk.schemas.Schema.TypeName type) {
    switch (type) {
      case STRING:
        return "0127";
      case INT64:
        return 42L;
      case INT32:
        return 7;
      case DOUBLE:
        return 1.5;
      case DECIMAL:
        return new java.math.BigDecimal("12.34");
      case BOOLEAN:
        return true;
      default:
        throw new AssertionError("a dataset uses the type " + type);
    }
  }

  @Test
  void everyDatasetDeclaresItsDisclosureRules() {
    // Hand-listed from contract section 4.6.
    assertEquals(List.of("persons_in_gap", "gap_support_persons", "gaps_closed", "open_gaps_at_month_end",
        "recoverable_persons", "newcomers_received"), names(OutputTable.GAP_MONTHLY.smallCounts()));
    assertEquals(List.of("persons_in_gap", "persons_in_gap_with_support", "gap_person_days"),
        OutputTable.GAP_MONTHLY.column("persons_in_gap").nulledWhenSmall());
    assertEquals(List.of("newcomers_received", "gap_support_per_newcomer_sek"),
        OutputTable.GAP_MONTHLY.column("newcomers_received").nulledWhenSmall());
    assertEquals(List.of("households", "persons", "payments", "amount_sek", "amount_per_household_sek",
        "gap_reason_amount_sek"), OutputTable.INCOME_SUPPORT_MONTHLY.column("households").nulledWhenSmall());
    assertEquals(List.of("base", "value", "numerator", "denominator"),
        OutputTable.NATIONAL_COMPARISON.column("base").nulledWhenSmall());
    assertEquals(OutputTable.Disclosure.Mode.IN_STEP, OutputTable.NATIONAL_COMPARISON.disclosure.mode);
    for (OutputTable t : List.of(OutputTable.GAP_BY_REASON, OutputTable.INCOME_SUPPORT_BY_REASON)) {
      assertEquals(OutputTable.Disclosure.Mode.WITH_SECONDARY, t.disclosure.mode);
      assertEquals(List.of("period", "municipality_code"), t.disclosure.groupBy);
    }
    for (OutputTable t : OutputTable.values()) {
      assertFalse(t.smallCounts().isEmpty(), t.datasetName);
    }
    assertThrows(IllegalStateException.class, () -> OutputTable.GAP_MONTHLY.column("persons_in_gap_with_support").nulledWhenSmall());
  }

  private static List<String> names(List<OutputTable.Col> cols) {
    return cols.stream().map(c -> c.name).collect(java.util.stream.Collectors.toList());
  }
}
