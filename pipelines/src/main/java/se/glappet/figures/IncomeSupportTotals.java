package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The income-support totals of one municipality and month (or municipality, month and reason):
 * households, persons, payments, amount and the gap-reason amount, exact.
 */
@DefaultCoder(IncomeSupportTotals.TotalsCoder.class)
public final class IncomeSupportTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  public long households;
  public long persons;
  public long payments;
  public BigDecimal amount = BigDecimal.ZERO;
  public BigDecimal gapReasonAmount = BigDecimal.ZERO;

  /** Same counts and amounts (amounts compared by value, as {@link se.glappet.records.Payment} does). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IncomeSupportTotals)) {
      return false;
    }
    IncomeSupportTotals t = (IncomeSupportTotals) o;
    return households == t.households && persons == t.persons && payments == t.payments
        && amount.compareTo(t.amount) == 0 && gapReasonAmount.compareTo(t.gapReasonAmount) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(households, persons, payments);
  }

  @Override
  public String toString() {
    return "IncomeSupportTotals[households " + households + " persons " + persons + " payments " + payments
        + " amount " + amount + " gap-reason amount " + gapReasonAmount + "]";
  }

  /** A compact coder: partial totals cross the shuffle once per household and month. */
  public static final class TotalsCoder extends AtomicCoder<IncomeSupportTotals> {
    private static final long serialVersionUID = 1L;
    private static final VarLongCoder L = VarLongCoder.of();
    private static final se.glappet.records.DecimalCoder D = se.glappet.records.DecimalCoder.of();

    public static TotalsCoder of() {
      return new TotalsCoder();
    }

    @Override
    public void encode(IncomeSupportTotals t, OutputStream out) throws IOException {
      L.encode(t.households, out);
      L.encode(t.persons, out);
      L.encode(t.payments, out);
      D.encode(t.amount, out);
      D.encode(t.gapReasonAmount, out);
    }

    @Override
    public IncomeSupportTotals decode(InputStream in) throws IOException {
      IncomeSupportTotals t = new IncomeSupportTotals();
      t.households = L.decode(in);
      t.persons = L.decode(in);
      t.payments = L.decode(in);
      t.amount = D.decode(in);
      t.gapReasonAmount = D.decode(in);
      return t;
    }
  }
}
