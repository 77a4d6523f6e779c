package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * What the duplicate check (contract section 2.7) needs of one row that passed the per-row checks:
 * a 128-bit digest of its dataset and key (equal digests ⇔ same key), where it is (file number in
 * relative-path order, physical line), a 128-bit digest of its canonical values (equal digests ⇔
 * identical rows), and the two facts the batch takes from accepted rows: the municipality and, for
 * a payment, the month of {@code payment_date}. About 50 bytes, against the row's 300: this is
 * what travels through the duplicate check's shuffle, keyed by {@link #keyHigh} (eight bytes sort
 * fast); rows that share it are told apart by {@link #keyLow}.
 *
 * <p>The digests are {@link Digest128}: well-mixed 128-bit hashes of non-adversarial text (two
 * different keys or rows share one with probability about 2<sup>-128</sup>), not for security.
 */
public final class RowFingerprint {
  /** {@link #paymentMonth} of a row that is not a payment. */
  public static final int NO_MONTH = -1;

  public final long keyHigh;
  public final long keyLow;
  public final int file;
  public final int line;
  final long digestHigh;
  final long digestLow;
  /** Empty for population rows (they do not put a municipality in the batch). */
  public final String municipality;
  /** {@code year × 12 + month − 1} of {@code payment_date}, or {@link #NO_MONTH}. */
  public final int paymentMonth;

  RowFingerprint(long keyHigh, long keyLow, int file, int line, long digestHigh, long digestLow,
      String municipality, int paymentMonth) {
    this.keyHigh = keyHigh;
    this.keyLow = keyLow;
    this.file = file;
    this.line = line;
    this.digestHigh = digestHigh;
    this.digestLow = digestLow;
    this.municipality = municipality;
    this.paymentMonth = paymentMonth;
  }

  /** The fingerprint of an accepted row of file number {@code file}. */
  public static RowFingerprint of(int file, ParsedRow row) {
    long[] k = row.keyDigest != null ? row.keyDigest : Digest128.of(row.dataset.ordinal() + "|" + row.key());
    long[] b = row.rowDigest != null ? row.rowDigest : Digest128.of(row.canonical());
    int month = NO_MONTH;
    String municipality;
    if (row.values != null) {
      // The typed values hold the same facts as the canonical text: no need to cut it up.
      municipality = row.dataset == Dataset.POPULATION ? ""
          : (String) row.values[row.dataset.municipalityIndex];
      if (row.dataset == Dataset.INCOME_SUPPORT) {
        java.time.LocalDate date = (java.time.LocalDate) row.values[PAYMENT_DATE];
        month = date.getYear() * 12 + date.getMonthValue() - 1;
      }
    } else {
      municipality = row.dataset == Dataset.POPULATION ? ""
          : CanonicalRows.municipality(row.dataset, row.canonical());
      if (row.dataset == Dataset.INCOME_SUPPORT) {
        String date = CanonicalRows.field(row.canonical(), PAYMENT_DATE);
        month = Integer.parseInt(date.substring(0, 4)) * 12 + Integer.parseInt(date.substring(5, 7)) - 1;
      }
    }
    return new RowFingerprint(k[0], k[1], file, row.line, b[0], b[1], municipality, month);
  }

  private static final int PAYMENT_DATE = Dataset.INCOME_SUPPORT.indexOf("payment_date");

  /** Same dataset and key (to the 128-bit digest). */
  public boolean sameKeyAs(RowFingerprint o) {
    return keyHigh == o.keyHigh && keyLow == o.keyLow;
  }

  /** Same canonical values (to the 128-bit digest). */
  public boolean sameValuesAs(RowFingerprint o) {
    return digestHigh == o.digestHigh && digestLow == o.digestLow;
  }

  /** (file, line) order: files are numbered in relative-path order. */
  public int compareOrigin(RowFingerprint o) {
    int c = Integer.compare(file, o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowFingerprint)) {
      return false;
    }
    RowFingerprint f = (RowFingerprint) o;
    return sameKeyAs(f) && file == f.file && line == f.line && sameValuesAs(f)
        && municipality.equals(f.municipality) && paymentMonth == f.paymentMonth;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(keyHigh) * 31 + file * 17 + line;
  }

  /** Appends this fingerprint as {@link FingerprintCoder} encodes it. */
  void writeTo(PackedBytes out) {
    out.writeLong(keyHigh);
    out.writeLong(keyLow);
    out.writeVarInt(file);
    out.writeVarInt(line);
    out.writeLong(digestHigh);
    out.writeLong(digestLow);
    out.writeString(municipality);
    out.writeVarInt(paymentMonth);
  }

  /** Reads the next fingerprint {@link #writeTo} (or {@link FingerprintCoder}) wrote. */
  static RowFingerprint readFrom(PackedBytes.Reader in) {
    long keyHigh = in.readLong();
    long keyLow = in.readLong();
    int file = in.readVarInt();
    int line = in.readVarInt();
    long digestHigh = in.readLong();
    long digestLow = in.readLong();
    String municipality = in.readString();
    return new RowFingerprint(keyHigh, keyLow, file, line, digestHigh, digestLow, municipality, in.readVarInt());
  }

  /** A compact coder. */
  public static final class FingerprintCoder extends AtomicCoder<RowFingerprint> {
    private static final long serialVersionUID = 1L;
    private static final VarIntCoder I = VarIntCoder.of();
    private static final BigEndianLongCoder L = BigEndianLongCoder.of();
    private static final StringUtf8Coder S = StringUtf8Coder.of();

    public static FingerprintCoder of() {
      return new FingerprintCoder();
    }

    @Override
    public void encode(RowFingerprint f, OutputStream out) throws IOException {
      L.encode(f.keyHigh, out);
      L.encode(f.keyLow, out);
      I.encode(f.file, out);
      I.encode(f.line, out);
      L.encode(f.digestHigh, out);
      L.encode(f.digestLow, out);
      S.encode(f.municipality, out);
      I.encode(f.paymentMonth, out);
    }

    @Override
    public RowFingerprint decode(InputStream in) throws IOException {
      return new RowFingerprint(L.decode(in), L.decode(in), I.decode(in), I.decode(in), L.decode(in), L.decode(in),
          S.decode(in), I.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
