package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
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
 * adults + children seen, payments, amount and gap-reason amount. Partial totals keep one entry
 * per household, so they can be made anywhere and added later.
 */
public final class HouseholdTotals {
  private HouseholdTotals() {}

  /** Households seen (with their largest size) and running sums. */
  public static final class Acc {
    final Map<String, Integer> personsByHousehold = new HashMap<>(64);
    long payments;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal gapReasonAmount = BigDecimal.ZERO;

    /** Same households and sums (amounts compared by value). */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Acc)) {
        return false;
      }
      Acc a = (Acc) o;
      return personsByHousehold.equals(a.personsByHousehold) && payments == a.payments
          && amount.compareTo(a.amount) == 0 && gapReasonAmount.compareTo(a.gapReasonAmount) == 0;
    }

    @Override
    public int hashCode() {
      return personsByHousehold.size() * 31 + Long.hashCode(payments);
    }

    /** No household ids: they are pseudonyms, kept out of logs. */
    @Override
    public String toString() {
      return "Acc[" + personsByHousehold.size() + " households, " + payments + " payments, " + amount + "]";
    }
  }

  /** A copy of {@code acc} that can be added to without changing {@code acc}. */
  public static Acc copy(Acc acc) {
    Acc c = new Acc();
    c.personsByHousehold.putAll(acc.personsByHousehold);
    c.payments = acc.payments;
    c.amount = acc.amount;
    c.gapReasonAmount = acc.gapReasonAmount;
    return c;
  }

  /** Adds one payment to the totals. */
  public static Acc add(Acc acc, Payment p) {
    acc.personsByHousehold.merge(p.householdId, p.adults + p.children, Math::max);
    acc.payments++;
    acc.amount = acc.amount.add(p.amountSek);
    if (p.reason.isGapReason()) {
      acc.gapReasonAmount = acc.gapReasonAmount.add(p.amountSek);
    }
    return acc;
  }

  /** Adds partial totals {@code a} into {@code into}: a household counts once, at its largest size. */
  public static Acc merge(Acc into, Acc a) {
    a.personsByHousehold.forEach((h, n) -> into.personsByHousehold.merge(h, n, Math::max));
    into.payments += a.payments;
    into.amount = into.amount.add(a.amount);
    into.gapReasonAmount = into.gapReasonAmount.add(a.gapReasonAmount);
    return into;
  }

  /** The published totals of complete partial totals. */
  public static IncomeSupportTotals totals(Acc acc) {
    IncomeSupportTotals t = new IncomeSupportTotals();
    t.households = acc.personsByHousehold.size();
    for (int n : acc.personsByHousehold.values()) {
      t.persons += n;
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
      I.encode(a.personsByHousehold.size(), out);
      for (Map.Entry<String, Integer> e : a.personsByHousehold.entrySet()) {
        RecordCoders.pseudonym(e.getKey(), out); // household ids are lower-case hex: packed
        I.encode(e.getValue(), out);
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
        a.personsByHousehold.put(RecordCoders.pseudonym(in), I.decode(in));
      }
      a.payments = L.decode(in);
      a.amount = D.decode(in);
      a.gapReasonAmount = D.decode(in);
      return a;
    }
  }
}
