package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical text as bytes: amounts and integers as RowParser wrote them, digests of the text. */
class CanonicalBufferTest {
  /** {@code s} appended as the parser appends a pseudonym: from its characters as the reading's bytes. */
  private static int appendHex(CanonicalBuffer b, String s) {
    byte[] x = TextDecoding.latin1Bytes(s);
    return b.appendHex(x, 0, x.length);
  }

  private static String amount(long unscaled, int scale) {
    CanonicalBuffer b = new CanonicalBuffer();
    b.appendPlainStripped(unscaled, scale);
    return b.toString();
  }

  @Test
  void amountsWithoutTrailingZeros() {
    assertEquals("1234.5", amount(123450, 2));
    assertEquals("1000", amount(100000, 2));
    assertEquals("-0.05", amount(-5, 2));
    assertEquals("0.5", amount(50, 2));
    assertEquals("0", amount(0, 2));
    assertEquals("-75", amount(-75, 0));
    assertEquals("200000", amount(200000, 0));
    assertEquals("10.1", amount(1010, 2));
  }

  @Test
  void amountsAsBigDecimalWritesThem() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long u = (r.nextBoolean() ? 1 : -1) * (r.nextInt(4) == 0 ? r.nextInt(1000) : (r.nextLong() >>> 5) % 1_000_000_000_000_000_000L);
      int scale = r.nextInt(3);
      BigDecimal x = BigDecimal.valueOf(u, scale).stripTrailingZeros();
      String want = x.signum() == 0 ? "0" : x.toPlainString();
      assertEquals(want, amount(u, scale), u + " scale " + scale);
    }
  }

  @Test
  void integersAndText() {
    CanonicalBuffer b = new CanonicalBuffer();
    b.appendDecimal(0);
    b.append(RowParser.SEP);
    b.appendDecimal(Long.MAX_VALUE);
    b.append(RowParser.SEP);
    assertEquals(1, appendHex(b, "ABcdEF09ABcdEF09"));
    b.append(RowParser.SEP);
    b.append("x2024-03-05x", 1, 11);
    assertEquals("0\u001F9223372036854775807\u001Fabcdef09abcdef09\u001F2024-03-05", b.toString());
    assertEquals("abcdef09abcdef09", b.toString(22, 38));
  }

  /** What a pseudonym is (FieldRules.pseudonym), character by character: the kinds, or -1. */
  private static int referenceKinds(String v) {
    if (v.length() < 16 || v.length() > 64) {
      return -1;
    }
    int kinds = 0;
    for (int i = 0; i < v.length(); i++) {
      kinds |= se.glappet.records.Hex.kind(v.charAt(i));
    }
    return (kinds & se.glappet.records.Hex.NOT_HEX) != 0 ? -1 : kinds;
  }

  @Test
  void pseudonymsEightCharactersAtATimeAgreeWithACharacterByCharacterCheck() {
    // Edges: lengths 15-65, each hexadecimal range's neighbours, Latin-1 and wider characters
    // (U+0161 and U+0141 end in the bytes of 'a' and 'A'), at every position of a word and the tail.
    String alphabet = "0123456789abcdefABCDEF/:`g@G\u00e0\u00c1\u0161\u0141\u0100 -\u00ff\u0080";
    Random r = new Random(11);
    int checked = 0;
    for (int n = 0; n < 200_000; n++) {
      int length = 15 + r.nextInt(51);
      StringBuilder v = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        v.append("0123456789abcdefABCDEF".charAt(r.nextInt(22)));
      }
      if (r.nextInt(3) == 0) { // one character anywhere from the whole alphabet
        v.setCharAt(r.nextInt(length), alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = v.toString();
      CanonicalBuffer b = new CanonicalBuffer();
      b.append('x');
      int kinds = appendHex(b, s);
      assertEquals(referenceKinds(s), kinds, s);
      assertEquals(kinds < 0 ? "x" : "x" + s.toLowerCase(java.util.Locale.ROOT), b.toString(), s);
      checked += kinds >= 0 ? 1 : 0;
    }
    assertEquals(true, checked > 50_000, "enough pseudonyms accepted: " + checked);
  }

  @Test
  void checkedAsciiCopiedFromLatin1AndWideText() {
    CanonicalBuffer b = new CanonicalBuffer();
    b.appendCheckedAscii("x;2024-03-05;y", 2, 12);
    // A line with a character beyond Latin-1 elsewhere (the text is then kept as UTF-16).
    b.appendCheckedAscii("\u2212;abc-1;", 2, 7);
    // And from the bytes the reading's checks read (TextDecoding.Text).
    b.appendCheckedAscii(TextDecoding.latin1Bytes("\u2212;x_9;"), 2, 5);
    assertEquals("2024-03-05abc-1x_9", b.toString());
  }

  @Test
  void digestOfTheText() {
    CanonicalBuffer b = new CanonicalBuffer();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 600; i++) { // past the first capacity
      assertArrayEquals(Digest128.of(s.toString()), b.digest(), s.toString());
      char c = (char) ('0' + i % 75);
      b.append(c);
      s.append(c);
    }
  }
}
