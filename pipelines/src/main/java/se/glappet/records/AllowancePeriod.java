package se.glappet.records;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One accepted row of {@code allowances}: an LMA or establishment-allowance period of a person. */
@org.apache.beam.sdk.coders.DefaultCoder(RecordCoders.AllowanceCoder.class)
public final class AllowancePeriod implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The two allowance types of the contract. */
  public enum Type {
    LMA,
    ESTABLISHMENT
  }

  public final String personId;
  public final String municipalityCode;
  public final Type type;
  public final LocalDate fromDate;
  /** Null when the period is ongoing. */
  public final LocalDate toDate;
  /** Null when not paid yet (or, for LMA rows, unused). */
  public final LocalDate firstPaymentDate;
  public final BigDecimal dailyAmountSek;

  public AllowancePeriod(
      String personId,
      String municipalityCode,
      Type type,
      LocalDate fromDate,
      LocalDate toDate,
      LocalDate firstPaymentDate,
      BigDecimal dailyAmountSek) {
    this.personId = Objects.requireNonNull(personId);
    this.municipalityCode = Objects.requireNonNull(municipalityCode);
    this.type = Objects.requireNonNull(type);
    this.fromDate = Objects.requireNonNull(fromDate);
    this.toDate = toDate;
    this.firstPaymentDate = firstPaymentDate;
    this.dailyAmountSek = Objects.requireNonNull(dailyAmountSek);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AllowancePeriod)) {
      return false;
    }
    AllowancePeriod a = (AllowancePeriod) o;
    return personId.equals(a.personId)
        && municipalityCode.equals(a.municipalityCode)
        && type == a.type
        && fromDate.equals(a.fromDate)
        && Objects.equals(toDate, a.toDate)
        && Objects.equals(firstPaymentDate, a.firstPaymentDate)
        && dailyAmountSek.compareTo(a.dailyAmountSek) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(personId, type, fromDate);
  }

  @Override
  public String toString() {
    return type + "[" + municipalityCode + " " + fromDate + ".." + toDate + " paid " + firstPaymentDate
        + " " + dailyAmountSek + "/day]";
  }
}
