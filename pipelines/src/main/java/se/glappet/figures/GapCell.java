package se.glappet.figures;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Partial figures of {@code gap_monthly} for one municipality and month (contract section 4.1),
 * exact and before disclosure control. Every source (person windows, apportioned payments,
 * recoverable money, KIS rows, the dense seed) contributes a partial cell; cells merge by adding.
 */
public final class GapCell implements Serializable {
  private static final long serialVersionUID = 1L;

  public long personsInGap;
  public long personsInGapWithSupport;
  public long gapPersonDays;
  public long gapSupportPersons;
  public BigDecimal gapSupportSek = BigDecimal.ZERO;
  /** Cash-gap days of the gaps closed in the month (their count is gaps_closed). */
  public List<Integer> closedCashDays = new ArrayList<>();
  public List<Integer> closedEntitlementDays = new ArrayList<>();
  public long openGapsAtMonthEnd;
  public long recoverablePersons;
  public BigDecimal recoverableSek = BigDecimal.ZERO;
  /** Null without KIS rows for the municipality and month. */
  public Long newcomersReceived;

  /** A new cell holding the sum of two cells (inputs are not modified). */
  public static GapCell sum(GapCell a, GapCell b) {
    GapCell c = new GapCell();
    for (GapCell x : new GapCell[] {a, b}) {
      c.personsInGap += x.personsInGap;
      c.personsInGapWithSupport += x.personsInGapWithSupport;
      c.gapPersonDays += x.gapPersonDays;
      c.gapSupportPersons += x.gapSupportPersons;
      c.gapSupportSek = c.gapSupportSek.add(x.gapSupportSek);
      c.closedCashDays.addAll(x.closedCashDays);
      c.closedEntitlementDays.addAll(x.closedEntitlementDays);
      c.openGapsAtMonthEnd += x.openGapsAtMonthEnd;
      c.recoverablePersons += x.recoverablePersons;
      c.recoverableSek = c.recoverableSek.add(x.recoverableSek);
      if (x.newcomersReceived != null) {
        c.newcomersReceived = (c.newcomersReceived == null ? 0 : c.newcomersReceived) + x.newcomersReceived;
      }
    }
    return c;
  }

  public long gapsClosed() {
    return closedCashDays.size();
  }
}
