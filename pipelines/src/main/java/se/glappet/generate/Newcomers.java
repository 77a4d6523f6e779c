package se.glappet.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import se.glappet.records.ReasonCode;

/**
 * The newcomers settled in one municipality: their LMA and establishment-allowance periods, the income
 * support that bridges their gap (and follows it), and the municipality's KIS counts. Asylum seekers still
 * on LMA are added too. Everything is drawn from the municipality's own seed.
 */
final class Newcomers {
  /** Newcomers settled in Sweden a year at {@code --scale 1}. */
  static final double NATIONAL_PER_YEAR = 40_000;

  /** The generated facts of one municipality. */
  static final class Result {
    final List<AllowanceRow> allowances = new ArrayList<>();
    /** [window month][reception type][received, with plan, awaiting plan, in SFI]. */
    final int[][][] kis;
    /** Payments for these newcomers, by this municipality or (secondary moves) another one. */
    final List<PaymentRow> payments = new ArrayList<>();
    int settled;
    int asylumSeekers;

    Result(int months) {
      kis = new int[months][ReceptionType.values().length][4];
    }
  }

  private static final class Person {
    String id;
    String household;
    ReceptionType type;
    int settle;
    int adults;
    int children;
    boolean target;
    int estFrom = Days.NONE;
    /** Planned last day of the establishment plan (may lie after the observation end). */
    int estTo = Days.NONE;
    /** Day the first establishment payment arrives (may lie after the observation end). */
    int firstPay = Days.NONE;
    long estDailyOre;
    int sfiStart;
    int sfiEnd;
    long needOre;
  }

  private final Generator g;
  private final MunicipalityPlan plan;
  private final Result result;

  private Newcomers(Generator g, MunicipalityPlan plan) {
    this.g = g;
    this.plan = plan;
    this.result = new Result(g.toMonth - g.fromMonth + 1);
  }

  static Result generate(Generator g, MunicipalityPlan plan) {
    Newcomers n = new Newcomers(g, plan);
    n.run();
    return n.result;
  }

  private void run() {
    SplittableRandom r = Seeds.rng(g.seed, Long.parseLong(plan.code()), 1);
    List<Person> persons = new ArrayList<>();
    for (int month = g.warmStartMonth; month <= g.toMonth; month++) {
      int n = Seeds.poisson(r, plan.newcomersPerMonth);
      for (int k = 0; k < n; k++) {
        SplittableRandom pr = r.split();
        Person p = settle(pr, month);
        persons.add(p);
        allowanceRows(pr, p);
        payments(pr, p);
      }
    }
    result.settled = persons.size();
    int asylum = Seeds.poisson(r, plan.newcomersPerMonth * 6);
    for (int k = 0; k < asylum; k++) {
      asylumSeeker(r.split());
    }
    result.asylumSeekers = asylum;
    kis(persons);
  }

  private Person settle(SplittableRandom r, int month) {
    Person p = new Person();
    p.id = Seeds.pseudonym(r);
    p.household = Seeds.pseudonym(r);
    double t = r.nextDouble();
    p.type =
        t < 0.30 ? ReceptionType.ASSIGNED
            : t < 0.75 ? ReceptionType.OWN_HOUSING : t < 0.82 ? ReceptionType.QUOTA : ReceptionType.FAMILY;
    p.settle = Days.firstDay(month) + r.nextInt(Days.lengthOfMonth(month));
    p.adults = r.nextDouble() < 0.35 ? 2 : 1;
    p.children = Seeds.children(r);
    p.target = r.nextDouble() < (p.type == ReceptionType.FAMILY ? 0.75 : 0.85);
    if (p.target) {
      p.estFrom = p.settle + (r.nextDouble() < 0.3 ? r.nextInt(8) : 8 + r.nextInt(38));
      p.firstPay = firstPayment(r, p.estFrom);
      p.estTo = r.nextDouble() < 0.04 ? p.estFrom + 90 + r.nextInt(211) : p.estFrom + 729;
      double d = r.nextDouble();
      p.estDailyOre = (d < 0.70 ? 308 : d < 0.82 ? 231 : d < 0.94 ? 154 : 77) * 100L;
    }
    p.sfiStart = p.settle + 14 + r.nextInt(60);
    p.sfiEnd = p.sfiStart + 300 + r.nextInt(400);
    long kronor = (p.adults == 2 ? 7_050 : 3_900) + 2_300L * p.children + 4_500 + r.nextInt(4_000);
    p.needOre = kronor * 100;
    return p;
  }

