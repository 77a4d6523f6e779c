package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
