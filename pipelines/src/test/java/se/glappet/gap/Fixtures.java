package se.glappet.gap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.Payment;
import se.glappet.records.ReasonCode;

/** Small builders for the gap tests. Calendar notes: 2011-01-01 was a Saturday. */
final class Fixtures {
  static final String PERSON = "0123456789abcdef";
  static final String HOUSEHOLD = "fedcba9876543210";
  /** --to 2011-03, so obs_end = 2011-04-01. */
  static final LocalDate OBS_END = d("2011-04-01");

  private Fixtures() {}

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  static BigDecimal m(String s) {
    return new BigDecimal(s);
  }

  static AllowancePeriod lma(String from, String to, String municipality) {
    return new AllowancePeriod(
        PERSON, municipality, AllowancePeriod.Type.LMA, d(from), to == null ? null : d(to), null,
        m("71.00"));
  }

  static AllowancePeriod est(
      String from, String firstPayment, String daily, String municipality) {
    return new AllowancePeriod(
        PERSON,
        municipality,
        AllowancePeriod.Type.ESTABLISHMENT,
        d(from),
        null,
        firstPayment == null ? null : d(firstPayment),
        m(daily));
  }

  private static int seq;

  static Payment pay(
      String municipality, String paymentDate, String from, String to, String amount) {
    return new Payment(
        municipality,
        "P" + (++seq),
        HOUSEHOLD,
        PERSON,
        d(paymentDate),
        d(from),
        d(to),
        m(amount),
        ReasonCode.WAITING_PAYMENT,
        1,
        0);
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
