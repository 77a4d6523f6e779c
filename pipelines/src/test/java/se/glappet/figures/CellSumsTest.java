package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

/** Adding partial gap cells by key within a bundle, and the per-person parts it adds. */
class CellSumsTest {
  private static final CellKey JAN_0127 = CellKey.of(YearMonth.of(2011, 1), "0127");
  private static final CellKey JAN_0180 = CellKey.of(YearMonth.of(2011, 1), "0180");

  @Test
  void aPersonsSupportFromAPayerCountsThePersonOnlyWhenItIsNotZero() {
    GapCell paid = GapCell.supportFromPayer(new BigDecimal("120.50"));
    assertEquals(new BigDecimal("120.50"), paid.gapSupportSek);
    assertEquals(1, paid.gapSupportPersons);
    // Parts that cancel out (a payment and its repayment) leave a person with no support.
    GapCell cancelled = GapCell.supportFromPayer(new BigDecimal("0.00"));
    assertEquals(0, cancelled.gapSupportPersons);
    assertEquals(0, cancelled.gapSupportSek.signum());
    assertEquals(1, GapCell.supportedPerson(new BigDecimal("-3")).personsInGapWithSupport);
    assertEquals(0, GapCell.supportedPerson(BigDecimal.ZERO).personsInGapWithSupport);
    assertEquals(0, GapCell.supportedPerson(BigDecimal.ONE).gapSupportPersons);
  }

  @Test
  void partsOfOneKeyAreAddedAndEachKeyLeavesOnce() {
    CellSums sums = new CellSums();
    GapCell first = GapCell.supportFromPayer(new BigDecimal("100.25"));
    GapCell closed = new GapCell();
    closed.personsInGap = 1;
    closed.closedCashDays.add(40);
    closed.closedEntitlementDays.add(12);
    sums.add(JAN_0127, first);
    sums.add(JAN_0127, GapCell.supportFromPayer(new BigDecimal("0")));
    sums.add(JAN_0127, GapCell.supportedPerson(new BigDecimal("5")));
    sums.add(JAN_0127, closed);
    sums.add(JAN_0180, GapCell.supportFromPayer(new BigDecimal("-0.25")));
    assertEquals(2, sums.size());

    Map<CellKey, GapCell> out = new HashMap<>();
    List<CellKey> order = new ArrayList<>();
    sums.emit(kv -> {
      order.add(kv.getKey());
      out.put(kv.getKey(), kv.getValue());
    });
    assertEquals(2, order.size());
    GapCell a = out.get(JAN_0127);
    assertEquals(new BigDecimal("100.25"), a.gapSupportSek);
    assertEquals(1, a.gapSupportPersons); // the second person's support was zero
    assertEquals(1, a.personsInGapWithSupport);
    assertEquals(1, a.personsInGap);
    assertEquals(List.of(40), a.closedCashDays);
    assertEquals(List.of(12), a.closedEntitlementDays);
    assertEquals(new BigDecimal("-0.25"), out.get(JAN_0180).gapSupportSek);
    assertEquals(1, out.get(JAN_0180).gapSupportPersons);
    // The parts are not changed by adding them.
    assertEquals(new BigDecimal("100.25"), first.gapSupportSek);
    assertEquals(List.of(40), closed.closedCashDays);

    // Emitting starts afresh: nothing leaves twice, and later parts make new sums.
    assertEquals(0, sums.size());
    List<KV<CellKey, GapCell>> again = new ArrayList<>();
    sums.emit(again::add);
    assertTrue(again.isEmpty());
    sums.add(JAN_0180, GapCell.supportFromPayer(new BigDecimal("7")));
    sums.emit(again::add);
    assertEquals(new BigDecimal("7"), again.get(0).getValue().gapSupportSek);
    assertEquals(new BigDecimal("-0.25"), out.get(JAN_0180).gapSupportSek); // the emitted cell is untouched
  }

  @Test
  void addingInPartsGivesTheSameCellAsAddingAtOnce() {
    GapCell x = GapCellTest.cell(true);
    GapCell y = GapCellTest.cell(false);
    y.openGapsAtMonthEnd = 3;
    y.newcomersReceived = null;
    GapCell z = GapCell.supportFromPayer(new BigDecimal("0.005"));
    CellSums left = new CellSums();
    left.add(JAN_0127, x);
    left.add(JAN_0127, y);
    CellSums right = new CellSums();
    right.add(JAN_0127, z);
    List<GapCell> parts = new ArrayList<>();
    left.emit(kv -> parts.add(kv.getValue()));
    right.emit(kv -> parts.add(kv.getValue()));
    GapCell inParts = GapCell.sum(parts.get(0), parts.get(1));
    GapCell atOnce = GapCell.sum(GapCell.sum(x, y), z);
    assertEquals(atOnce, inParts);
    assertEquals(new BigDecimal("2469.139"), inParts.gapSupportSek);
    assertEquals(10L, inParts.newcomersReceived);
    assertEquals(3, inParts.openGapsAtMonthEnd);
    assertEquals(15, inParts.gapSupportPersons);
  }
}
