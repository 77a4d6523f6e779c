package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import se.glappet.records.DecimalCoder;
import se.glappet.records.Payment;
import se.glappet.records.RecordCoders;

/**
 * The income-support totals of one municipality-month (or municipality-month-reason), contract
 * section 4.3: distinct households, persons as the sum over households of the largest
 * adults + children seen, payments, amount and gap-reason amount.
 *
 * <p>Partial totals can be made anywhere and added later, and a payment can be taken out again
 * ({@link #remove}): the payments are summed as they are read, before the duplicate rule has
 * decided which of them it rejects. So a partial keeps, per household, every household size it saw
 * with the number of payments that had it (a multiset, usually of one size); a removal is the same
 * with a count of −1. Only the complete totals ({@link #totals}) take each household's largest
 * size among the sizes left.
 */
public final class HouseholdTotals {
  private HouseholdTotals() {}

  /** Households seen (with the sizes of their payments) and running sums. */
  public static final class Acc {
    /**
     * Per household: its payments' sizes, each packed with its number of payments into one long
     * ({@link #entry}), unordered.
     */
    final Map<String, long[]> sizesByHousehold = new HashMap<>(64);
    long payments;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal gapReasonAmount = BigDecimal.ZERO;

    /** Same households, sizes and sums (amounts compared by value). */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Acc)) {
        return false;
      }
      Acc a = (Acc) o;
      if (payments != a.payments || amount.compareTo(a.amount) != 0
          || gapReasonAmount.compareTo(a.gapReasonAmount) != 0
          || !sizesByHousehold.keySet().equals(a.sizesByHousehold.keySet())) {
        return false;
      }
      for (Map.Entry<String, long[]> e : sizesByHousehold.entrySet()) {
        if (!sameSizes(e.getValue(), a.sizesByHousehold.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return sizesByHousehold.size() * 31 + Long.hashCode(payments);
    }

    /** No household ids: they are pseudonyms, kept out of logs. */
    @Override
    public String toString() {
      return "Acc[" + sizesByHousehold.size() + " households, " + payments + " payments, " + amount + "]";
    }
  }

  /** A size and its number of payments, packed: size in the high half, count (signed) in the low. */
  static long entry(int size, int count) {
    return ((long) size << 32) | (count & 0xFFFFFFFFL);
  }

  static int size(long entry) {
    return (int) (entry >> 32);
  }

  static int count(long entry) {
    return (int) entry;
  }

  /** {@code sizes} with {@code count} more payments of {@code size}; may be {@code sizes} itself, changed. */
  private static long[] plus(long[] sizes, int size, int count) {
    for (int i = 0; i < sizes.length; i++) {
      if (size(sizes[i]) == size) {
        sizes[i] = entry(size, count(sizes[i]) + count);
        return sizes;
      }
    }
    long[] more = Arrays.copyOf(sizes, sizes.length + 1);
    more[sizes.length] = entry(size, count);
    return more;
  }

  private static boolean sameSizes(long[] a, long[] b) {
    long[] x = a.clone();
    long[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    return Arrays.equals(x, y);
  }

  /** A copy of {@code acc} that can be added to without changing {@code acc}. */
  public static Acc copy(Acc acc) {
    Acc c = new Acc();
    acc.sizesByHousehold.forEach((h, s) -> c.sizesByHousehold.put(h, s.clone()));
    c.payments = acc.payments;
    c.amount = acc.amount;
    c.gapReasonAmount = acc.gapReasonAmount;
    return c;
  }

  /** Adds one payment to the totals. */
  public static Acc add(Acc acc, Payment p) {
    return change(acc, p, 1);
  }

  /** Takes one payment, added to these or other partial totals, out again. */
  public static Acc remove(Acc acc, Payment p) {
    return change(acc, p, -1);
  }

  private static Acc change(Acc acc, Payment p, int sign) {
    int size = p.adults + p.children;
    long[] sizes = acc.sizesByHousehold.get(p.householdId);
    if (sizes == null) {
      acc.sizesByHousehold.put(p.householdId, new long[] {entry(size, sign)});
    } else {
      long[] after = plus(sizes, size, sign);
      if (after != sizes) {
        acc.sizesByHousehold.put(p.householdId, after);
      }
    }
    acc.payments += sign;
    BigDecimal amount = sign > 0 ? p.amountSek : p.amountSek.negate();
    acc.amount = acc.amount.add(amount);
    if (p.reason.isGapReason()) {
      acc.gapReasonAmount = acc.gapReasonAmount.add(amount);
    }
    return acc;
  }

  /** Adds partial totals {@code a} into {@code into}; {@code a} is not changed. */
  public static Acc merge(Acc into, Acc a) {
    a.sizesByHousehold.forEach((h, s) -> {
      long[] mine = into.sizesByHousehold.get(h);
      if (mine == null) {
        into.sizesByHousehold.put(h, s.clone());
      } else {
        long[] after = mine;
        for (long e : s) {
          after = plus(after, size(e), count(e));
        }
        if (after != mine) {
          into.sizesByHousehold.put(h, after);
        }
      }
    });
    into.payments += a.payments;
    into.amount = into.amount.add(a.amount);
    into.gapReasonAmount = into.gapReasonAmount.add(a.gapReasonAmount);
    return into;
  }

  /** Whether complete totals hold no payment: every payment added was taken out again. */
  public static boolean isEmpty(Acc acc) {
    return acc.payments == 0;
  }

  /**
   * The published totals of complete partial totals: a household counts once, at the largest
   * size among its payments that were not taken out.
   *
   * @throws IllegalStateException when a payment was taken out that was never added
   */
  public static IncomeSupportTotals totals(Acc acc) {
    IncomeSupportTotals t = new IncomeSupportTotals();
    for (long[] sizes : acc.sizesByHousehold.values()) {
      int largest = -1;
      for (long e : sizes) {
        if (count(e) < 0) {
          throw new IllegalStateException("a payment was taken out of the income-support totals that was"
              + " never added (an input file changed while the batch was reading it?)");
        }
        if (count(e) > 0) {
          largest = Math.max(largest, size(e));
        }
      }
      if (largest >= 0) {
        t.households++;
        t.persons += largest;
      }
    }
    if (acc.payments < 0) {
      throw new IllegalStateException("more payments taken out of the income-support totals than added");
    }
    t.payments = acc.payments;
    t.amount = acc.amount;
    t.gapReasonAmount = acc.gapReasonAmount;
    return t;
  }

  /** Coder for partial totals. */
  static final class AccCoder extends AtomicCoder<Acc> {
    private static final long serialVersionUID = 1L;
    private static final VarIntCoder I = VarIntCoder.of();
    private static final VarLongCoder L = VarLongCoder.of();
    private static final DecimalCoder D = DecimalCoder.of();

    @Override
    public void encode(Acc a, OutputStream out) throws IOException {
      I.encode(a.sizesByHousehold.size(), out);
      for (Map.Entry<String, long[]> e : a.sizesByHousehold.entrySet()) {
        RecordCoders.pseudonym(e.getKey(), out); // household ids are lower-case hex: packed
        long[] sizes = e.getValue();
        I.encode(sizes.length, out);
        for (long s : sizes) {
          I.encode(size(s), out);
          I.encode(count(s), out);
        }
      }
      L.encode(a.payments, out);
      D.encode(a.amount, out);
      D.encode(a.gapReasonAmount, out);
    }

    @Override
    public Acc decode(InputStream in) throws IOException {
      Acc a = new Acc();
      int n = I.decode(in);
      for (int i = 0; i < n; i++) {
        String h = RecordCoders.pseudonym(in);
        long[] sizes = new long[I.decode(in)];
        for (int j = 0; j < sizes.length; j++) {
          sizes[j] = entry(I.decode(in), I.decode(in));
        }
        a.sizesByHousehold.put(h, sizes);
      }
      a.payments = L.decode(in);
      a.amount = D.decode(in);
      a.gapReasonAmount = D.decode(in);
      return a;
    }
  }
}
