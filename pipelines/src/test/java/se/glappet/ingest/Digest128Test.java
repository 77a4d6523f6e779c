package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 128-bit digest that tells keys and rows apart. */
class Digest128Test {
  private static String d(String s) {
    return Arrays.toString(Digest128.of(s));
  }

  @Test
  void sameTextSameDigest() {
    assertArrayEquals(Digest128.of("0|0127\u001FP-1"), Digest128.of(new String("0|0127\u001FP-1")));
  }

  @Test
  void smallEditsChangeBothHalves() {
    String base = "0127\u001FP-1\u001Faaaaaaaaaaaaaaaa\u001F2024-03-05\u001F1234.5";
    for (String other : new String[] {base + " ", base.replace("1234.5", "1234.6"), base.replace("P-1", "P-2"),
        base.substring(1), "", "a", "b", "ab", "ba", "aaaaaaaa", "aaaaaaab", "\u0000", "\u0000\u0000"}) {
      long[] a = Digest128.of(base);
      long[] b = Digest128.of(other);
      assertFalse(a[0] == b[0] || a[1] == b[1], other);
    }
    // Trailing zero code units are not padding: lengths differ, digests differ.
    assertFalse(d("x").equals(d("x\u0000")));
  }

  @Test
  void latin1BytesDigestAsTheirText() {
    StringBuilder s = new StringBuilder();
    for (int n = 0; n < 40; n++) {
      byte[] b = ("xx" + s + "yy").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      assertArrayEquals(Digest128.of(s.toString()), Digest128.of(b, 2, n), s.toString());
      s.append((char) (n * 37 % 256));
    }
  }

  @Test
  void noCollisionsAmongAMillionSimilarKeys() {
    Set<Long> high = new HashSet<>();
    Set<String> both = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      String key = "0|" + String.format("%04d", i % 290) + "\u001FP-" + i;
      long[] h = Digest128.of(key);
      high.add(h[0]);
      both.add(h[0] + ":" + h[1]);
    }
    assertEquals(1_000_000, both.size());
    assertEquals(1_000_000, high.size()); // 64 bits alone: a collision here would be a 1-in-36-million event
  }

  /** Every byte counts, in whole rounds and in the tail of up to fifteen bytes, wherever it is. */
  @Test
  void everyByteOfEveryLengthChangesTheDigest() {
    for (int n = 1; n <= 48; n++) {
      byte[] b = new byte[n + 3];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) ('a' + i % 26);
      }
      long[] base = Digest128.of(b, 2, n);
      assertArrayEquals(base, Digest128.of(new String(b, 2, n, java.nio.charset.StandardCharsets.ISO_8859_1)));
      for (int at = 0; at < n; at++) {
        byte keep = b[2 + at];
        b[2 + at] ^= 1;
        long[] other = Digest128.of(b, 2, n);
        assertFalse(base[0] == other[0] || base[1] == other[1], "length " + n + ", byte " + at);
        b[2 + at] = keep;
      }
      // The bytes around the text are not read.
      b[0] ^= 1;
      b[n + 2] ^= 1;
      assertArrayEquals(base, Digest128.of(b, 2, n));
    }
    // A text beyond Latin-1 is digested apart from any Latin-1 text with the same bytes.
    String wide = "\u2212";
    assertFalse(d(wide).equals(d(new String(wide.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
        java.nio.charset.StandardCharsets.ISO_8859_1))));
  }
}
