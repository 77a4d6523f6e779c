package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import se.glappet.records.Payment;
import se.glappet.records.RecordCoders;

/**
 * An accepted payment to a person with allowance rows, where it was read (file number, line):
 * the few payments (about 3 % of a national year) that may be gap support, set aside by the
 * payments' single reading until the person gaps and the duplicates are known.
 */
public final class CandidatePayment {
  public final int file;
  public final int line;
  public final Payment payment;

  public CandidatePayment(int file, int line, Payment payment) {
    this.file = file;
    this.line = line;
    this.payment = payment;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CandidatePayment)) {
      return false;
    }
    CandidatePayment c = (CandidatePayment) o;
    return file == c.file && line == c.line && payment.equals(c.payment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line);
  }

  @Override
  public String toString() {
    return "CandidatePayment[file " + file + " line " + line + "]";
  }

  /** File number, line, then the payment's own coder. */
  public static final class CandidateCoder extends AtomicCoder<CandidatePayment> {
    private static final long serialVersionUID = 1L;
    private static final VarIntCoder I = VarIntCoder.of();
    private static final RecordCoders.PaymentCoder P = RecordCoders.PaymentCoder.of();

    public static CandidateCoder of() {
      return new CandidateCoder();
    }

    @Override
    public void encode(CandidatePayment c, OutputStream out) throws IOException {
      I.encode(c.file, out);
      I.encode(c.line, out);
      P.encode(c.payment, out);
    }

    @Override
    public CandidatePayment decode(InputStream in) throws IOException {
      return new CandidatePayment(I.decode(in), I.decode(in), P.decode(in));
    }
  }
}
