package se.glappet.ingest;

import java.nio.charset.StandardCharsets;
import se.glappet.records.Hex;

/**
 * A canonical row or key as {@link RowParser} builds it: Latin-1 text in a byte array that is
 * reused from line to line (every canonical value is ASCII), with its {@link Digest128} taken
 * straight from the bytes.
 */
final class CanonicalBuffer {
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private byte[] buf = new byte[512];
  private int len;

  void clear() {
    len = 0;
  }

  int length() {
    return len;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void put(char c) {
    if (c > 0xFF) {
      // Canonical values are ASCII (codes, digits, hexadecimal, payment ids): this cannot happen.
      throw new IllegalStateException("a canonical value outside Latin-1");
    }
    buf[len++] = (byte) c;
  }

  void append(char c) {
    ensure(1);
    put(c);
  }

  /** Appends s (Latin-1 text). */
  void appendAscii(String s) {
    append(s, 0, s.length());
  }

  /** Appends s[b, e) (Latin-1 text). */
  void append(String s, int b, int e) {
    ensure(e - b);
    for (int i = b; i < e; i++) {
      put(s.charAt(i));
    }
  }

  /**
   * Appends s[b, e), which the caller has checked is ASCII (digits, hexadecimal, a payment id): copied
   * as bytes, without a look at each character.
   */
  @SuppressWarnings("deprecation")
  void appendCheckedAscii(String s, int b, int e) {
    ensure(e - b);
    // Each character's low eight bits: for ASCII, the character.
    s.getBytes(b, e, buf, len);
    len += e - b;
  }

  /** {@link #appendCheckedAscii(String, int, int)} of bytes. */
  void appendCheckedAscii(byte[] s, int b, int e) {
    ensure(e - b);
    System.arraycopy(s, b, buf, len, e - b);
    len += e - b;
  }

  /** Appends o's bytes [b, e). */
  void append(CanonicalBuffer o, int b, int e) {
    ensure(e - b);
    System.arraycopy(o.buf, b, buf, len, e - b);
    len += e - b;
  }

  private static final java.lang.invoke.VarHandle EIGHT = Digest128.EIGHT;

  /**
   * Appends the pseudonym {@code x[b, e)} (characters as {@link TextDecoding.Text#bytes} holds them)
   * in lower case when it is 16 to 64 hexadecimal digits
   * ({@link FieldRules#pseudonym}) and returns its kinds ({@code 0}: no upper-case letter,
   * {@link Hex#UPPER}: some, now lower case); otherwise appends nothing and returns -1. Eight
   * characters at a time, on their bytes: a payment row's two pseudonyms are two thirds of its
   * characters, and a loop over the characters was the largest item of its checks.
   */
  int appendHex(byte[] x, int b, int e) {
    int n = e - b;
    if (n < 16 || n > 64) {
      return -1;
    }
    ensure(n);
    int kinds = 0;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      long w = (long) EIGHT.get(x, b + i);
      long upper = Hex.upperCaseHex(w);
      if (upper == -1) {
        return -1;
      }
      if (upper != 0) {
        w |= upper >>> 2; // 0x80 moved to 0x20 in each upper-case letter's byte: A-F to a-f
        kinds = Hex.UPPER;
      }
      EIGHT.set(buf, len + i, w);
    }
    for (; i < n; i++) {
      int kind = Hex.kind((char) (x[b + i] & 0xFF));
      if ((kind & Hex.NOT_HEX) != 0) {
        return -1;
      }
      kinds |= kind;
      buf[len + i] = (byte) (x[b + i] | 0x20 * kind); // Hex.UPPER is 1: upper case to lower
    }
    len += n;
    return kinds;
  }

  /** Appends {@code Long.toString(x)} for x ≥ 0. */
  void appendDecimal(long x) {
    if (x < 10) {
      ensure(1);
      buf[len++] = (byte) ('0' + x);
      return;
    }
    int digits = 1;
    while (digits < 19 && x >= POWERS_OF_TEN[digits]) {
      digits++;
    }
    ensure(digits);
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + x % 10);
      x /= 10;
    }
    len += digits;
  }

  /**
   * Appends what {@code BigDecimal.valueOf(unscaled, scale)} gives as canonical amount text:
   * {@code stripTrailingZeros().toPlainString()}, and {@code "0"} for zero. {@code |unscaled|}
   * below 10<sup>18</sup>, scale 0 to 18.
   */
  void appendPlainStripped(long unscaled, int scale) {
    if (unscaled == 0) {
      append('0');
      return;
    }
    long abs = Math.abs(unscaled);
    while (scale > 0 && abs % 10 == 0) {
      abs /= 10;
      scale--;
    }
    if (unscaled < 0) {
      append('-');
    }
    appendDecimal(abs / POWERS_OF_TEN[scale]);
    if (scale > 0) {
      long frac = abs % POWERS_OF_TEN[scale];
      ensure(scale + 1);
      buf[len++] = '.';
      for (int i = len + scale - 1; i >= len; i--) {
        buf[i] = (byte) ('0' + frac % 10);
        frac /= 10;
      }
      len += scale;
    }
  }

  /** {@link Digest128} of the whole text. */
  long[] digest() {
    return Digest128.of(buf, 0, len);
  }

  String toString(int from) {
    return toString(from, len);
  }

  String toString(int from, int to) {
    return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return toString(0);
  }
}
