package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fingerprints packed by hand are byte for byte what their coder writes, and read back whole. */
class PackedBytesTest {
  private static final List<RowFingerprint> ROWS = List.of(
      new RowFingerprint(Long.MIN_VALUE, -1L, 0, 2, 0x0123456789abcdefL, 1L, "0127", 2011 * 12),
      new RowFingerprint(Long.MAX_VALUE, 0L, 3479, 1_234_567, -2L, Long.MIN_VALUE, "", RowFingerprint.NO_MONTH),
      new RowFingerprint(42L, 43L, 127, 128, 0L, 0L, "0127", 0),
      new RowFingerprint(1L, 2L, Integer.MAX_VALUE, 16_384, 3L, 4L, "Håbo\u2212", 24_131));

  @Test
  void sameBytesAsTheCoder() throws Exception {
    ByteArrayOutputStream coded = new ByteArrayOutputStream();
    PackedBytes packed = new PackedBytes(4); // grows
    for (RowFingerprint f : ROWS) {
      RowFingerprint.FingerprintCoder.of().encode(f, coded);
      f.writeTo(packed);
    }
    assertArrayEquals(coded.toByteArray(), packed.toByteArray());
    assertEquals(coded.size(), packed.size());
  }

  @Test
  void readBack() {
    PackedBytes packed = new PackedBytes(16);
    for (RowFingerprint f : ROWS) {
      f.writeTo(packed);
    }
    ROWS.get(0).writeTo(packed);
    PackedBytes.Reader in = new PackedBytes.Reader(packed.toByteArray());
    for (RowFingerprint f : ROWS) {
      assertEquals(f, RowFingerprint.readFrom(in));
    }
    RowFingerprint again = RowFingerprint.readFrom(in);
    assertEquals(ROWS.get(0), again);
    assertFalse(in.hasMore());
  }

  @Test
  void repeatedStringsAreOneString() {
    PackedBytes packed = new PackedBytes(16);
    packed.writeString("0127");
    packed.writeString("0127");
    packed.writeString("0128");
    PackedBytes.Reader in = new PackedBytes.Reader(packed.toByteArray());
    String first = in.readString();
    assertSame(first, in.readString());
    assertEquals("0128", in.readString());
  }

  @Test
  void varIntsAsBeamWritesThem() {
    PackedBytes packed = new PackedBytes(1);
    packed.writeVarInt(0);
    packed.writeVarInt(127);
    packed.writeVarInt(128);
    packed.writeVarInt(-1);
    assertArrayEquals(new byte[] {0, 127, (byte) 0x80, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
        packed.toByteArray());
  }
}
