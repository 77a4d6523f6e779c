package se.glappet.ingest;

/**
 * A 128-bit hash of a string for telling keys and rows apart (not for security): MurmurHash3's
 * x64 128-bit rounds and finaliser (Austin Appleby, public domain) over the string's UTF-16 code
 * units, four to a 64-bit lane. About three times faster than MD5 through {@code MessageDigest}
 * and, for the non-adversarial text of input rows, as good: two different strings share a digest
 * with probability about 2<sup>-128</sup>.
 */
final class Digest128 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private Digest128() {}

  /** {high, low}. */
  static long[] of(String s) {
    long h1 = 0x9368e53c2f6af274L;
    long h2 = 0x586dcd208f7cd3fdL;
    int n = s.length();
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      long k1 = lane(s, i);
      long k2 = lane(s, i + 4);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    if (i < n) { // the tail: up to seven code units, zero-padded
      long k1 = 0;
      long k2 = 0;
      for (int j = 0; i + j < n; j++) {
        long c = s.charAt(i + j);
        if (j < 4) {
          k1 |= c << (16 * j);
        } else {
          k2 |= c << (16 * (j - 4));
        }
      }
      h1 ^= mixK1(k1);
      h2 ^= mixK2(k2);
    }
    return finish(h1, h2, n);
  }

  /**
   * {@link #of(String)} of the Latin-1 text {@code b[from, from + n)} (each byte one code unit), read
   * straight from the bytes: the parser builds canonical rows and keys as bytes.
   */
  static long[] of(byte[] b, int from, int n) {
    long h1 = 0x9368e53c2f6af274L;
    long h2 = 0x586dcd208f7cd3fdL;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      long eight = (long) EIGHT.get(b, from + i); // 8 bytes at once, the first in the lowest bits
      long k1 = widen((int) eight);
      long k2 = widen((int) (eight >>> 32));
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    if (i < n) {
      long k1 = 0;
      long k2 = 0;
      for (int j = 0; i + j < n; j++) {
        long c = b[from + i + j] & 0xFF;
        if (j < 4) {
          k1 |= c << (16 * j);
        } else {
          k2 |= c << (16 * (j - 4));
        }
      }
      h1 ^= mixK1(k1);
      h2 ^= mixK2(k2);
    }
    return finish(h1, h2, n);
  }

  /** The last mixing of both forms: the length of the text in code units, then each half into the other. */
  private static long[] finish(long h1, long h2, int n) {
    h1 ^= 2L * n;
    h2 ^= 2L * n;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  /** Eight bytes of a byte array as one long, the first in the lowest bits (also {@link CanonicalBuffer}'s). */
  static final java.lang.invoke.VarHandle EIGHT =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Four Latin-1 bytes (the first in the lowest bits) as four 16-bit code units, as
   * {@link #lane(String, int)} reads them: each byte moved to its own 16 bits.
   */
  private static long widen(int four) {
    long x = four & 0xFFFFFFFFL;
    x = (x | x << 16) & 0x0000FFFF0000FFFFL;
    return (x | x << 8) & 0x00FF00FF00FF00FFL;
  }

  private static long lane(String s, int i) {
    return s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48;
  }

  private static long mixK1(long k1) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    return k1 * C2;
  }

  private static long mixK2(long k2) {
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    return k2 * C1;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
