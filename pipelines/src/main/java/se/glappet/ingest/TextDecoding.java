package se.glappet.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding rule of contract section 2.1: UTF-8 when the file starts with a UTF-8 byte-order
 * mark or is valid UTF-8 throughout; otherwise Windows-1252.
 *
 * <p>UTF-16 (Excel's "Unicode text") is not among them. A file that looks like it (a UTF-16
 * byte-order mark, or a zero byte in every other position of its start) is still decoded by that
 * rule, so its header matches no column and every data row is rejected as MISSING_COLUMN (nothing
 * vanishes), but the detected encoding carries {@link #UTF16_NOTE}, so that the quality report,
 * the manifest and the console can say what the file is and how to save it as UTF-8.
 */
public final class TextDecoding {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String UTF8_BOM = "UTF-8 (BOM)";
  private static final String UTF8 = "UTF-8";
  private static final String CP1252 = "Windows-1252";
  /** Appended to the detected encoding of a file that looks like UTF-16. */
  public static final String UTF16_NOTE = " (looks like UTF-16)";
  /** How much of a file's start the UTF-16 check looks at. */
  private static final int UTF16_SAMPLE = 4096;

  private TextDecoding() {}

  /** The detected encoding's name, for the quality report. */
  public static String detect(byte[] bytes) {
    if (hasBom(bytes)) {
      return UTF8_BOM;
    }
    String base = isValidUtf8(bytes) ? UTF8 : CP1252;
    return looksLikeUtf16(bytes) ? base + UTF16_NOTE : base;
  }

  /** True when {@link #detect} said the file looks like UTF-16. */
  public static boolean looksLikeUtf16(String detected) {
    return detected != null && detected.endsWith(UTF16_NOTE);
  }

  /**
   * A UTF-16 byte-order mark ({@code FE FF} or {@code FF FE}), or text whose start has a zero byte
   * in at least 40% of its even (big-endian) or odd (little-endian) positions and in at most 5% of
   * the others: the shape of Latin text in UTF-16. A binary file with scattered zeros is not it.
   */
  static boolean looksLikeUtf16(byte[] b) {
    if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
      return true;
    }
    int n = Math.min(b.length, UTF16_SAMPLE) & ~1;
    if (n < 4) {
      return false;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) {
        evenZeros++;
      }
      if (b[i + 1] == 0) {
        oddZeros++;
      }
    }
    int pairs = n / 2;
    return (evenZeros * 10 >= pairs * 4 && oddZeros * 20 <= pairs)
        || (oddZeros * 10 >= pairs * 4 && evenZeros * 20 <= pairs);
  }

  /** Decodes a whole file, dropping a leading byte-order mark. */
  public static String decode(byte[] bytes) {
    return decode(bytes, detect(bytes));
  }

  /**
   * Decodes a whole file whose encoding {@link #detect} has named: lets a caller that needs both
   * check the bytes for UTF-8 once. The text only: the same as {@link #decodeText}'s, without its
   * bytes (for the pseudonymise command, which reads no fields in place).
   */
  static String decode(byte[] bytes, String detected) {
    detected = withoutUtf16Note(detected);
    if (detected.equals(UTF8_BOM)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    return new String(bytes, detected.equals(UTF8) ? StandardCharsets.UTF_8 : WINDOWS_1252);
  }

  /** The encoding {@link #detect} named, without its {@link #UTF16_NOTE}: how the file is decoded. */
  private static String withoutUtf16Note(String detected) {
    return looksLikeUtf16(detected) ? detected.substring(0, detected.length() - UTF16_NOTE.length()) : detected;
  }

  /**
   * What a character above U+00FF is in {@link Text#bytes}: a control character that none of the
   * reading's rules takes as part of a value, a separator, a quote, a blank or a line break, so a
   * value that holds one is never read in place (its text decides, as for any value not read in place).
   */
  static final byte NOT_LATIN1 = 0x1A;

  /**
   * A decoded file: its text, and the same characters as bytes, index for index: the character
   * itself up to U+00FF, {@link #NOT_LATIN1} for any other. The row checks read the bytes (under
   * the quick compiler a byte array is read several times faster than a string's characters) and
   * cut values out of the text.
   */
  static final class Text {
    final String text;
    final byte[] bytes;

    Text(String text, byte[] bytes) {
      this.text = text;
      this.bytes = bytes;
    }
  }

  /**
   * {@link #decode(byte[], String)} with the text's bytes ({@link Text}). A file decoded byte for
   * character (ASCII, or Windows-1252 without the bytes 0x80-0x9F: most files) is its own bytes.
   */
  static Text decodeText(byte[] bytes, String detected) {
    detected = withoutUtf16Note(detected);
    String text;
    if (detected.equals(UTF8_BOM) || detected.equals(UTF8)) {
      int from = detected.equals(UTF8_BOM) ? 3 : 0;
      if (from == 0 && isAscii(bytes)) {
        // Plain ASCII (a third of a national year's files) is its own bytes.
        return new Text(new String(bytes, StandardCharsets.ISO_8859_1), bytes);
      }
      // Most other UTF-8 files hold only characters up to U+00FF: their bytes are made here in one
      // pass, instead of the JDK's decoder (a loop under the quick compiler) and a second pass.
      byte[] latin1 = utf8AsLatin1(bytes, from);
      if (latin1 != null) {
        return new Text(new String(latin1, StandardCharsets.ISO_8859_1), latin1);
      }
      text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } else if (!hasWindows1252Only(bytes)) {
      // Windows-1252 and ISO-8859-1 differ only in the bytes 0x80-0x9F: without those, the
      // plain byte-for-character copy of ISO-8859-1 gives the same text.
      return new Text(new String(bytes, StandardCharsets.ISO_8859_1), bytes);
    } else {
      text = new String(bytes, WINDOWS_1252);
    }
    return new Text(text, latin1Bytes(text));
  }

  /**
   * The text of the UTF-8 bytes b[from, b.length) as ISO-8859-1 bytes when it is plain ASCII and
   * well-formed two-byte sequences for U+0080-U+00FF; null for anything else (a wider character, a
   * malformed sequence), which the JDK's decoder then decodes. ASCII runs are copied eight bytes at
   * a time.
   */
  static byte[] utf8AsLatin1(byte[] b, int from) {
    int n = b.length;
    byte[] out = new byte[n - from];
    int o = 0;
    int i = from;
    while (i < n) {
      if (i + 8 <= n) {
        long w = (long) Digest128.EIGHT.get(b, i);
        if ((w & HIGHS) == 0) {
          Digest128.EIGHT.set(out, o, w); // o + 8 <= out.length: the output never runs ahead
          i += 8;
          o += 8;
          continue;
        }
      }
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        out[o++] = (byte) c;
        i++;
      } else if ((c == 0xC2 || c == 0xC3) && i + 1 < n && (b[i + 1] & 0xC0) == 0x80) {
        out[o++] = (byte) (((c & 0x03) << 6) | (b[i + 1] & 0x3F));
        i += 2;
      } else {
        return null;
      }
    }
    return o == out.length ? out : java.util.Arrays.copyOf(out, o);
  }

  /** The characters of text as {@link Text#bytes} holds them. */
  static byte[] latin1Bytes(String text) {
    // A copy for text without characters above U+00FF; each of those becomes '?' (one per code
    // point, so a pair of surrogates would shift the rest), so a '?' anywhere means: map them here.
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length == text.length() && indexOf(b, (byte) '?', 0, b.length) < 0) {
      return b;
    }
    // From chars copied a block at a time: the quick JIT compiler does not inline String.charAt
    // (7 ns a character).
    int n = text.length();
    b = new byte[n];
    char[] cs = new char[Math.min(n, 8192)];
    for (int from = 0; from < n; from += cs.length) {
      int len = Math.min(cs.length, n - from);
      text.getChars(from, from + len, cs, 0);
      for (int i = 0; i < len; i++) {
        char c = cs[i];
        b[from + i] = c <= 0xFF ? (byte) c : NOT_LATIN1;
      }
    }
    return b;
  }

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The first index of {@code c} in b[from, to), or -1: eight bytes at a time (the usual "has a
   * zero byte" test on the bytes XOR-ed with c; its lowest flag is exact, a false flag only ever
   * follows a true one).
   */
  static int indexOf(byte[] b, byte c, int from, int to) {
    long pattern = (c & 0xFFL) * ONES;
    int i = from;
    for (int end = to - 7; i < end; i += 8) {
      long x = (long) Digest128.EIGHT.get(b, i) ^ pattern;
      long t = (x - ONES) & ~x & HIGHS;
      if (t != 0) {
        return i + (Long.numberOfTrailingZeros(t) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True when every byte is below 0x80 (most input files): eight bytes at a time, as one long whose
   * high bits must all be clear, then the last few one by one.
   */
  static boolean isAscii(byte[] bytes) {
    int i = 0;
    long any = 0;
    for (int end = bytes.length - 7; i < end; i += 8) {
      any |= (long) Digest128.EIGHT.get(bytes, i);
    }
    for (; i < bytes.length; i++) {
      any |= bytes[i];
    }
    return (any & 0x8080808080808080L) == 0;
  }

  /** True when some byte is 0x80-0x9F, where Windows-1252 and ISO-8859-1 decode differently. */
  static boolean hasWindows1252Only(byte[] bytes) {
    int i = 0;
    for (int end = bytes.length - 7; i < end; i += 8) {
      // A byte is 0x80-0x9F when its top three bits are 100: XOR-ed with 0x80 they are 000, so the
      // byte (x below) is zero, which the usual "has a zero byte" test finds eight at a time.
      long x = ((long) Digest128.EIGHT.get(bytes, i) & 0xE0E0E0E0E0E0E0E0L) ^ 0x8080808080808080L;
      if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0) {
        return true;
      }
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] >= (byte) 0x80 && bytes[i] <= (byte) 0x9F) {
        return true;
      }
    }
    return false;
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  static boolean isValidUtf8(byte[] bytes) {
    if (isAscii(bytes)) {
      return true;
    }
    // What CharsetDecoder.decode(ByteBuffer) does, but into a small buffer that is reused instead
    // of one holding the whole file: only whether an error turns up matters.
    CharsetDecoder decoder = StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return false;
      }
      if (r.isUnderflow()) {
        break;
      }
      out.clear(); // overflow: the decoded text is not needed
    }
    while (decoder.flush(out).isOverflow()) {
      out.clear();
    }
    return true;
  }
}
