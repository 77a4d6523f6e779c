package se.glappet.gap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import se.glappet.records.RecordCoders;

/** A compact Beam coder for {@link PersonGap} (the windows travel to every worker as a side input). */
public final class PersonGapCoder extends AtomicCoder<PersonGap> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder S = StringUtf8Coder.of();
  private static final VarIntCoder I = VarIntCoder.of();
  private static final NullableCoder<BigDecimal> D = NullableCoder.of(se.glappet.records.DecimalCoder.of());

  public static PersonGapCoder of() {
    return new PersonGapCoder();
  }

  @Override
  public void encode(PersonGap g, OutputStream out) throws IOException {
    S.encode(g.personId(), out);
    S.encode(g.homeMunicipality(), out);
    RecordCoders.date(g.gapStart(), out);
    RecordCoders.date(g.gapEnd(), out);
    RecordCoders.nullableDate(g.entitlementStart(), out);
    RecordCoders.nullableDate(g.firstPayment(), out);
    I.encode(g.cashGapDays(), out);
    I.encode(g.entitlementGapDays(), out);
    D.encode(g.retroDailyAmount(), out);
  }

  @Override
  public PersonGap decode(InputStream in) throws IOException {
    return new PersonGap(S.decode(in), S.decode(in), RecordCoders.date(in), RecordCoders.date(in),
        RecordCoders.nullableDate(in), RecordCoders.nullableDate(in), I.decode(in), I.decode(in), D.decode(in));
  }
}