  /**
   * The social insurance agency pays monthly in arrears around the 25th: the first payment comes the
   * month after the plan starts, sometimes later; always 5–70 days after the start, on a weekday.
   */
  static int firstPayment(SplittableRandom r, int estFrom) {
    int day = Days.weekdayOnOrBefore(Days.firstDay(Days.monthOf(estFrom) + 1) + 24);
    if (r.nextDouble() < 0.25) {
      day += 10 + r.nextInt(11);
    }
    day = Math.max(estFrom + 5, Math.min(estFrom + 68, day));
    return Days.weekdayOnOrAfter(day);
  }

  private int fileYear(int day) {
    return Math.max(Days.year(g.fromMonth), Math.min(Days.year(g.toMonth), Days.yearOf(day)));
  }

  private void allowanceRows(SplittableRandom r, Person p) {
    int year = fileYear(p.settle);
    boolean lma =
        p.type == ReceptionType.ASSIGNED || p.type == ReceptionType.OWN_HOUSING
            || (p.type == ReceptionType.FAMILY && r.nextDouble() < 0.4);
    if (lma) {
      int from = p.settle - 120 - r.nextInt(580);
      double away = p.type == ReceptionType.ASSIGNED ? 0.7 : p.type == ReceptionType.OWN_HOUSING ? 0.2 : 0;
      String where = r.nextDouble() < away ? g.otherCode(r, plan.position) : plan.code();
      long daily = (p.adults == 2 ? 61 : 71) * 100L;
      if (r.nextDouble() < 0.05) {
        // Two periods: first alone at 71 SEK/day somewhere else, then in a shared household.
        int split = from + 30 + r.nextInt(Math.max(1, p.settle - from - 60));
        result.allowances.add(
            new AllowanceRow(p.id, g.otherCode(r, plan.position), true, from, split - 1, Days.NONE, 7_100,
                year));
        from = split;
        daily = 6_100;
      }
      result.allowances.add(new AllowanceRow(p.id, where, true, from, p.settle - 1, Days.NONE, daily, year));
    }
    if (p.target && p.estFrom < g.obsEnd) {
      int to = p.estTo < g.obsEnd ? p.estTo : Days.NONE;
      int paid = p.firstPay < g.obsEnd ? p.firstPay : Days.NONE;
      result.allowances.add(
          new AllowanceRow(p.id, plan.code(), false, p.estFrom, to, paid, p.estDailyOre, year));
    }
  }

  private void asylumSeeker(SplittableRandom r) {
    String id = Seeds.pseudonym(r);
    int from = g.obsEnd - 20 - r.nextInt(580);
    String where = r.nextDouble() < 0.6 ? plan.code() : g.otherCode(r, plan.position);
    long daily = r.nextDouble() < 0.4 ? 6_100 : 7_100;
    result.allowances.add(new AllowanceRow(id, where, true, from, Days.NONE, Days.NONE, daily, fileYear(from)));
  }

