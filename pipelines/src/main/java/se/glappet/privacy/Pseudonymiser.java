package se.glappet.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a personal identity number into the contract's pseudonym: HMAC-SHA-256 under the
 * municipality's secret key over the 12-digit normalised number, as lower-case hex. The same person
 * gives the same pseudonym whichever way the number was written.
 */
public final class Pseudonymiser {
  private final Mac mac;
  private final LocalDate today;

  /** {@code key}: the municipality's secret, at least 16 bytes; {@code today} fixes the century rule. */
  public Pseudonymiser(byte[] key, LocalDate today) {
    if (key == null || key.length < 16) {
      throw new IllegalArgumentException("the key must be at least 16 bytes");
    }
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
    this.today = today;
  }

  /**
   * The 12-digit form {@code YYYYMMDDNNNC} of a valid identity or co-ordination number, or null when
   * the value is not one. A 10-digit number gets the century that makes the person younger than
   * 100 years ({@code -} or no separator) or at least 100 years old ({@code +}), counted from
   * {@code today}.
   */
  public static String normalise(String value, LocalDate today) {
    if (!IdentityNumbers.isIdentityNumber(value)) {
      return null;
    }
    String v = value.trim();
    boolean plus = v.indexOf('+') >= 0;
    String digits = v.replace("-", "").replace("+", "");
    if (digits.length() == 12) {
      return digits;
    }
    int yy = Integer.parseInt(digits.substring(0, 2));
    int year = today.getYear() - (today.getYear() % 100) + yy;
    int month = Integer.parseInt(digits.substring(2, 4));
    int day = Integer.parseInt(digits.substring(4, 6));
    if (day > 60) {
      day -= 60;
    }
    if (year > today.getYear() || (year == today.getYear()
        && (month > today.getMonthValue() || (month == today.getMonthValue() && day > today.getDayOfMonth())))) {
      year -= 100;
    }
    if (plus) {
      year -= 100;
    }
    return String.format("%04d", year) + digits.substring(2);
  }

  /** The pseudonym of a valid number, or null when the value is not a valid number. */
  public synchronized String pseudonym(String value) {
    String twelve = normalise(value, today);
    if (twelve == null) {
      return null;
    }
    return HexFormat.of().formatHex(mac.doFinal(twelve.getBytes(StandardCharsets.US_ASCII)));
  }
}
