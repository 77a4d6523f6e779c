package se.glappet.records;

import java.util.Arrays;

/**
 * Hexadecimal digits, read and written without {@link Character#digit} (which looks through the
 * Unicode tables for every character): the one definition of a hexadecimal digit that the pseudonym
 * checks ({@code FieldRules}, {@code FieldsInPlace}), the pseudonym coder, the household totals and
 * the candidate filter share.
 */
public final class Hex {
  private Hex() {}

  /** The lower-case digits, by value. */
  private static final char[] LOWER = "0123456789abcdef".toCharArray();
  /** The value of an ASCII hexadecimal digit of either case; −1 for any other character below 128. */
  private static final byte[] VALUE = new byte[128];
  /** The value of a lower-case hexadecimal digit; −1 for any other character below 128. */
  private static final byte[] LOWER_VALUE = new byte[128];
  /** {@link #kind} of each character below 128. */
  private static final byte[] KIND = new byte[128];

  /** {@link #kind}: a digit or a lower-case hexadecimal letter. */
  public static final int LOWER_OR_DIGIT = 0;
  /** {@link #kind}: an upper-case hexadecimal letter. */
  public static final int UPPER = 1;
  /** {@link #kind}: not a hexadecimal digit. */
  public static final int NOT_HEX = 2;

  static {
    Arrays.fill(VALUE, (byte) -1);
    Arrays.fill(LOWER_VALUE, (byte) -1);
    Arrays.fill(KIND, (byte) NOT_HEX);
    for (int i = 0; i < 16; i++) {
      char upper = Character.toUpperCase(LOWER[i]);
      LOWER_VALUE[LOWER[i]] = (byte) i;
      VALUE[LOWER[i]] = (byte) i;
      VALUE[upper] = (byte) i;
      KIND[LOWER[i]] = LOWER_OR_DIGIT;
      if (upper != LOWER[i]) {
        KIND[upper] = UPPER;
      }
    }
  }

  /** The lower-case digit of value {@code v} (0–15). */
  public static char digit(int v) {
    return LOWER[v];
  }

  /**
   * The value of a lower-case hexadecimal digit (what validated pseudonyms hold); −1 for any other
   * character, an upper-case letter included. A −1 OR-ed into a packed value spoils it, so callers
   * check once at the end.
   */
  public static int lowerNibble(char c) {
    return c < 128 ? LOWER_VALUE[c] : -1;
  }

  /** The value of an ASCII hexadecimal digit of either case; −1 for any other character. */
  public static int nibble(char c) {
    return c < 128 ? VALUE[c] : -1;
  }

  /**
   * {@link #LOWER_OR_DIGIT}, {@link #UPPER} or {@link #NOT_HEX}: the three bits OR-ed over a field
   * say at once whether it is hexadecimal and whether it needs lower-casing.
   */
  public static int kind(char c) {
    return c < 128 ? KIND[c] : NOT_HEX;
  }

  private static final java.lang.invoke.VarHandle EIGHT =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** The eight bytes b[i, i + 8) as one long, the first in the lowest bits. */
  public static long eight(byte[] b, int i) {
    return (long) EIGHT.get(b, i);
  }

  /**
   * For the eight bytes of {@code w}, each below 0x80: the bit 0x80 set in each byte from {@code lo}
   * to {@code hi}. A byte below 0x80 plus a constant below 0x80 stays within its byte, and its bit
   * 0x80 then says whether the byte is at least 0x80 minus the constant.
   */
  private static long bytesWithin(long w, int lo, int hi) {
    return (w + (0x80 - lo) * 0x0101010101010101L) & ~(w + (0x7F - hi) * 0x0101010101010101L) & HIGH_BITS;
  }

  /** 0 when each byte of {@code w} ({@link #eight}) is a digit or a lower-case a-f, else not 0. */
  public static long notLowerHex(long w) {
    return (w & HIGH_BITS) | (~(bytesWithin(w, '0', '9') | bytesWithin(w, 'a', 'f')) & HIGH_BITS);
  }

  /**
   * For the eight bytes of {@code w} ({@link #eight}): -1 unless each is a hexadecimal digit of
   * either case; else the bit 0x80 set in each byte that is an upper-case A-F.
   */
  public static long upperCaseHex(long w) {
    if ((w & HIGH_BITS) != 0) {
      return -1;
    }
    long upper = bytesWithin(w, 'A', 'F');
    if ((bytesWithin(w, '0', '9') | bytesWithin(w, 'a', 'f') | upper) != HIGH_BITS) {
      return -1;
    }
    return upper;
  }

  /**
   * The value of the eight lower-case hexadecimal digits in {@code w} ({@link #eight}, with
   * {@link #notLowerHex} 0), the first digit the highest: what eight {@link #lowerNibble}s shifted
   * in one after the other give, without a loop.
   */
  public static long lowerHexValue(long w) {
    long x = (w & 0x0F0F0F0F0F0F0F0FL) + ((w >>> 6) & 0x0101010101010101L) * 9; // a-f: 1-6 plus 9
    x = ((x & 0x000F000F000F000FL) << 4) | ((x >>> 8) & 0x000F000F000F000FL);
    x = ((x & 0x000000FF000000FFL) << 8) | ((x >>> 16) & 0x000000FF000000FFL);
    return ((x & 0xFFFFL) << 16) | ((x >>> 32) & 0xFFFFL);
  }
}
