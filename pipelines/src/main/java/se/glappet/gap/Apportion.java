package se.glappet.gap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import se.glappet.records.Payment;

/**
 * Apportioning of income-support payments to sets of days (contract section 3.2).
 *
 * <p>A payment x covers {@code C = [covers_from, covers_to + 1 day)}; the part of x in a set of
 * days S is {@code amount × |C ∩ S| / days(C)}. Divisions are carried to {@link #SCALE} decimal
 * places with {@link RoundingMode#HALF_EVEN} (the contract asks for at least 10); nothing is
 * rounded to öre here, see {@link Money#publish(BigDecimal)}.
 *
 * <p><b>Recoverable money</b> of a person p with gap g: let {@code P = Σ partInRecoverableWindow(x,
 * g)} over all of p's payments (from any municipality, known at obs_end) and {@code A =
 * g.retroactiveAllowance()}. The recoverable amount of one payment x is {@code
 * partInRecoverableWindow(x, g) × recoverableFactor(A, P)}. It belongs to the month {@link
 * PersonGap#closedMonth()} (the month of first_payment), whatever the payment's own dates, and to
 * the municipality that made payment x. Because P needs all of p's payments, the Beam side groups
 * payments by person first; {@link #recoverableAmounts(List, PersonGap)} does the whole
 * computation for one person's payments.
 */
public final class Apportion {
  /** Decimal places of every division in this package. */
  public static final int SCALE = 20;

  private Apportion() {}

  /** The days a payment is for: {@code [covers_from, covers_to + 1 day)}. */
  public static DateRange covers(Payment p) {
    return DateRange.of(p.coversFrom, p.coversTo.plusDays(1));
  }

  /**
   * {@code amount × |C ∩ S| / days(C)}, at least {@link #SCALE} decimals, HALF_EVEN. ZERO when C
   * and S do not overlap (or C is empty); exactly {@code amount} when S contains all of C.
   */
  public static BigDecimal part(BigDecimal amount, DateRange covers, DateRange s) {
    long days = covers.days();
    long overlap = covers.overlapDays(s);
    if (days == 0 || overlap == 0) {
      return BigDecimal.ZERO;
    }
    if (overlap == days) {
      return amount;
    }
    return amount
        .multiply(BigDecimal.valueOf(overlap))
        .divide(BigDecimal.valueOf(days), Math.max(SCALE, amount.scale()), RoundingMode.HALF_EVEN);
  }

  /**
   * Gap support of payment p: for every month t in which C ∩ W is not empty, the part of p in
   * {@code W ∩ t} (W = {@link PersonGap#window()}). Only the covered days count; payment_date plays
   * no role here (leaving out payments dated at or after obs_end is the caller's job). Months
   * without overlap are absent. The map is sorted by month and unmodifiable.
   *
   * @throws IllegalArgumentException when p is not the gap person's payment (ignoring case)
   */
  public static Map<YearMonth, BigDecimal> gapSupportByMonth(Payment p, PersonGap g) {
    checkPerson(p, g);
    DateRange c = covers(p);
    DateRange w = g.window();
    TreeMap<YearMonth, BigDecimal> out = new TreeMap<>();
    for (YearMonth t : c.intersect(w).months()) {
      out.put(t, part(p.amountSek, c, w.intersect(DateRange.month(t))));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The part of p in the recoverable window R ({@link PersonGap#recoverableWindow()}); ZERO when
   * the person has no R.
   *
   * @throws IllegalArgumentException when p is not the gap person's payment (ignoring case)
   */
  public static BigDecimal partInRecoverableWindow(Payment p, PersonGap g) {
    checkPerson(p, g);
    return g.recoverableWindow().map(r -> part(p.amountSek, covers(p), r)).orElse(BigDecimal.ZERO);
  }

  /**
   * {@code min(1, A / P)} when P &gt; 0 ({@link #SCALE} decimals, HALF_EVEN), else ZERO.
   *
   * @param retroactiveAllowance A, {@link PersonGap#retroactiveAllowance()}
   * @param totalPartsInR P, the sum of the person's {@link #partInRecoverableWindow} values
   */
  public static BigDecimal recoverableFactor(
      BigDecimal retroactiveAllowance, BigDecimal totalPartsInR) {
    Objects.requireNonNull(retroactiveAllowance, "retroactiveAllowance");
    if (totalPartsInR == null || totalPartsInR.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    if (retroactiveAllowance.compareTo(totalPartsInR) >= 0) {
      return BigDecimal.ONE;
    }
    return retroactiveAllowance.divide(totalPartsInR, SCALE, RoundingMode.HALF_EVEN);
  }

  /** One payment's recoverable amount: {@code partInR × factor}, exact (no rounding). */
  public static BigDecimal recoverable(BigDecimal partInR, BigDecimal factor) {
    return partInR.multiply(factor);
  }

  /**
   * The recoverable amounts of all of one person's payments, in the order given: computes each
   * part in R, P as their sum, the factor, and each part × factor. All values are ZERO when the
   * person has no R or P ≤ 0. Each amount belongs to {@link PersonGap#closedMonth()} and to the
   * paying municipality of the payment at the same position.
   *
   * @param payments every payment of the person known at obs_end (from any municipality)
   */
  public static List<BigDecimal> recoverableAmounts(List<Payment> payments, PersonGap g) {
    List<BigDecimal> parts = new ArrayList<>(payments.size());
    BigDecimal total = BigDecimal.ZERO;
    for (Payment p : payments) {
      BigDecimal part = partInRecoverableWindow(p, g);
      parts.add(part);
      total = total.add(part);
    }
    BigDecimal factor = recoverableFactor(g.retroactiveAllowance(), total);
    List<BigDecimal> out = new ArrayList<>(parts.size());
    for (BigDecimal part : parts) {
      out.add(factor.signum() == 0 ? BigDecimal.ZERO : recoverable(part, factor));
    }
    return Collections.unmodifiableList(out);
  }

  private static void checkPerson(Payment p, PersonGap g) {
    if (!p.personId.equalsIgnoreCase(g.personId())) {
      throw new IllegalArgumentException(
          "payment of person " + p.personId + " apportioned to the gap of " + g.personId());
    }
  }
}
