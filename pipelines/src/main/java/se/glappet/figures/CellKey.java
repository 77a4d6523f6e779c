package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import se.glappet.records.ReasonCode;

/**
 * The key of a figure's cell: a month and a municipality, and where the cell is finer, a reason
 * and a person (a pseudonym, never an identity number). The month is absent only for a person's
 * support in the recoverable window, which is placed in a month later (in the month the gap
 * closed).
 */
public final class CellKey implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Null only for the recoverable-window parts. */
  public final YearMonth period;
  public final String municipality;
  /** Null when the cell is not per reason. */
  public final ReasonCode reason;
  /** Null when the cell is not per person. */
  public final String person;

  private CellKey(YearMonth period, String municipality, ReasonCode reason, String person) {
    this.period = period;
    this.municipality = Objects.requireNonNull(municipality);
    this.reason = reason;
    this.person = person;
  }

  /** A municipality-month. */
  public static CellKey of(YearMonth period, String municipality) {
    return new CellKey(Objects.requireNonNull(period), municipality, null, null);
  }

  /** A municipality-month and reason. */
  public static CellKey of(YearMonth period, String municipality, ReasonCode reason) {
    return new CellKey(Objects.requireNonNull(period), municipality, Objects.requireNonNull(reason), null);
  }

  /** This key for one person. */
  public CellKey withPerson(String person) {
    return new CellKey(period, municipality, reason, Objects.requireNonNull(person));
  }

  /** A person's support paid by one municipality, in no month. */
  public static CellKey personAndPayer(String person, String municipality) {
    return new CellKey(null, municipality, null, Objects.requireNonNull(person));
  }

  /** This key summed over persons. */
  public CellKey withoutPerson() {
    return person == null ? this : new CellKey(period, municipality, reason, null);
  }

  /** The municipality-month of this key. */
  public CellKey municipalityMonth() {
    return reason == null && person == null ? this : of(period, municipality);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CellKey)) {
      return false;
    }
    CellKey k = (CellKey) o;
    return Objects.equals(period, k.period) && municipality.equals(k.municipality) && reason == k.reason
        && Objects.equals(person, k.person);
  }

  @Override
  public int hashCode() {
    return Objects.hash(period, municipality, reason, person);
  }

  /** The month, municipality and reason (no person: keys are logged in tests and errors). */
  @Override
  public String toString() {
    return (period == null ? "-" : period.toString()) + " " + municipality + (reason == null ? "" : " " + reason)
        + (person == null ? "" : " (person)");
  }

  /**
   * A presence byte (1 month, 2 reason, 4 person), the month as a var-int month index, the
   * municipality, the reason's ordinal and the person. Deterministic: cells are grouped by it.
   */
  public static final class CellKeyCoder extends AtomicCoder<CellKey> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();

    public static CellKeyCoder of() {
      return new CellKeyCoder();
    }

    @Override
    public void encode(CellKey k, OutputStream out) throws IOException {
      out.write((k.period != null ? 1 : 0) | (k.reason != null ? 2 : 0) | (k.person != null ? 4 : 0));
      if (k.period != null) {
        INT.encode(k.period.getYear() * 12 + k.period.getMonthValue() - 1, out);
      }
      TEXT.encode(k.municipality, out);
      if (k.reason != null) {
        out.write(k.reason.ordinal());
      }
      if (k.person != null) {
        TEXT.encode(k.person, out);
      }
    }

    @Override
    public CellKey decode(InputStream in) throws IOException {
      int present = in.read();
      YearMonth period = null;
      if ((present & 1) != 0) {
        int month = INT.decode(in);
        period = YearMonth.of(month / 12, month % 12 + 1);
      }
      String municipality = TEXT.decode(in);
      ReasonCode reason = (present & 2) != 0 ? ReasonCode.values()[in.read()] : null;
      String person = (present & 4) != 0 ? TEXT.decode(in) : null;
      return new CellKey(period, municipality, reason, person);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
