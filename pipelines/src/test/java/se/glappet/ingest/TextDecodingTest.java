package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Contract section 2.1: UTF-8 with a byte-order mark or when valid throughout, else Windows-1252. */
class TextDecodingTest {

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void theEightBytesAtATimeAsciiCheckFindsEveryHighByteWhereverItIs() {
    java.util.Random rnd = new java.util.Random(11);
    for (int n = 0; n <= 40; n++) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = (byte) rnd.nextInt(0x80);
      }
      assertTrue(TextDecoding.isAscii(b), "length " + n);
      for (int at = 0; at < n; at++) {
        for (int high : new int[] {0x80, 0x9F, 0xC3, 0xFF}) {
          byte keep = b[at];
          b[at] = (byte) high;
          assertFalse(TextDecoding.isAscii(b), "length " + n + ", byte " + high + " at " + at);
          b[at] = keep;
        }
      }
    }
  }

  @Test
  void theEightBytesAtATimeWindows1252CheckFindsExactlyTheBytes80To9F() {
    java.util.Random rnd = new java.util.Random(13);
    for (int n = 0; n <= 40; n++) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) { // any byte but 0x80-0x9F
        int v = rnd.nextInt(256 - 32);
        b[i] = (byte) (v < 0x80 ? v : v + 32);
      }
      assertFalse(TextDecoding.hasWindows1252Only(b), "length " + n);
      for (int at = 0; at < n; at++) {
        byte keep = b[at];
        for (int v : new int[] {0x80, 0x85, 0x9F}) {
          b[at] = (byte) v;
          assertTrue(TextDecoding.hasWindows1252Only(b), "length " + n + ", byte " + v + " at " + at);
        }
        for (int v : new int[] {0x7F, 0xA0, 0x00, 0xFF, 0xE0, 0x60}) {
          b[at] = (byte) v;
          assertFalse(TextDecoding.hasWindows1252Only(b), "length " + n + ", byte " + v + " at " + at);
        }
        b[at] = keep;
      }
    }
  }

  @Test
  void plainAsciiDecodesToTheSameTextAsUtf8AndNonAsciiUtf8IsStillUtf8() {
    byte[] ascii = "period;municipality_code\n2011-01;0127\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(new String(ascii, StandardCharsets.UTF_8), TextDecoding.decode(ascii));
    byte[] utf8 = "belopp;\u2212120,50\nG\u00e4vle\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("UTF-8", TextDecoding.detect(utf8));
    assertEquals("belopp;\u2212120,50\nG\u00e4vle\n", TextDecoding.decode(utf8));
  }

  @Test
  void byteOrderMarkMeansUtf8AndIsDropped() {
    // EF BB BF, then "å;ä" in UTF-8
    byte[] in = bytes(0xEF, 0xBB, 0xBF, 0xC3, 0xA5, ';', 0xC3, 0xA4);
    assertEquals("å;ä", TextDecoding.decode(in));
    assertEquals("UTF-8 (BOM)", TextDecoding.detect(in));
  }

  @Test
  void byteOrderMarkBeforePlainAsciiIsDropped() {
    byte[] in = bytes(0xEF, 0xBB, 0xBF, 'a', ';', 'b');
    assertEquals("a;b", TextDecoding.decode(in));
  }

  @Test
  void validUtf8WithoutByteOrderMarkIsUtf8() {
    byte[] in = "Södertälje;Håbo;Östra Göinge".getBytes(StandardCharsets.UTF_8);
    assertEquals("Södertälje;Håbo;Östra Göinge", TextDecoding.decode(in));
    assertEquals("UTF-8", TextDecoding.detect(in));
  }

  @Test
  void plainAsciiIsUtf8() {
    byte[] in = "municipality_code;period\n0127;2024-01\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals("municipality_code;period\n0127;2024-01\n", TextDecoding.decode(in));
    assertEquals("UTF-8", TextDecoding.detect(in));
  }

  @Test
  void swedishLettersAsSingleBytesAreWindows1252() {
    // å = 0xE5, ä = 0xE4, ö = 0xF6 in Windows-1252; not valid UTF-8
    byte[] in = bytes('H', 0xE5, 'b', 'o', ';', 0xE4, ';', 0xF6);
    assertEquals("Håbo;ä;ö", TextDecoding.decode(in));
    assertEquals("Windows-1252", TextDecoding.detect(in));
  }

  @Test
  void windows1252OwnBytesAreItsOwnCharacters() {
    // 0x80-0x9F are where Windows-1252 differs from ISO-8859-1: € (0x80), – (0x96), ” (0x94).
    byte[] in = bytes(0xE5, ';', 0x80, ';', 0x96, 0x94);
    assertEquals("å;€;–”", TextDecoding.decode(in));
    assertTrue(TextDecoding.hasWindows1252Only(in));
    assertFalse(TextDecoding.hasWindows1252Only(bytes(0xE5, 0xA0, 0xFF, 0x7F)));
    // Every byte outside 0x80-0x9F decodes to the same character both ways.
    byte[] all = new byte[256 - 32];
    for (int i = 0, b = 0; b < 256; b++) {
      if (b < 0x80 || b > 0x9F) {
        all[i++] = (byte) b;
      }
    }
    assertEquals(new String(all, TextDecoding.WINDOWS_1252), TextDecoding.decode(all, "Windows-1252"));
  }

  @Test
  void oneInvalidUtf8ByteMakesTheWholeFileWindows1252() {
    // "å" in UTF-8 (C3 A5) followed by a Windows-1252 "ö" (F6): the file is not valid UTF-8
    // throughout, so every byte is read as Windows-1252: C3 = Ã, A5 = ¥, F6 = ö.
    byte[] in = bytes(0xC3, 0xA5, '\n', 0xF6);
    assertEquals("Ã¥\nö", TextDecoding.decode(in));
    assertEquals("Windows-1252", TextDecoding.detect(in));
  }

  @Test
  void emptyFileDecodesToEmptyText() {
    assertEquals("", TextDecoding.decode(new byte[0]));
  }

  // UTF-8 validity is checked through a small reused buffer: these pin it on long files, where
  // the decoded text overflows that buffer many times, and on the usual kinds of invalid UTF-8.

  /** n copies of "å" (two bytes each) followed by the given bytes. */
  private static byte[] longUtf8Then(int n, int... tail) {
    byte[] head = "å".repeat(n).getBytes(StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
    for (int i = 0; i < tail.length; i++) {
      out[head.length + i] = (byte) tail[i];
    }
    return out;
  }

  @Test
  void longValidUtf8IsUtf8() {
    // A four-byte character (U+1F600, a surrogate pair in Java) across every buffer boundary.
    byte[] in = longUtf8Then(20_000, 0xF0, 0x9F, 0x98, 0x80, 'x');
    assertEquals("UTF-8", TextDecoding.detect(in));
    assertEquals("å".repeat(20_000) + "\uD83D\uDE00x", TextDecoding.decode(in));
    for (int n = 8185; n < 8200; n++) {
      assertEquals("UTF-8", TextDecoding.detect(longUtf8Then(n, 0xF0, 0x9F, 0x98, 0x80)), "n=" + n);
      assertEquals("UTF-8", TextDecoding.detect(longUtf8Then(n, 'a', 0xF0, 0x9F, 0x98, 0x80)), "n=" + n);
    }
  }

  @Test
  void invalidUtf8FarIntoALongFileMakesItWindows1252() {
    assertEquals("Windows-1252", TextDecoding.detect(longUtf8Then(20_000, 0xF6, 'x')));
    assertEquals("Windows-1252", TextDecoding.detect(longUtf8Then(20_000, 'x', 0xC3))); // cut off at the end
    assertEquals("Windows-1252", TextDecoding.detect(longUtf8Then(20_000, 0xE2, 0x88))); // cut off at the end
  }

  @Test
  void overlongSurrogateAndTooLargeEncodingsAreNotUtf8() {
    assertEquals("Windows-1252", TextDecoding.detect(bytes('a', 0xC0, 0xAF))); // overlong '/'
    assertEquals("Windows-1252", TextDecoding.detect(bytes('a', 0xE0, 0x80, 0xAF))); // overlong '/'
    assertEquals("Windows-1252", TextDecoding.detect(bytes('a', 0xED, 0xA0, 0x80))); // surrogate U+D800
    assertEquals("Windows-1252", TextDecoding.detect(bytes('a', 0xF4, 0x90, 0x80, 0x80))); // above U+10FFFF
    assertEquals("Windows-1252", TextDecoding.detect(bytes('a', 0x80))); // lone continuation byte
    assertEquals("UTF-8", TextDecoding.detect(bytes('a', 0xF4, 0x8F, 0xBF, 0xBF))); // U+10FFFF
    assertEquals("UTF-8", TextDecoding.detect(bytes(0xE2, 0x88, 0x92))); // U+2212 minus sign
  }

  // UTF-16 is not read (the contract's rule stands: such a file is decoded as UTF-8 or
  // Windows-1252, so its header matches no column and every data row is MISSING_COLUMN), but the
  // detected encoding says it looks like UTF-16, so that the report and the console can say so.

  @Test
  void aUtf16FileIsRecognisedByItsByteOrderMarkOrItsZeroBytes() {
    byte[] le = "kod;år\r\n0127;2011\r\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] be = "kod;år\r\n0127;2011\r\n".getBytes(StandardCharsets.UTF_16BE);
    byte[] leBom = new byte[le.length + 2];
    leBom[0] = (byte) 0xFF;
    leBom[1] = (byte) 0xFE;
    System.arraycopy(le, 0, leBom, 2, le.length);
    assertEquals("Windows-1252 (looks like UTF-16)", TextDecoding.detect(leBom));
    assertEquals("Windows-1252 (looks like UTF-16)", TextDecoding.detect(le)); // E5 00 is not UTF-8
    assertEquals("Windows-1252 (looks like UTF-16)", TextDecoding.detect(be));
    // ASCII text in UTF-16 is valid UTF-8 (a zero byte is U+0000).
    assertEquals("UTF-8 (looks like UTF-16)", TextDecoding.detect("kod;ar\r\n".getBytes(StandardCharsets.UTF_16LE)));
    assertEquals("Windows-1252 (looks like UTF-16)", TextDecoding.detect(bytes(0xFE, 0xFF, 0, 'a', 0, ';')));
    assertTrue(TextDecoding.looksLikeUtf16(TextDecoding.detect(le)));
    assertFalse(TextDecoding.looksLikeUtf16(TextDecoding.detect("kod;år".getBytes(StandardCharsets.UTF_8))));
    // Still decoded by the contract's rule, one character per byte for Windows-1252.
    assertEquals("\u00FF\u00FE" + new String(le, TextDecoding.WINDOWS_1252), TextDecoding.decode(leBom));
  }

  @Test
  void aFewZeroBytesOrABinaryFileAreNotUtf16() {
    assertEquals("UTF-8", TextDecoding.detect(bytes('a', ';', 'b', 0, '\n', 'c', ';', 'd', '\n')));
    // A zip file (an .xlsx renamed .csv): zero bytes, but not every other byte.
    assertEquals("Windows-1252", TextDecoding.detect(bytes('P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0x21, 0,
        0xE5, 0x9C, 0x5A, 0x31, 0x9A, 0x01, 0, 0, 0x13, 0x05, 0, 0)));
  }

  /** What TextDecoding.Text#bytes holds for a character. */
  private static byte asByte(char c) {
    return c <= 0xFF ? (byte) c : TextDecoding.NOT_LATIN1;
  }

  @Test
  void theTextsBytesAreItsCharactersIndexForIndexInEveryEncoding() {
    String[] texts = {
      "kod;belopp\n0127;120,50\n", // ASCII
      "kommun;belopp\nG\u00e4vle;1\u00a0200\n", // Latin-1 beyond ASCII
      "belopp;\u2212120,50\n1\u202F000;?\n", // beyond Latin-1, and a real question mark
      "a;\uD83D\uDE00;b?\n", // a pair of surrogates
      "?;\u00ff;\u0100\n",
    };
    java.util.List<byte[]> bodies = new java.util.ArrayList<>();
    for (String t : texts) {
      bodies.add(t.getBytes(StandardCharsets.UTF_8));
    }
    // Malformed UTF-8 after a byte-order mark (decoded all the same): a lone continuation byte, an
    // overlong two-byte form, a lead byte at the end, a lead byte before ASCII.
    bodies.add(bytes('a', 0x80, 'b'));
    bodies.add(bytes('a', 0xC0, 0x80, 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'));
    bodies.add(bytes('a', 'b', 0xC3));
    bodies.add(bytes(0xC3, 0x28, 'x'));
    for (byte[] body : bodies) {
      String t = new String(body, StandardCharsets.UTF_8); // what the JDK's decoder makes of it
      java.util.List<byte[]> files = new java.util.ArrayList<>();
      java.util.List<String> want = new java.util.ArrayList<>();
      files.add(body);
      want.add(t);
      byte[] bom = new byte[body.length + 3];
      bom[0] = (byte) 0xEF;
      bom[1] = (byte) 0xBB;
      bom[2] = (byte) 0xBF;
      System.arraycopy(body, 0, bom, 3, body.length);
      files.add(bom);
      want.add(t);
      if (TextDecoding.WINDOWS_1252.newEncoder().canEncode(t)) {
        files.add(t.getBytes(TextDecoding.WINDOWS_1252));
        want.add(t);
      }
      for (int k = 0; k < files.size(); k++) {
        byte[] f = files.get(k);
        TextDecoding.Text d = TextDecoding.decodeText(f, TextDecoding.detect(f));
        String expected = TextDecoding.detect(f).startsWith("Windows-1252")
            ? new String(f, TextDecoding.WINDOWS_1252) : want.get(k);
        assertEquals(expected, d.text, t);
        assertEquals(d.text, TextDecoding.decode(f), "the text alone is the same: " + t);
        assertEquals(d.text.length(), d.bytes.length, t);
        for (int i = 0; i < d.bytes.length; i++) {
          assertEquals(asByte(d.text.charAt(i)), d.bytes[i], t + " at " + i);
        }
      }
    }
    // Windows-1252's bytes 0x80-0x9F decode beyond Latin-1 (the euro sign, quotation marks).
    TextDecoding.Text d = TextDecoding.decodeText(bytes('a', 0x80, ';', 0x94, 0xE5), "Windows-1252");
    assertEquals("a\u20ac;\u201d\u00e5", d.text);
    assertEquals(java.util.Arrays.toString(bytes('a', 0x1A, ';', 0x1A, 0xE5)), java.util.Arrays.toString(d.bytes));
  }

  /** A long text beyond Latin-1 is mapped a block of characters at a time: every block's edges. */
  @Test
  void aLongWideTextsBytesAreItsCharactersAcrossEveryBlock() {
    java.util.Random r = new java.util.Random(41);
    char[] c = new char[3 * 8192 + 17];
    for (int i = 0; i < c.length; i++) {
      int k = r.nextInt(10);
      c[i] = k == 0 ? '\u2212' : k == 1 ? '?' : k == 2 ? '\u00e5' : k == 3 ? '\u0100' : (char) ('a' + r.nextInt(26));
    }
    c[8191] = '\u202f';
    c[8192] = '\u00ff';
    String t = new String(c);
    byte[] b = TextDecoding.latin1Bytes(t);
    assertEquals(t.length(), b.length);
    for (int i = 0; i < b.length; i++) {
      assertEquals(asByte(t.charAt(i)), b[i], "at " + i);
    }
  }

  @Test
  void theEightBytesAtATimeSearchFindsTheFirstMatchWhereverItIs() {
    java.util.Random rnd = new java.util.Random(5);
    for (int n = 0; n <= 40; n++) {
      for (int round = 0; round < 200; round++) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
          b[i] = (byte) ";\n\u0000\u00ff\u0080a".charAt(rnd.nextInt(6)); // few values: many matches
        }
        for (byte c : new byte[] {';', '\n', 0, (byte) 0xFF, (byte) 0x80}) {
          int from = n == 0 ? 0 : rnd.nextInt(n + 1);
          int to = from + rnd.nextInt(n - from + 1);
          int want = -1;
          for (int i = from; i < to && want < 0; i++) {
            if (b[i] == c) {
              want = i;
            }
          }
          assertEquals(want, TextDecoding.indexOf(b, c, from, to), "length " + n + ", byte " + c);
        }
      }
    }
  }

  /** The one-pass UTF-8 to Latin-1 decoding answers exactly when the JDK's decoder gives only Latin-1, and the same. */
  @Test
  void utf8AsLatin1AgreesWithTheJdksDecoder() {
    java.util.Random rnd = new java.util.Random(3);
    byte[][] pieces = {bytes('a'), bytes(';'), bytes('\n'), "0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
      "\u00e5".getBytes(StandardCharsets.UTF_8), "\u00a0".getBytes(StandardCharsets.UTF_8),
      "\u0080".getBytes(StandardCharsets.UTF_8), "\u2212".getBytes(StandardCharsets.UTF_8), bytes(0xC3), bytes(0x80),
      bytes(0xC0, 0x80), bytes(0xC2, 0xFF)};
    int latin1 = 0;
    for (int round = 0; round < 20_000; round++) {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      int parts = rnd.nextInt(12);
      boolean plain = rnd.nextInt(3) > 0;
      for (int k = 0; k < parts; k++) {
        b.writeBytes(pieces[rnd.nextInt(plain ? 7 : pieces.length)]);
      }
      byte[] in = b.toByteArray();
      int from = rnd.nextInt(2) == 0 ? 0 : Math.min(in.length, 1);
      String jdk = new String(in, from, in.length - from, StandardCharsets.UTF_8);
      boolean onlyLatin1 = jdk.chars().allMatch(c -> c <= 0xFF);
      byte[] got = TextDecoding.utf8AsLatin1(in, from);
      if (got != null) {
        latin1++;
        assertEquals(jdk, new String(got, StandardCharsets.ISO_8859_1));
      } else {
        // Null only for a wider character or a malformed sequence (which decodes to U+FFFD).
        assertFalse(onlyLatin1 && new String(jdk.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(jdk)
            && java.util.Arrays.equals(jdk.getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOfRange(in, from, in.length)),
            "left to the JDK's decoder: " + jdk);
      }
    }
    assertTrue(latin1 > 5_000, "enough texts decoded in one pass: " + latin1);
  }
}
