package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import se.glappet.records.ReasonCode;

/** The plain parts of SummarisePayments: packed keys and adding partial sums. */
class SummarisePaymentsTest {
  @Test
  void incomeKeysRoundTripToTheirCellKeys() {
    long monthly = PackedIncomeKey.pack(YearMonth.of(2011, 1), "0180", null);
    assertEquals(CellKey.of(YearMonth.of(2011, 1), "0180"), PackedIncomeKey.cellKey(monthly));
    for (ReasonCode r : ReasonCode.values()) {
      long k = PackedIncomeKey.pack(YearMonth.of(1999, 12), "0114", r);
      assertEquals(CellKey.of(YearMonth.of(1999, 12), "0114", r), PackedIncomeKey.cellKey(k));
      assertNotEquals(monthly, k);
    }
    long highest = PackedIncomeKey.pack(YearMonth.of(2099, 12), "9999", ReasonCode.values()[0]);
    assertEquals(CellKey.of(YearMonth.of(2099, 12), "9999", ReasonCode.values()[0]), PackedIncomeKey.cellKey(highest));
  }

  @Test
  void partialsAddAmountsAndHouseholdTotals() {
    SummarisePayments.Partial sum = new SummarisePayments.Partial();
    sum.add(SummarisePayments.Partial.of(new BigDecimal("10.50")));
    sum.add(new SummarisePayments.Partial()); // an empty partial adds nothing
    sum.add(SummarisePayments.Partial.of(new BigDecimal("-0.25")));
    assertEquals(new BigDecimal("10.25"), sum.amount);

    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    a.personsByHousehold.put("h1", 2);
    a.payments = 1;
    a.amount = new BigDecimal("100");
    HouseholdTotals.Acc b = new HouseholdTotals.Acc();
    b.personsByHousehold.put("h1", 3);
    b.personsByHousehold.put("h2", 1);
    b.payments = 2;
    b.amount = new BigDecimal("50");
    SummarisePayments.Partial t = new SummarisePayments.Partial()
        .add(SummarisePayments.Partial.of(a)).add(SummarisePayments.Partial.of(b));
    IncomeSupportTotals totals = HouseholdTotals.totals(t.totals);
    assertEquals(2, totals.households);
    assertEquals(4, totals.persons); // h1 at its largest (3) + h2 (1)
    assertEquals(3, totals.payments);
    assertEquals(new BigDecimal("150"), totals.amount);
  }
}
