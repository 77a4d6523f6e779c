package se.glappet.gap;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import se.glappet.records.AllowancePeriod;

/**
 * The gap of one person who is <em>in the gap</em> (contract section 3.1), as known at
 * {@code obs_end}.
 *
 * <p>Built with {@link #of(String, Iterable, LocalDate)}; persons without a gap, or with a cash gap
 * of zero days, get no {@code PersonGap} at all.
 */
public final class PersonGap implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String personId;
  private final String homeMunicipality;
  private final LocalDate gapStart;
  private final LocalDate gapEnd;
  private final LocalDate entitlementStart;
  private final LocalDate firstPayment;
  private final int cashGapDays;
  private final int entitlementGapDays;
  private final BigDecimal retroDailyAmount;

  /**
   * A gap from its parts. Prefer {@link #of(String, Iterable, LocalDate)}, which applies the
   * contract's rules; this constructor only checks that the values are consistent with them.
   *
   * @throws IllegalArgumentException when {@code cashGapDays} is not {@code gapEnd − gapStart} or is
   *     below 1, or {@code retroDailyAmount} is null while {@code entitlementStart} is not
   */
  public PersonGap(
      String personId,
      String homeMunicipality,
      LocalDate gapStart,
      LocalDate gapEnd,
      LocalDate entitlementStart,
      LocalDate firstPayment,
      int cashGapDays,
      int entitlementGapDays,
      BigDecimal retroDailyAmount) {
    this.personId = Objects.requireNonNull(personId, "personId");
    this.homeMunicipality = Objects.requireNonNull(homeMunicipality, "homeMunicipality");
    this.gapStart = Objects.requireNonNull(gapStart, "gapStart");
    this.gapEnd = Objects.requireNonNull(gapEnd, "gapEnd");
    this.entitlementStart = entitlementStart;
    this.firstPayment = firstPayment;
    this.cashGapDays = cashGapDays;
    this.entitlementGapDays = entitlementGapDays;
    this.retroDailyAmount = retroDailyAmount;
    if (cashGapDays < 1 || cashGapDays != ChronoUnit.DAYS.between(gapStart, gapEnd)) {
      throw new IllegalArgumentException(
          "cashGapDays " + cashGapDays + " does not match [" + gapStart + ", " + gapEnd + ")");
    }
    if (entitlementGapDays < 0 || entitlementGapDays > cashGapDays) {
      throw new IllegalArgumentException("entitlementGapDays out of range: " + entitlementGapDays);
    }
    if (entitlementStart != null && retroDailyAmount == null) {
      throw new IllegalArgumentException("retroDailyAmount is required with an entitlementStart");
    }
    if (firstPayment != null && !firstPayment.equals(gapEnd)) {
      throw new IllegalArgumentException("gapEnd must equal firstPayment when there is one");
    }
  }

  /**
   * The gap of person {@code personId} from all of their accepted allowance rows, or empty when the
   * person is not in the gap. Rules, in order (contract sections 3 and 3.1):
   *
   * <ol>
   *   <li>Rows with {@code from_date >= obsEnd} are ignored; a {@code first_payment_date >= obsEnd}
   *       is treated as empty.
   *   <li>No LMA row left, or any LMA row left without {@code to_date}: empty.
   *   <li>{@code gap_start} = latest LMA {@code to_date} + 1 day.
   *   <li>{@code entitlement_start} = earliest ESTABLISHMENT {@code from_date};
   *       {@code first_payment} = earliest ESTABLISHMENT {@code first_payment_date} over all
   *       ESTABLISHMENT rows (it may come from another row than entitlement_start).
   *   <li>{@code gap_end} = first_payment, else obsEnd; {@code cash_gap_days = max(0, gap_end −
   *       gap_start)}; empty unless it is at least 1.
   *   <li>{@code entitlement_gap_days = max(0, min(entitlement_start or obsEnd, gap_end) −
   *       gap_start)}.
   *   <li>Home municipality: the ESTABLISHMENT row with the earliest from_date (ties: lowest
   *       municipality code), else the LMA row with the latest to_date (ties: lowest code).
   *   <li>{@code retroDailyAmount}: daily_amount_sek of that same earliest ESTABLISHMENT row (the
   *       input key (person, type, from_date) makes the tie impossible in accepted data).
   * </ol>
   *
   * An LMA {@code to_date} at or after obsEnd is kept as it is: gap_start then lies after obsEnd,
   * so the cash gap is 0 days and the person is not in the gap.
   *
   * @param rows the person's allowance rows of both types, in any order
   * @throws IllegalArgumentException when a row belongs to another person (pseudonyms are compared
   *     ignoring letter case)
   */
  public static Optional<PersonGap> of(
      String personId, Iterable<AllowancePeriod> rows, LocalDate obsEnd) {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(obsEnd, "obsEnd");
    AllowancePeriod latestLma = null;
    boolean anyLma = false;
    AllowancePeriod earliestEst = null;
    LocalDate firstPayment = null;
    for (AllowancePeriod r : rows) {
      if (!r.personId.equalsIgnoreCase(personId)) {
        throw new IllegalArgumentException(
            "allowance row of person " + r.personId + " given for " + personId);
      }
      if (!r.fromDate.isBefore(obsEnd)) {
        continue; // not yet known at obs_end
      }
      if (r.type == AllowancePeriod.Type.LMA) {
        anyLma = true;
        if (r.toDate == null) {
          return Optional.empty(); // LMA still ongoing: no gap
        }
        if (latestLma == null
            || r.toDate.isAfter(latestLma.toDate)
            || (r.toDate.equals(latestLma.toDate)
                && r.municipalityCode.compareTo(latestLma.municipalityCode) < 0)) {
          latestLma = r;
        }
      } else {
        if (earliestEst == null
            || r.fromDate.isBefore(earliestEst.fromDate)
            || (r.fromDate.equals(earliestEst.fromDate)
                && r.municipalityCode.compareTo(earliestEst.municipalityCode) < 0)) {
          earliestEst = r;
        }
        LocalDate fp = r.firstPaymentDate;
        if (fp != null && fp.isBefore(obsEnd) && (firstPayment == null || fp.isBefore(firstPayment))) {
          firstPayment = fp;
        }
      }
    }
    if (!anyLma) {
      return Optional.empty();
    }
    LocalDate gapStart = latestLma.toDate.plusDays(1);
    LocalDate gapEnd = firstPayment != null ? firstPayment : obsEnd;
    long cash = Math.max(0, ChronoUnit.DAYS.between(gapStart, gapEnd));
    if (cash < 1) {
      return Optional.empty();
    }
    LocalDate entitlementStart = earliestEst == null ? null : earliestEst.fromDate;
    LocalDate entEnd = entitlementStart != null ? entitlementStart : obsEnd;
    if (gapEnd.isBefore(entEnd)) {
      entEnd = gapEnd;
    }
    long entitlement = Math.max(0, ChronoUnit.DAYS.between(gapStart, entEnd));
    String home = earliestEst != null ? earliestEst.municipalityCode : latestLma.municipalityCode;
    BigDecimal retro = earliestEst == null ? null : earliestEst.dailyAmountSek;
    return Optional.of(
        new PersonGap(
            personId,
            home,
            gapStart,
            gapEnd,
            entitlementStart,
            firstPayment,
            Math.toIntExact(cash),
            Math.toIntExact(entitlement),
            retro));
  }

  public String personId() {
    return personId;
  }

  public String homeMunicipality() {
    return homeMunicipality;
  }

  /** First day without LMA: latest LMA to_date + 1. */
  public LocalDate gapStart() {
    return gapStart;
  }

  /** Exclusive end of the cash gap: first_payment, or obs_end when not paid yet. */
  public LocalDate gapEnd() {
    return gapEnd;
  }

  /** Earliest ESTABLISHMENT from_date, or null. */
  public LocalDate entitlementStart() {
    return entitlementStart;
  }

  /** Earliest ESTABLISHMENT first_payment_date before obs_end, or null (gap still open). */
  public LocalDate firstPayment() {
    return firstPayment;
  }

  public int cashGapDays() {
    return cashGapDays;
  }

  public int entitlementGapDays() {
    return entitlementGapDays;
  }

  /** daily_amount_sek of the earliest ESTABLISHMENT row, or null without one. */
  public BigDecimal retroDailyAmount() {
    return retroDailyAmount;
  }

  /** The cash gap {@code W = [gapStart, gapEnd)}; never empty. */
  public DateRange window() {
    return DateRange.of(gapStart, gapEnd);
  }

  /**
   * {@code R = [max(gapStart, entitlementStart), gapEnd)} when the person has both an
   * entitlementStart and a firstPayment, else empty. R itself may have zero days (entitlement
   * starting on the first-payment day); it is then present but empty.
   */
  public Optional<DateRange> recoverableWindow() {
    if (entitlementStart == null || firstPayment == null) {
      return Optional.empty();
    }
    LocalDate s = entitlementStart.isAfter(gapStart) ? entitlementStart : gapStart;
    return Optional.of(DateRange.of(s, gapEnd));
  }

  /**
   * The retroactive allowance A = retroDailyAmount × (Monday–Friday days in R); ZERO without R.
   * Exact (no rounding).
   */
  public BigDecimal retroactiveAllowance() {
    return recoverableWindow()
        .map(r -> retroDailyAmount.multiply(BigDecimal.valueOf(r.weekdays())))
        .orElse(BigDecimal.ZERO);
  }

  /** The month of firstPayment (where gaps_closed and recoverable money belong), or null. */
  public YearMonth closedMonth() {
    return firstPayment == null ? null : YearMonth.from(firstPayment);
  }

  /** True when W shares at least one day with month t. */
  public boolean overlapsMonth(YearMonth t) {
    return window().overlaps(DateRange.month(t));
  }

  /** Number of days of W in month t (gap_person_days). */
  public int daysInMonth(YearMonth t) {
    return Math.toIntExact(window().overlapDays(DateRange.month(t)));
  }

  /**
   * open_gaps_at_month_end: gap_start in or before month t and no first_payment in or before t.
   */
  public boolean isOpenAtEndOf(YearMonth t) {
    LocalDate next = t.plusMonths(1).atDay(1);
    return gapStart.isBefore(next) && (firstPayment == null || !firstPayment.isBefore(next));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PersonGap)) {
      return false;
    }
    PersonGap g = (PersonGap) o;
    return personId.equals(g.personId)
        && homeMunicipality.equals(g.homeMunicipality)
        && gapStart.equals(g.gapStart)
        && gapEnd.equals(g.gapEnd)
        && Objects.equals(entitlementStart, g.entitlementStart)
        && Objects.equals(firstPayment, g.firstPayment)
        && cashGapDays == g.cashGapDays
        && entitlementGapDays == g.entitlementGapDays
        && (retroDailyAmount == null
            ? g.retroDailyAmount == null
            : g.retroDailyAmount != null && retroDailyAmount.compareTo(g.retroDailyAmount) == 0);
  }

  @Override
  public int hashCode() {
    return Objects.hash(personId, gapStart, gapEnd);
  }

  @Override
  public String toString() {
    return "PersonGap[" + personId + " home " + homeMunicipality + " W=" + window() + " entitlement "
        + entitlementStart + " firstPayment " + firstPayment + " cash " + cashGapDays + "d entitlement "
        + entitlementGapDays + "d retro " + retroDailyAmount + "/day]";
  }
}
