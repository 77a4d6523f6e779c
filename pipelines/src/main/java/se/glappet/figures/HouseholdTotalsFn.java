package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import se.glappet.records.Payment;

/**
 * Combines the payments of one municipality-month (or municipality-month-reason) into its totals
 * (contract section 4.3): distinct households, persons as the sum over households of the largest
 * adults + children seen, payments, amount and gap-reason amount. The accumulator keeps one entry
 * per household, so partial aggregation happens before the shuffle and the households are counted
 * in one stage.
 */
public final class HouseholdTotalsFn extends Combine.CombineFn<Payment, HouseholdTotalsFn.Acc, IncomeSupportTotals> {
  private static final long serialVersionUID = 1L;

  /** Households seen (with their largest size) and running sums. */
  public static final class Acc {
    final Map<String, Integer> personsByHousehold = new HashMap<>();
    long payments;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal gapReasonAmount = BigDecimal.ZERO;
  }

  @Override
  public Acc createAccumulator() {
    return new Acc();
  }

  @Override
  public Acc addInput(Acc acc, Payment p) {
    return add(acc, p);
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

  @Override
  public Acc mergeAccumulators(Iterable<Acc> accs) {
    Acc out = new Acc();
    for (Acc a : accs) {
      merge(out, a);
    }
    return out;
  }

  /** Adds partial totals {@code a} into {@code into}: a household counts once, at its largest size. */
  static Acc merge(Acc into, Acc a) {
    a.personsByHousehold.forEach((h, n) -> into.personsByHousehold.merge(h, n, Math::max));
    into.payments += a.payments;
    into.amount = into.amount.add(a.amount);
    into.gapReasonAmount = into.gapReasonAmount.add(a.gapReasonAmount);
    return into;
  }

  @Override
  public IncomeSupportTotals extractOutput(Acc acc) {
    return totals(acc);
  }

  static IncomeSupportTotals totals(Acc acc) {
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

  @Override
  public Coder<Acc> getAccumulatorCoder(CoderRegistry registry, Coder<Payment> inputCoder) {
    return new AccCoder();
  }

  @Override
  public Coder<IncomeSupportTotals> getDefaultOutputCoder(CoderRegistry registry, Coder<Payment> inputCoder) {
    return IncomeSupportTotals.TotalsCoder.of();
  }

  /**
   * Combines partial totals (made per bundle by {@link ComputeIncomeSupportFigures}) into the
   * totals: the same arithmetic as the payment combiner, one step later.
   */
  public static final class MergePartials extends Combine.CombineFn<Acc, Acc, IncomeSupportTotals> {
    private static final long serialVersionUID = 1L;

    @Override
    public Acc createAccumulator() {
      return new Acc();
    }

    @Override
    public Acc addInput(Acc acc, Acc partial) {
      return merge(acc, partial);
    }

    @Override
    public Acc mergeAccumulators(Iterable<Acc> accs) {
      Acc out = new Acc();
      for (Acc a : accs) {
        merge(out, a);
      }
      return out;
    }

    @Override
    public IncomeSupportTotals extractOutput(Acc acc) {
      return totals(acc);
    }

    @Override
    public Coder<Acc> getAccumulatorCoder(CoderRegistry registry, Coder<Acc> inputCoder) {
      return new AccCoder();
    }

    @Override
    public Coder<IncomeSupportTotals> getDefaultOutputCoder(CoderRegistry registry, Coder<Acc> inputCoder) {
      return IncomeSupportTotals.TotalsCoder.of();
    }
  }

  /** Coder for the accumulator. */
  static final class AccCoder extends AtomicCoder<Acc> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder S = StringUtf8Coder.of();
    private static final VarIntCoder I = VarIntCoder.of();
    private static final VarLongCoder L = VarLongCoder.of();
    private static final se.glappet.records.DecimalCoder D = se.glappet.records.DecimalCoder.of();

    @Override
    public void encode(Acc a, OutputStream out) throws IOException {
      I.encode(a.personsByHousehold.size(), out);
      for (Map.Entry<String, Integer> e : a.personsByHousehold.entrySet()) {
        S.encode(e.getKey(), out);
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
        a.personsByHousehold.put(S.decode(in), I.decode(in));
      }
      a.payments = L.decode(in);
      a.amount = D.decode(in);
      a.gapReasonAmount = D.decode(in);
      return a;
    }
  }
}
