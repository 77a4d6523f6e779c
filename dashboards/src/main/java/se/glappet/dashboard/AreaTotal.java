package se.glappet.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The dashboard's own totals (Södertörn in total): the sum of the members' <em>shown</em> figures
 * only, so that no hidden value can be derived from it.
 *
 * <ul>
 *   <li>Every member shown: their sum (zero is a real zero then).
 *   <li>Some member suppressed or not reporting, and a shown member with a value other than zero:
 *       the sum of the shown ones, marked partial ({@code *}).
 *   <li>Some member suppressed or not reporting, and every shown member zero (or none shown): the
 *       total rests only on zeros and hidden or unknown members, so a sum would read as "nothing was
 *       paid". It is {@link Figure#SUPPRESSED} ({@code ..}); when no member is suppressed and none is
 *       shown, only non-reporting ones, it is {@link Figure#NOT_REPORTED} ({@code –}).
 *   <li>No member with a figure at all: {@link Figure#ABSENT}.
 * </ul>
 * ABSENT members (not in the batch, or nothing to report) neither count nor make a total partial.
 */
final class AreaTotal {
  private AreaTotal() {}

  /** The total of the members' figures, keyed by member code (members listed in key order). */
  static Figure of(SortedMap<String, Figure> members) {
    BigDecimal sum = BigDecimal.ZERO;
    List<String> shown = new ArrayList<>();
    boolean nonZero = false;
    int suppressed = 0;
    int notReported = 0;
    for (Map.Entry<String, Figure> member : members.entrySet()) {
      Figure f = member.getValue();
      switch (f.state()) {
        case SHOWN -> {
          sum = sum.add(f.value());
          shown.add(member.getKey());
          nonZero |= f.value().signum() != 0;
        }
        case SUPPRESSED -> suppressed++;
        case NOT_REPORTED -> notReported++;
        case ABSENT -> { }
      }
    }
    boolean partial = suppressed + notReported > 0;
    if (!partial) {
      return shown.isEmpty() ? Figure.ABSENT : new Figure(Figure.State.SHOWN, sum, false, shown);
    }
    if (nonZero) {
      return new Figure(Figure.State.SHOWN, sum, true, shown);
    }
    return suppressed == 0 && shown.isEmpty() ? Figure.NOT_REPORTED : Figure.SUPPRESSED;
  }
}
