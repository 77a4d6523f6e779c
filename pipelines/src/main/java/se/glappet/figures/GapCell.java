package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Partial figures of {@code gap_monthly} for one municipality and month (contract section 4.1),
 * exact and before disclosure control. Every source (person windows, apportioned payments,
 * recoverable money, KIS rows, the dense seed) contributes a partial cell; cells merge by adding.
 */
@DefaultCoder(GapCell.CellCoder.class)
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
  /**
   * The municipality reported the month: it has an accepted income-support payment dated in it
   * (contract section 4). Without one, its payment figures are unknown, not zero.
   */
  public boolean incomeSupportReported;

  /** A new cell holding the sum of two cells (inputs are not modified). */
  public static GapCell sum(GapCell a, GapCell b) {
    GapCell c = new GapCell();
    addInto(c, a);
    addInto(c, b);
    return c;
  }

  /** Adds {@code x} into {@code acc}, which must be the caller's own cell; {@code x} is not modified. */
  static void addInto(GapCell acc, GapCell x) {
    acc.personsInGap += x.personsInGap;
    acc.personsInGapWithSupport += x.personsInGapWithSupport;
    acc.gapPersonDays += x.gapPersonDays;
    acc.gapSupportPersons += x.gapSupportPersons;
    acc.gapSupportSek = acc.gapSupportSek.add(x.gapSupportSek);
    acc.closedCashDays.addAll(x.closedCashDays);
    acc.closedEntitlementDays.addAll(x.closedEntitlementDays);
    acc.openGapsAtMonthEnd += x.openGapsAtMonthEnd;
    acc.recoverablePersons += x.recoverablePersons;
    acc.recoverableSek = acc.recoverableSek.add(x.recoverableSek);
    if (x.newcomersReceived != null) {
      acc.newcomersReceived = (acc.newcomersReceived == null ? 0 : acc.newcomersReceived) + x.newcomersReceived;
    }
    acc.incomeSupportReported |= x.incomeSupportReported;
  }

  /**
   * One person's gap support in a month from one paying municipality (contract 4.1): the amount,
   * and the person counted in gap_support_persons when it is not zero.
   */
  static GapCell supportFromPayer(BigDecimal personsAmount) {
    GapCell c = new GapCell();
    c.gapSupportSek = personsAmount;
    c.gapSupportPersons = personsAmount.signum() != 0 ? 1 : 0;
    return c;
  }

  /**
   * One person's gap support in a month, all payers together, for the person's home municipality:
   * counted in persons_in_gap_with_support when it is not zero.
   */
  static GapCell supportedPerson(BigDecimal personsAmount) {
    GapCell c = new GapCell();
    c.personsInGapWithSupport = personsAmount.signum() != 0 ? 1 : 0;
    return c;
  }

  public long gapsClosed() {
    return closedCashDays.size();
  }

  /** Same figures (amounts compared by value, as {@link se.glappet.records.Payment} does). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GapCell)) {
      return false;
    }
    GapCell c = (GapCell) o;
    return personsInGap == c.personsInGap && personsInGapWithSupport == c.personsInGapWithSupport
        && gapPersonDays == c.gapPersonDays && gapSupportPersons == c.gapSupportPersons
        && gapSupportSek.compareTo(c.gapSupportSek) == 0 && closedCashDays.equals(c.closedCashDays)
        && closedEntitlementDays.equals(c.closedEntitlementDays) && openGapsAtMonthEnd == c.openGapsAtMonthEnd
        && recoverablePersons == c.recoverablePersons && recoverableSek.compareTo(c.recoverableSek) == 0
        && java.util.Objects.equals(newcomersReceived, c.newcomersReceived)
        && incomeSupportReported == c.incomeSupportReported;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(personsInGap, gapPersonDays, closedCashDays, newcomersReceived);
  }

  @Override
  public String toString() {
    return "GapCell[inGap " + personsInGap + " withSupport " + personsInGapWithSupport + " days " + gapPersonDays
        + " supportPersons " + gapSupportPersons + " supportSek " + gapSupportSek + " closedCash " + closedCashDays
        + " closedEntitlement " + closedEntitlementDays + " open " + openGapsAtMonthEnd + " recoverable "
        + recoverablePersons + "/" + recoverableSek + " received " + newcomersReceived + "]";
  }

  /** A compact coder (Java serialization dominated the profile). */
  public static final class CellCoder extends AtomicCoder<GapCell> {
    private static final long serialVersionUID = 1L;
    private static final VarLongCoder L = VarLongCoder.of();
    private static final VarIntCoder I = VarIntCoder.of();
    private static final se.glappet.records.DecimalCoder D = se.glappet.records.DecimalCoder.of();

    public static CellCoder of() {
      return new CellCoder();
    }

    @Override
    public void encode(GapCell c, OutputStream out) throws IOException {
      L.encode(c.personsInGap, out);
      L.encode(c.personsInGapWithSupport, out);
      L.encode(c.gapPersonDays, out);
      L.encode(c.gapSupportPersons, out);
      D.encode(c.gapSupportSek, out);
      ints(c.closedCashDays, out);
      ints(c.closedEntitlementDays, out);
      L.encode(c.openGapsAtMonthEnd, out);
      L.encode(c.recoverablePersons, out);
      D.encode(c.recoverableSek, out);
      L.encode(c.newcomersReceived == null ? -1L : c.newcomersReceived, out);
      out.write(c.incomeSupportReported ? 1 : 0);
    }

    @Override
    public GapCell decode(InputStream in) throws IOException {
      GapCell c = new GapCell();
      c.personsInGap = L.decode(in);
      c.personsInGapWithSupport = L.decode(in);
      c.gapPersonDays = L.decode(in);
      c.gapSupportPersons = L.decode(in);
      c.gapSupportSek = D.decode(in);
      c.closedCashDays = ints(in);
      c.closedEntitlementDays = ints(in);
      c.openGapsAtMonthEnd = L.decode(in);
      c.recoverablePersons = L.decode(in);
      c.recoverableSek = D.decode(in);
      long n = L.decode(in);
      c.newcomersReceived = n < 0 ? null : n;
      int reported = in.read();
      if (reported < 0) {
        throw new java.io.EOFException("a gap cell ends before its reported flag");
      }
      c.incomeSupportReported = reported == 1;
      return c;
    }

    private static void ints(List<Integer> xs, OutputStream out) throws IOException {
      I.encode(xs.size(), out);
      for (int x : xs) {
        I.encode(x, out);
      }
    }

    private static List<Integer> ints(InputStream in) throws IOException {
      int n = I.decode(in);
      List<Integer> xs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        xs.add(I.decode(in));
      }
      return xs;
    }
  }
}
