package se.glappet.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Compact Beam coders for the input records. Java serialization (Beam's fallback for
 * {@code Serializable} classes) writes class descriptors with every element and dominated the
 * profile; these write just the fields.
 */
public final class RecordCoders {
  private RecordCoders() {}

  static final StringUtf8Coder S = StringUtf8Coder.of();
  static final VarIntCoder I = VarIntCoder.of();
  static final VarLongCoder L = VarLongCoder.of();
  static final DecimalCoder D = se.glappet.records.DecimalCoder.of();

  /**
   * A pseudonym (16–64 lower-case hexadecimal characters, as validated on input) packed two
   * characters to a byte: half the bytes of UTF-8 and no character decoding.
   */
  public static void pseudonym(String hex, OutputStream out) throws IOException {
    int n = hex.length();
    I.encode(n, out);
    byte[] packed = new byte[(n + 1) / 2];
    for (int i = 0; i < n; i += 2) {
      int hi = Hex.lowerNibble(hex.charAt(i));
      int lo = i + 1 < n ? Hex.lowerNibble(hex.charAt(i + 1)) : 0;
      if ((hi | lo) < 0) {
        throw new IOException("not a pseudonym");
      }
      packed[i / 2] = (byte) ((hi << 4) | lo);
    }
    out.write(packed); // one write: runners' streams are slow per byte
  }

  public static String pseudonym(InputStream in) throws IOException {
    int n = I.decode(in);
    byte[] packed = new byte[(n + 1) / 2];
    int read = 0;
    while (read < packed.length) {
      int r = in.read(packed, read, packed.length - read);
      if (r < 0) {
        throw new java.io.EOFException("a pseudonym cut short");
      }
      read += r;
    }
    byte[] c = new byte[n];
    for (int i = 0; i < n; i += 2) {
      int b = packed[i / 2] & 0xFF;
      c[i] = (byte) Hex.digit(b >> 4);
      if (i + 1 < n) {
        c[i + 1] = (byte) Hex.digit(b & 15);
      }
    }
    return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** A date as its epoch day. */
  public static void date(LocalDate d, OutputStream out) throws IOException {
    L.encode(d.toEpochDay(), out);
  }

  public static LocalDate date(InputStream in) throws IOException {
    return LocalDate.ofEpochDay(L.decode(in));
  }

  /** A nullable date: a flag byte (0 for null, 1 otherwise), then the date. */
  public static void nullableDate(LocalDate d, OutputStream out) throws IOException {
    out.write(d == null ? 0 : 1);
    if (d != null) {
      date(d, out);
    }
  }

  public static LocalDate nullableDate(InputStream in) throws IOException {
    int flag = in.read();
    if (flag < 0) {
      throw new java.io.EOFException();
    }
    return flag == 0 ? null : date(in);
  }

  /** A month as {@code year × 12 + month − 1}: deterministic, so months can be keys. */
  public static final class YearMonthCoder extends AtomicCoder<YearMonth> {
    private static final long serialVersionUID = 1L;

    public static YearMonthCoder of() {
      return new YearMonthCoder();
    }

    @Override
    public void encode(YearMonth m, OutputStream out) throws IOException {
      VarIntCoder.of().encode(m.getYear() * 12 + m.getMonthValue() - 1, out);
    }

    @Override
    public YearMonth decode(InputStream in) throws IOException {
      int m = VarIntCoder.of().decode(in);
      return YearMonth.of(m / 12, m % 12 + 1);
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Coder for {@link Payment}. */
  public static final class PaymentCoder extends AtomicCoder<Payment> {
    private static final long serialVersionUID = 1L;

    public static PaymentCoder of() {
      return new PaymentCoder();
    }

    @Override
    public void encode(Payment p, OutputStream out) throws IOException {
      S.encode(p.municipalityCode, out);
      S.encode(p.paymentId, out);
      pseudonym(p.householdId, out);
      pseudonym(p.personId, out);
      date(p.paymentDate, out);
      date(p.coversFrom, out);
      date(p.coversTo, out);
      D.encode(p.amountSek, out);
      I.encode(p.reason.ordinal(), out);
      I.encode(p.adults, out);
      I.encode(p.children, out);
    }

    @Override
    public Payment decode(InputStream in) throws IOException {
      return new Payment(S.decode(in), S.decode(in), pseudonym(in), pseudonym(in), date(in), date(in), date(in),
          D.decode(in), ReasonCode.values()[I.decode(in)], I.decode(in), I.decode(in));
    }
  }

  /** Coder for {@link AllowancePeriod}. */
  public static final class AllowanceCoder extends AtomicCoder<AllowancePeriod> {
    private static final long serialVersionUID = 1L;

    public static AllowanceCoder of() {
      return new AllowanceCoder();
    }

    @Override
    public void encode(AllowancePeriod a, OutputStream out) throws IOException {
      pseudonym(a.personId, out);
      S.encode(a.municipalityCode, out);
      I.encode(a.type.ordinal(), out);
      date(a.fromDate, out);
      nullableDate(a.toDate, out);
      nullableDate(a.firstPaymentDate, out);
      D.encode(a.dailyAmountSek, out);
    }

    @Override
    public AllowancePeriod decode(InputStream in) throws IOException {
      return new AllowancePeriod(pseudonym(in), S.decode(in), AllowancePeriod.Type.values()[I.decode(in)], date(in),
          nullableDate(in), nullableDate(in), D.decode(in));
    }
  }

  /** Coder for {@link KisRow}. */
  public static final class KisCoder extends AtomicCoder<KisRow> {
    private static final long serialVersionUID = 1L;

    public static KisCoder of() {
      return new KisCoder();
    }

    @Override
    public void encode(KisRow k, OutputStream out) throws IOException {
      S.encode(k.municipalityCode, out);
      S.encode(k.period.toString(), out);
      I.encode(k.receptionType.ordinal(), out);
      L.encode(k.newcomersReceived, out);
      L.encode(k.withPlan, out);
      L.encode(k.awaitingPlan, out);
      L.encode(k.inSfi == null ? -1L : k.inSfi, out);
    }

    @Override
    public KisRow decode(InputStream in) throws IOException {
      String muni = S.decode(in);
      YearMonth period = YearMonth.parse(S.decode(in));
      KisRow.ReceptionType type = KisRow.ReceptionType.values()[I.decode(in)];
      long received = L.decode(in);
      long withPlan = L.decode(in);
      long awaiting = L.decode(in);
      long sfi = L.decode(in);
      return new KisRow(muni, period, type, received, withPlan, awaiting, sfi < 0 ? null : sfi);
    }
  }

  /** Coder for {@link PopulationRow}. */
  public static final class PopulationCoder extends AtomicCoder<PopulationRow> {
    private static final long serialVersionUID = 1L;

    public static PopulationCoder of() {
      return new PopulationCoder();
    }

    @Override
    public void encode(PopulationRow p, OutputStream out) throws IOException {
      S.encode(p.municipalityCode, out);
      I.encode(p.year, out);
      L.encode(p.population, out);
    }

    @Override
    public PopulationRow decode(InputStream in) throws IOException {
      return new PopulationRow(S.decode(in), I.decode(in), L.decode(in));
    }
  }
}
