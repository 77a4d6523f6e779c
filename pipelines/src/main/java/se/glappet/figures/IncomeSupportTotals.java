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