  /** Income support for the household: the gap, then what may follow it. */
  private void payments(SplittableRandom r, Person p) {
    if (r.nextDouble() >= (p.type == ReceptionType.QUOTA ? 0.9 : p.target ? 0.7 : 0.85)) {
      return;
    }
    int start = p.settle + r.nextInt(15);
    int end = p.target ? p.firstPay : start + 120 + r.nextInt(480);
    List<PaymentRow> gap = new ArrayList<>();
    int previous = Integer.MIN_VALUE / 2;
    boolean first = true;
    for (int c = start; c < end && c < g.obsEnd; ) {
      int month = Days.monthOf(c);
      int last = Days.lastDay(month);
      if (first && last - c < 7) {
        last = Days.lastDay(month + 1);
      }
      ReasonCode reason;
      if (!p.target) {
        reason = p.type == ReceptionType.FAMILY ? ReasonCode.FAMILY_REUNION : ReasonCode.OUTSIDE_TARGET_GROUP;
      } else if (c < p.estFrom) {
        reason = p.type == ReceptionType.FAMILY ? ReasonCode.FAMILY_REUNION : ReasonCode.WAITING_PLAN;
      } else {
        reason = ReasonCode.WAITING_PAYMENT;
      }
      int paid = payDate(r, c, first, previous);
      gap.add(row(plan.position, p, paid, c, last, prorated(p.needOre, c, last), reason));
      previous = paid;
      first = false;
      c = last + 1;
    }
    if (gap.size() >= 2 && g.plans.size() >= 2 && r.nextDouble() < 0.06) {
      // A secondary move: for a month or two another municipality pays.
      int other = g.otherPosition(r, plan.position);
      int j = 1 + r.nextInt(gap.size() - 1);
      int n = j + 1 < gap.size() && r.nextBoolean() ? 2 : 1;
      for (int k = j; k < j + n; k++) {
        PaymentRow x = gap.get(k);
        gap.set(k, row(other, p, x.paymentDate, x.coversFrom, x.coversTo, x.amountOre, ReasonCode.SECONDARY_MOVE));
      }
    }
    result.payments.addAll(gap);
    if (!p.target) {
      return;
    }
    int paidMonth = Days.monthOf(p.firstPay);
    boolean large = p.children >= 3 || (p.adults == 2 && p.children >= 2);
    if (large && r.nextDouble() < 0.6) {
      long topUp = (800 + r.nextInt(4_200) + 300L * p.children) * 100 + r.nextInt(100);
      monthly(r, p, Days.firstDay(paidMonth + 1), 3 + r.nextInt(10), topUp, ReasonCode.BELOW_NORM);
    }
    if (r.nextDouble() < 0.05) {
      long reduced = Math.round(p.needOre * (0.3 + 0.4 * r.nextDouble()));
      monthly(r, p, Days.firstDay(paidMonth + 1 + r.nextInt(3)), 1 + r.nextInt(3), reduced,
          ReasonCode.ALLOWANCE_REDUCED);
    }
    if (p.estTo < p.estFrom + 729 && r.nextDouble() < 0.6) {
      monthly(r, p, p.estTo + 1, 2 + r.nextInt(7), p.needOre, ReasonCode.PLAN_ENDED);
    }
  }

  /** Monthly payments from a day to the end of its month, then whole calendar months. */
  private void monthly(SplittableRandom r, Person p, int from, int months, long monthlyOre, ReasonCode reason) {
    int previous = Integer.MIN_VALUE / 2;
    int c = from;
    for (int k = 0; k < months && c < g.obsEnd; k++) {
      int last = Days.lastDay(Days.monthOf(c));
      int paid = payDate(r, c, k == 0, previous);
      result.payments.add(row(plan.position, p, paid, c, last, prorated(monthlyOre, c, last), reason));
      previous = paid;
      c = last + 1;
    }
  }

  /** A first payment is made some days after the application; later ones follow the municipality's rhythm. */
  private int payDate(SplittableRandom r, int coversFrom, boolean first, int previous) {
    int day;
    if (first) {
      day = Days.weekdayOnOrAfter(coversFrom + 1 + r.nextInt(9));
    } else if (plan.payInAdvance) {
      day = Days.weekdayOnOrBefore(coversFrom - 1 - r.nextInt(6));
    } else {
      day = Days.weekdayOnOrAfter(coversFrom + r.nextInt(5));
    }
    return day > previous ? day : Days.weekdayOnOrAfter(previous + 1);
  }

  private long prorated(long monthlyOre, int from, int to) {
    long ore = Math.round(monthlyOre * (to - from + 1) / 30.44);
    if (plan.wholeKronor) {
      ore = Math.max(100, ore / 100 * 100);
    }
    return Math.max(1, ore);
  }

  private static PaymentRow row(
      int payer, Person p, int paid, int from, int to, long ore, ReasonCode reason) {
    return new PaymentRow(payer, p.household, p.id, paid, from, to, ore, reason, p.adults, p.children, true);
  }

  /** KIS counts per window month and reception type, from the settled newcomers. */
  private void kis(List<Person> persons) {
    for (int month = g.fromMonth; month <= g.toMonth; month++) {
      int[][] counts = result.kis[month - g.fromMonth];
      int end = Days.lastDay(month);
      for (Person p : persons) {
        if (p.settle > end) {
          continue;
        }
        int[] c = counts[p.type.ordinal()];
        if (Days.monthOf(p.settle) == month) {
          c[0]++;
        }
        if (p.target && p.estFrom <= end && p.estTo >= end) {
          c[1]++;
        } else if (p.target && p.estFrom > end) {
          c[2]++;
        }
        if (p.sfiStart <= end && p.sfiEnd >= end) {
          c[3]++;
        }
      }
    }
  }
}
