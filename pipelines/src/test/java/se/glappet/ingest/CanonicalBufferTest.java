package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical text as bytes: amounts and integers as RowParser wrote them, digests of the text. */
class CanonicalBufferTest {
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
    b.appendLowerCaseHex("xABcdEF09x", 1, 9);
    b.append(RowParser.SEP);
    b.append("x2024-03-05x", 1, 11);
    assertEquals("0\u001F9223372036854775807\u001Fabcdef09\u001F2024-03-05", b.toString());
    assertEquals("abcdef09", b.toString(22, 30));
  }

  @Test
  void checkedAsciiCopiedFromLatin1AndWideText() {
    CanonicalBuffer b = new CanonicalBuffer();
    b.appendCheckedAscii("x;2024-03-05;y", 2, 12);
    // A line with a character beyond Latin-1 elsewhere (the text is then kept as UTF-16).
    b.appendCheckedAscii("\u2212;abc-1;", 2, 7);
    assertEquals("2024-03-05abc-1", b.toString());
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
