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

  /** Fewest bytes of a key that are not blanks. */
  public static final int MIN_KEY_BYTES = 16;
  /** Fewest different byte values in a key. */
  public static final int MIN_DISTINCT_KEY_BYTES = 8;

  /**
   * {@code key}: the municipality's secret, at least {@link #MIN_KEY_BYTES} bytes that are not
   * spaces, tabs or line breaks, and at least {@link #MIN_DISTINCT_KEY_BYTES} different bytes (so
   * neither 16 spaces nor one character repeated); {@code today} fixes the century rule.
   */
  public Pseudonymiser(byte[] key, LocalDate today) {
    checkKey(key);
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
    this.today = today;
  }

  /** Throws IllegalArgumentException, saying why, when the key is too short or too plain. */
  public static void checkKey(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    int nonBlank = 0;
    boolean[] seen = new boolean[256];
    int distinct = 0;
    for (byte b : key) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        nonBlank++;
      }
      if (!seen[b & 0xFF]) {
        seen[b & 0xFF] = true;
        distinct++;
      }
    }
    if (nonBlank < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the key must hold at least " + MIN_KEY_BYTES
          + " bytes that are not spaces, tabs or line breaks");
    }
    if (distinct < MIN_DISTINCT_KEY_BYTES) {
      throw new IllegalArgumentException("the key must hold at least " + MIN_DISTINCT_KEY_BYTES
          + " different characters, not a few repeated");
    }
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
