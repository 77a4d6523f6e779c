package se.glappet.records;

import java.util.Arrays;

/**
 * Hexadecimal digits, read and written without {@link Character#digit} (which looks through the
 * Unicode tables for every character): the one digit table that the pseudonym coder, the household
 * totals and the candidate filter share.
 */
public final class Hex {
  private Hex() {}

  /** The lower-case digits, by value. */
  private static final char[] LOWER = "0123456789abcdef".toCharArray();
  /** The value of an ASCII hexadecimal digit of either case; −1 for any other character below 128. */
  private static final byte[] VALUE = new byte[128];
  /** The value of a lower-case hexadecimal digit; −1 for any other character below 128. */
  private static final byte[] LOWER_VALUE = new byte[128];

  static {
    Arrays.fill(VALUE, (byte) -1);
    Arrays.fill(LOWER_VALUE, (byte) -1);
    for (int i = 0; i < 16; i++) {
      LOWER_VALUE[LOWER[i]] = (byte) i;
      VALUE[LOWER[i]] = (byte) i;
      VALUE[Character.toUpperCase(LOWER[i])] = (byte) i;
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
}
