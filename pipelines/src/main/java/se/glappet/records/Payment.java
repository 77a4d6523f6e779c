package se.glappet.records;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One accepted row of {@code income-support}: a payment of income support (negative = correction). */
@org.apache.beam.sdk.coders.DefaultCoder(RecordCoders.PaymentCoder.class)
public final class Payment implements Serializable {
  private static final long serialVersionUID = 1L;

  public final String municipalityCode;
  public final String paymentId;
  public final String householdId;
  public final String personId;
  public final LocalDate paymentDate;
  public final LocalDate coversFrom;
  /** Last day covered, inclusive. */
  public final LocalDate coversTo;
  public final BigDecimal amountSek;
  public final ReasonCode reason;
  public final int adults;
  public final int children;

  public Payment(
      String municipalityCode,
      String paymentId,
      String householdId,
      String personId,
      LocalDate paymentDate,
      LocalDate coversFrom,
      LocalDate coversTo,
      BigDecimal amountSek,
      ReasonCode reason,
      int adults,
      int children) {
    this.municipalityCode = Objects.requireNonNull(municipalityCode);
    this.paymentId = Objects.requireNonNull(paymentId);
    this.householdId = Objects.requireNonNull(householdId);
    this.personId = Objects.requireNonNull(personId);
    this.paymentDate = Objects.requireNonNull(paymentDate);
    this.coversFrom = Objects.requireNonNull(coversFrom);
    this.coversTo = Objects.requireNonNull(coversTo);
    this.amountSek = Objects.requireNonNull(amountSek);
    this.reason = Objects.requireNonNull(reason);
    this.adults = adults;
    this.children = children;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Payment)) {
      return false;
    }
    Payment p = (Payment) o;
    return municipalityCode.equals(p.municipalityCode)
        && paymentId.equals(p.paymentId)
        && householdId.equals(p.householdId)
        && personId.equals(p.personId)
        && paymentDate.equals(p.paymentDate)
        && coversFrom.equals(p.coversFrom)
        && coversTo.equals(p.coversTo)
        && amountSek.compareTo(p.amountSek) == 0
        && reason == p.reason
        && adults == p.adults
        && children == p.children;
  }

  @Override
  public int hashCode() {
    return Objects.hash(municipalityCode, paymentId);
  }

  @Override
  public String toString() {
    return "Payment[" + municipalityCode + "/" + paymentId + " " + paymentDate + " " + coversFrom + ".."
        + coversTo + " " + amountSek + " " + reason + "]";
  }
}
