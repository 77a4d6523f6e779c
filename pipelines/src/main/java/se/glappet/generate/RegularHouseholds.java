package se.glappet.generate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import se.glappet.records.ReasonCode;

/**
 * The bulk of income support: households with no link to the establishment reform (unemployment,
 * sickness, other), one payment a month, a few emergency payments and negative corrections. The stock of
 * households stays near the municipality's target with a mild winter peak; about 8 % leave each month.
 */
final class RegularHouseholds {
  private static final double EXIT_RATE = 0.08;
  private static final double SKIP_RATE = 0.03;
  private static final double EMERGENCY_RATE = 0.02;
  private static final double CORRECTION_RATE = 0.01;

  private static final class Household {
    String id;
    String person;
    int adults;
    int children;
    ReasonCode reason;
    long baseOre;
    /** 0: calendar months; otherwise the day of month each period starts (2–28). */
    int startDay;
    boolean started;
    int lastFrom = Days.NONE;
    int lastTo;
    int lastPaid;
    long lastOre;
  }

  private final SplittableRandom r;
  private final MunicipalityPlan plan;
  private final List<Household> households = new ArrayList<>();

  RegularHouseholds(SplittableRandom r, MunicipalityPlan plan) {
    this.r = r;
    this.plan = plan;
    for (int i = 0; i < plan.households; i++) {
      Household h = newHousehold();
      h.started = true;
      households.add(h);
    }
  }

  private Household newHousehold() {
    Household h = new Household();
    h.id = Seeds.pseudonym(r);
    h.person = Seeds.pseudonym(r);
    h.adults = r.nextDouble() < 0.3 ? 2 : 1;
    h.children = Seeds.children(r);
    double u = r.nextDouble();
    h.reason = u < 0.45 ? ReasonCode.UNEMPLOYED : u < 0.72 ? ReasonCode.SICK : ReasonCode.OTHER;
    double kronor = ((h.adults == 2 ? 7_600 : 5_200) + 1_700 * h.children) * Math.exp(0.3 * Seeds.gaussian(r));
    h.baseOre = Math.round(Math.max(2_500, Math.min(24_000, kronor)) * 100);
    h.startDay = r.nextDouble() < 0.12 ? 2 + r.nextInt(27) : 0;
    return h;
  }

  /** The payments of the period that starts in the month (payment dates may fall in the month before or after). */
  void cycle(int month, List<PaymentRow> sink) {
    int monthFirst = Days.firstDay(month);
    int target = (int) Math.max(1, Math.round(plan.households * (1 + 0.03 * Math.cos(2 * Math.PI * Days.monthOfYear(month) / 12))));
    for (Iterator<Household> it = households.iterator(); it.hasNext(); ) {
      Household h = it.next();
      if (h.started && r.nextDouble() < EXIT_RATE) {
        it.remove();
      }
    }
    while (households.size() < target) {
      households.add(newHousehold());
    }
    for (Household h : households) {
      int from = h.startDay == 0 ? monthFirst : monthFirst + h.startDay - 1;
      int to = h.startDay == 0 ? Days.lastDay(month) : Days.firstDay(month + 1) + h.startDay - 2;
      if (h.lastFrom != Days.NONE && r.nextDouble() < CORRECTION_RATE) {
        // Part of the last payment is paid back: after it, never more than half of it.
        long back = Math.min(h.lastOre / 2, Math.round(h.baseOre * (0.05 + 0.35 * r.nextDouble())));
        int paid = Days.weekdayOnOrAfter(Math.max(monthFirst + 3 + r.nextInt(20), h.lastPaid + 7));
        if (back >= 100) {
          sink.add(payment(h, paid, h.lastFrom, h.lastTo, -kronor(back)));
        }
      }
      if (!h.started) {
        // A new applicant: support from the application day to the end of the period.
        h.started = true;
        from = from + r.nextInt(Math.max(1, to - from - 3));
        h.lastPaid = Days.weekdayOnOrAfter(from + 2 + r.nextInt(8));
        h.lastOre = kronor(Math.round(h.baseOre * (to - from + 1) / 30.44));
      } else if (r.nextDouble() >= SKIP_RATE) {
        h.lastPaid = plan.payInAdvance
            ? Days.weekdayOnOrBefore(from - 1 - r.nextInt(7))
            : Days.weekdayOnOrAfter(from + r.nextInt(5));
        h.lastOre = kronor(Math.round(h.baseOre * (0.92 + 0.12 * r.nextDouble())));
      } else {
        continue;
      }
      sink.add(payment(h, h.lastPaid, from, to, h.lastOre));
      h.lastFrom = from;
      h.lastTo = to;
      if (r.nextDouble() < EMERGENCY_RATE) {
        int day = monthFirst + r.nextInt(Days.lengthOfMonth(month));
        int last = Math.min(Days.lastDay(month), day + r.nextInt(7));
        sink.add(payment(h, Days.weekdayOnOrAfter(day), day, last, (300 + r.nextInt(2_700)) * 100L));
      }
    }
  }

  private long kronor(long ore) {
    if (!plan.wholeKronor) {
      return ore;
    }
    long rounded = ore / 100 * 100;
    return rounded == 0 ? Long.signum(ore) * 100 : rounded;
  }

  private PaymentRow payment(Household h, int paid, int from, int to, long ore) {
    return new PaymentRow(plan.position, h.id, h.person, paid, from, to, ore, h.reason, h.adults, h.children, false);
  }
}
