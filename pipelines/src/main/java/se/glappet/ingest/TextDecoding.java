package se.glappet.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding rule of contract section 2.1: UTF-8 when the file starts with a UTF-8 byte-order
 * mark or is valid UTF-8 throughout; otherwise Windows-1252.
 */
public final class TextDecoding {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  /** The detected encoding's name, for the quality report. */
  public static String detect(byte[] bytes) {
    if (hasBom(bytes)) {
      return "UTF-8 (BOM)";
    }
    return isValidUtf8(bytes) ? "UTF-8" : "Windows-1252";
  }

  /** Decodes a whole file, dropping a leading byte-order mark. */
  public static String decode(byte[] bytes) {
    if (hasBom(bytes)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (isValidUtf8(bytes)) {
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
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
