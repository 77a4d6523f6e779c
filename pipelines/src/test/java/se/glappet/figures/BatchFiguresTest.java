package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import se.glappet.gap.PersonGap;
import se.glappet.model.MonthRange;
import se.glappet.model.OutputTable;
import se.glappet.records.KisRow;
import se.glappet.records.Payment;
import se.glappet.records.PopulationRow;
import se.glappet.records.ReasonCode;

import se.glappet.reference.Municipalities;

/** The tables of a small batch, computed in memory from the exact sums. */
class BatchFiguresTest {
  private static final YearMonth JAN = YearMonth.of(2011, 1);
  private static final YearMonth FEB = YearMonth.of(2011, 2);
  private static final String PERSON = "p".repeat(64);
  private static final String HOUSEHOLD = "ab".repeat(32);

  /** The inputs of a two-municipality, two-month batch; 0128 reports no payment at all. */
  private static List<Consumer<BatchFigures>> inputs() {
    List<Consumer<BatchFigures>> in = new ArrayList<>();
    HouseholdTotals.Acc jan = new HouseholdTotals.Acc();
    HouseholdTotals.add(jan, new Payment("0127", "x1", HOUSEHOLD, PERSON, LocalDate.of(2011, 1, 24),
        LocalDate.of(2011, 1, 1), LocalDate.of(2011, 1, 31), new BigDecimal("1000.50"), ReasonCode.values()[0], 1, 0));
    in.add(f -> f.addSum(SummarisePayments.PartialKey.income(CellKey.of(JAN, "0127")), SummarisePayments.Partial.of(jan)));
    CellKey personJan = CellKey.of(JAN, "0127").withPerson(PERSON);
    in.add(f -> f.addSum(new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_PAYER, personJan),
        SummarisePayments.Partial.of(new BigDecimal("400.25"))));
    in.add(f -> f.addSum(new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_PERSON, personJan),
        SummarisePayments.Partial.of(new BigDecimal("400.25"))));
    in.add(f -> f.addSum(new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_REASON,
        CellKey.of(JAN, "0127", ReasonCode.values()[0]).withPerson(PERSON)), SummarisePayments.Partial.of(new BigDecimal("400.25"))));
    in.add(f -> f.addSum(new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_BY_REASON,
        CellKey.of(JAN, "0127", ReasonCode.values()[1]).withPerson(PERSON)), SummarisePayments.Partial.of(BigDecimal.ZERO)));
    in.add(f -> f.addSum(new SummarisePayments.PartialKey(SummarisePayments.Part.GAP_IN_RECOVERABLE_WINDOW,
        CellKey.personAndPayer(PERSON, "0127")), SummarisePayments.Partial.of(new BigDecimal("300.00"))));
    // A gap of 21 days closed by the first payment on 24 January; a retroactive allowance far above
    // the support in its recoverable window, so all of that support is recoverable.
    in.add(f -> f.addGap(new PersonGap(PERSON, "0127", LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 24),
        LocalDate.of(2011, 1, 10), LocalDate.of(2011, 1, 24), 21, 14, new BigDecimal("10000"))));
    in.add(f -> f.addKis(new KisRow("0127", JAN, KisRow.ReceptionType.values()[0], 4, 0, 0, null)));
    in.add(f -> f.addKis(new KisRow("0127", YearMonth.of(2010, 12), KisRow.ReceptionType.values()[0], 9, 0, 0, null)));
    in.add(f -> f.addMunicipality("0127"));
    in.add(f -> f.addMunicipality("0128"));
    in.add(f -> f.addPopulation(new PopulationRow("0127", 2011, 100_000)));
    in.add(f -> f.addPopulation(new PopulationRow("0128", 2011, 50_000)));
    return in;
  }

  private static BatchFigures.Result compute(List<Consumer<BatchFigures>> in) {
    BatchFigures f = new BatchFigures();
    in.forEach(i -> i.accept(f));
    return f.compute(new MonthRange(JAN, FEB), Municipalities.shipped());
  }

  private static Row gapRow(BatchFigures.Result r, YearMonth m, String municipality) {
    for (Row row : r.rows.get(OutputTable.GAP_MONTHLY)) {
      if (row.getString("period").equals(m.toString()) && row.getString("municipality_code").equals(municipality)) {
        return row;
      }
    }
    throw new AssertionError("no gap_monthly row for " + municipality + " " + m);
  }

  private static long count(Row row, String column) {
    return ((Number) row.getValue(column)).longValue();
  }

  @Test
  void theTablesDoNotDependOnTheOrderOfTheInputs() {
    List<Consumer<BatchFigures>> in = inputs();
    BatchFigures.Result first = compute(in);
    Collections.reverse(in);
    BatchFigures.Result reversed = compute(in);
    Collections.shuffle(in, new java.util.Random(7));
    BatchFigures.Result shuffled = compute(in);
    for (OutputTable t : OutputTable.values()) {
      assertFalse(first.rows.get(t).isEmpty(), t.datasetName);
      assertEquals(new HashSet<>(first.rows.get(t)), new HashSet<>(reversed.rows.get(t)), t.datasetName);
      assertEquals(new HashSet<>(first.rows.get(t)), new HashSet<>(shuffled.rows.get(t)), t.datasetName);
    }
    assertEquals(first.cells, reversed.cells);
    assertEquals(first.comparisonCellsNulled, shuffled.comparisonCellsNulled);
  }

  @Test
  void everyMunicipalityHasACellInEveryMonthAndOnlyAReportedMonthHasIncomeSupportFigures() {
    BatchFigures.Result r = compute(inputs());
    assertEquals(4, r.rows.get(OutputTable.GAP_MONTHLY).size());
    assertEquals(4, r.cells.size());
    Row reported = gapRow(r, JAN, "0127");
    assertTrue(reported.getBoolean("income_support_reported"));
    assertEquals(0, new BigDecimal("400.25").compareTo(reported.getDecimal("gap_support_sek")));
    assertEquals(1, count(reported, "gap_support_persons"));
    assertEquals(1, count(reported, "persons_in_gap_with_support"));
    assertEquals(4, count(reported, "newcomers_received"));
    assertEquals(1, count(reported, "gaps_closed"));
    for (Row silent : List.of(gapRow(r, JAN, "0128"), gapRow(r, FEB, "0127"), gapRow(r, FEB, "0128"))) {
      assertFalse(silent.getBoolean("income_support_reported"));
      assertNull(silent.getValue("gap_support_sek"));
      assertNull(silent.getValue("recoverable_sek"));
    }
    assertEquals(1, r.rows.get(OutputTable.INCOME_SUPPORT_MONTHLY).size());
    Row income = r.rows.get(OutputTable.INCOME_SUPPORT_MONTHLY).get(0);
    assertEquals(0, new BigDecimal("1000.50").compareTo(income.getDecimal("amount_sek")));
    assertEquals(1, r.rows.get(OutputTable.INCOME_SUPPORT_BY_REASON).size());
  }

  @Test
  void aReasonWithoutSupportHasNoRowAndTheRecoverableMoneyIsCappedAtTheSupport() {
    BatchFigures.Result r = compute(inputs());
    List<Row> byReason = r.rows.get(OutputTable.GAP_BY_REASON);
    assertEquals(1, byReason.size());
    assertEquals(ReasonCode.values()[0].name(), byReason.get(0).getString("reason_code"));
    Row jan = gapRow(r, JAN, "0127");
    assertEquals(0, new BigDecimal("300.00").compareTo(jan.getDecimal("recoverable_sek")));
    assertEquals(1, count(jan, "recoverable_persons"));
  }

  @Test
  void theNationalComparisonHasRowsForEveryPublishedMonth() {
    BatchFigures.Result r = compute(inputs());
    Map<String, Long> perMonth = new java.util.TreeMap<>();
    for (Row row : r.rows.get(OutputTable.NATIONAL_COMPARISON)) {
      perMonth.merge(row.getString("period"), 1L, Long::sum);
    }
    assertEquals(List.of(JAN.toString(), FEB.toString()), new ArrayList<>(perMonth.keySet()));
    assertEquals(perMonth.get(JAN.toString()), perMonth.get(FEB.toString()));
  }

  /**
   * The months a person is visited in ({@code monthsOfPerson}) hold every month in which the person
   * counts at all: in any other published month the person has no gap days, no open gap at its end
   * and did not close the gap, for gaps open and closed, starting before, in and after the range.
   */
  @Test
  void aPersonIsVisitedInEveryMonthInWhichItCounts() {
    MonthRange range = new MonthRange(YearMonth.of(2010, 11), YearMonth.of(2011, 4));
    LocalDate obsEnd = range.obsEnd();
    List<PersonGap> gaps = new ArrayList<>();
    int visits = 0;
    for (LocalDate start = LocalDate.of(2010, 6, 15); start.isBefore(obsEnd); start = start.plusDays(17)) {
      gaps.add(new PersonGap(PERSON, "0127", start, obsEnd, null, null,
          (int) java.time.temporal.ChronoUnit.DAYS.between(start, obsEnd), 0, null)); // still open
      for (int days : new int[] {1, 20, 45, 130}) {
        LocalDate paid = start.plusDays(days);
        if (paid.isBefore(obsEnd)) {
          gaps.add(new PersonGap(PERSON, "0127", start, paid, start.plusDays(days / 2), paid, days, days / 2,
              BigDecimal.TEN));
        }
      }
    }
    for (PersonGap g : gaps) {
      List<YearMonth> visited = BatchFigures.monthsOfPerson(g, range);
      visits += visited.size();
      for (YearMonth m : range.months()) {
        boolean counts = g.daysInMonth(m) > 0 || g.isOpenAtEndOf(m) || m.equals(g.closedMonth());
        assertEquals(counts, visited.contains(m), g.gapStart() + ".." + g.gapEnd() + " in " + m);
      }
    }
    assertTrue(visits < gaps.size() * range.months().size(), "no month is ever left out: " + visits);
  }
}
