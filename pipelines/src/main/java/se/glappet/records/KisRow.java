package se.glappet.records;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.Objects;

/** One accepted row of {@code kis}: aggregate introduction counts per municipality, month and reception type. */
@org.apache.beam.sdk.coders.DefaultCoder(RecordCoders.KisCoder.class)
public final class KisRow implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The reception types of the contract. */
  public enum ReceptionType {
    ASSIGNED,
    OWN_HOUSING,
    QUOTA,
    FAMILY
  }

  public final String municipalityCode;
  public final YearMonth period;
  public final ReceptionType receptionType;
  public final long newcomersReceived;
  public final long withPlan;
  public final long awaitingPlan;
  /** Null when not reported. */
  public final Long inSfi;

  public KisRow(String municipalityCode, YearMonth period, ReceptionType receptionType,
      long newcomersReceived, long withPlan, long awaitingPlan, Long inSfi) {
    this.municipalityCode = municipalityCode;
    this.period = period;
    this.receptionType = receptionType;
    this.newcomersReceived = newcomersReceived;
    this.withPlan = withPlan;
    this.awaitingPlan = awaitingPlan;
    this.inSfi = inSfi;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KisRow)) {
      return false;
    }
    KisRow k = (KisRow) o;
    return municipalityCode.equals(k.municipalityCode) && period.equals(k.period) && receptionType == k.receptionType
        && newcomersReceived == k.newcomersReceived && withPlan == k.withPlan && awaitingPlan == k.awaitingPlan
        && Objects.equals(inSfi, k.inSfi);
  }

  @Override
  public int hashCode() {
    return Objects.hash(municipalityCode, period, receptionType);
  }

  @Override
  public String toString() {
    return "KisRow[" + municipalityCode + " " + period + " " + receptionType + " received " + newcomersReceived
        + " plan " + withPlan + " awaiting " + awaitingPlan + " sfi " + inSfi + "]";
  }
}
