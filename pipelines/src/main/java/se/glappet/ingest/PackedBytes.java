package se.glappet.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array written and read in the formats of Beam's {@code BigEndianLongCoder},
 * {@code VarIntCoder} and {@code StringUtf8Coder}, without a stream or a coder per value: the
 * fingerprints of a batch ({@link RowFingerprint#writeTo}, {@link RowFingerprint#readFrom}).
 */
final class PackedBytes {
  private byte[] buf;
  private int len;

  PackedBytes(int capacity) {
    buf = new byte[capacity];
  }

  int size() {
    return len;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** As {@code BigEndianLongCoder}: eight bytes, most significant first. */
  void writeLong(long v) {
    ensure(8);
    BIG_ENDIAN_LONG.set(buf, len, v); // one store, not eight (the quick compiler keeps a byte loop a loop)
    len += 8;
  }

  /** Eight bytes as one long, the most significant first (as {@code BigEndianLongCoder}). */
  private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  /** As {@code VarIntCoder}: the int's 32 bits unsigned, seven bits a byte, least significant first. */
  void writeVarInt(int v) {
    ensure(5);
    long u = v & 0xFFFFFFFFL;
    while (u >= 0x80) {
      buf[len++] = (byte) (u | 0x80);
      u >>>= 7;
    }
    buf[len++] = (byte) u;
  }

  /** The last string written and its UTF-8 bytes: the strings of a batch (municipality codes) repeat. */
  private String lastString;
  private byte[] lastBytes;

  /** As {@code StringUtf8Coder}: the length of the UTF-8 bytes ({@link #writeVarInt}), then the bytes. */
  void writeString(String s) {
    if (s != lastString) { // the same instance again: the reading hands each repeated code over as one
      lastBytes = s.getBytes(StandardCharsets.UTF_8);
      lastString = s;
    }
    byte[] b = lastBytes;
    writeVarInt(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  /** Reads what the write methods wrote, from the start of an array. */
  static final class Reader {
    private final byte[] b;
    private int pos;
    /** The last string read: the strings of a batch (municipality codes) repeat. */
    private String lastString;
    private int lastStart = -1;
    private int lastLength;

    Reader(byte[] b) {
      this.b = b;
    }

    boolean hasMore() {
      return pos < b.length;
    }

    long readLong() {
      long v = (long) BIG_ENDIAN_LONG.get(b, pos);
      pos += 8;
      return v;
    }

    int readVarInt() {
      long u = 0;
      int shift = 0;
      while (true) {
        int x = b[pos++] & 0xFF;
        u |= (long) (x & 0x7F) << shift;
        if (x < 0x80) {
          return (int) u;
        }
        shift += 7;
      }
    }

    String readString() {
      int n = readVarInt();
      int start = pos;
      pos += n;
      if (lastStart >= 0 && n == lastLength && Arrays.equals(b, start, start + n, b, lastStart, lastStart + n)) {
        return lastString;
      }
      lastString = new String(b, start, n, StandardCharsets.UTF_8);
      lastStart = start;
      lastLength = n;
      return lastString;
    }
  }
}
