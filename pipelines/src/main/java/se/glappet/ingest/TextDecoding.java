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
 */
public final class TextDecoding {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String UTF8_BOM = "UTF-8 (BOM)";
  private static final String UTF8 = "UTF-8";
  private static final String CP1252 = "Windows-1252";

  private TextDecoding() {}

  /** The detected encoding's name, for the quality report. */
  public static String detect(byte[] bytes) {
    if (hasBom(bytes)) {
      return UTF8_BOM;
    }
    return isValidUtf8(bytes) ? UTF8 : CP1252;
  }

  /** Decodes a whole file, dropping a leading byte-order mark. */
  public static String decode(byte[] bytes) {
    return decode(bytes, detect(bytes));
  }

  /**
   * Decodes a whole file whose encoding {@link #detect} has named: lets a caller that needs both
   * check the bytes for UTF-8 once.
   */
  static String decode(byte[] bytes, String detected) {
    if (detected.equals(UTF8_BOM)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (detected.equals(UTF8)) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return new String(bytes, WINDOWS_1252);
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  static boolean isValidUtf8(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
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
