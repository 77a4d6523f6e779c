package se.glappet.generate;

import java.util.SplittableRandom;

/**
 * Seeded randomness: derived seeds (so every municipality and file has its own stream, independent of
 * thread order), pseudonyms and the few distributions the generator draws from.
 */
final class Seeds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Seeds() {}

  /** SplitMix64's finaliser: a good 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A seed derived from the run seed and a path of parts (municipality, purpose, month …). */
  static long derive(long seed, long... parts) {
    long h = mix(seed + 0x9E3779B97F4A7C15L);
    for (long p : parts) {
      h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  static SplittableRandom rng(long seed, long... parts) {
    return new SplittableRandom(derive(seed, parts));
  }

  /** A 64-character lower-case hexadecimal pseudonym (256 random bits, like a keyed SHA-256). */
  static String pseudonym(SplittableRandom r) {
    char[] c = new char[64];
    for (int w = 0; w < 4; w++) {
      long v = r.nextLong();
      for (int i = 0; i < 16; i++) {
        c[w * 16 + i] = HEX[(int) (v >>> (60 - 4 * i)) & 15];
      }
    }
    return new String(c);
  }

  /** Standard normal (Box–Muller, one value per call). */
  static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }

  /** A Poisson count with mean lambda (Knuth below 30, rounded normal above). */
  static int poisson(SplittableRandom r, double lambda) {
    if (!(lambda > 0)) {
      return 0;
    }
    if (lambda >= 30) {
      return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(r)));
    }
    double limit = Math.exp(-lambda);
    double p = r.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= r.nextDouble();
      k++;
    }
    return k;
  }

  /** x rounded down or up at random so that the mean is x. */
  static int roundRandom(SplittableRandom r, double x) {
    double f = Math.floor(x);
    return (int) f + (r.nextDouble() < x - f ? 1 : 0);
  }

  /** Children in a household: mostly 0–2, rarely up to 9. */
  static int children(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.55) {
      return 0;
    } else if (u < 0.72) {
      return 1;
    } else if (u < 0.85) {
      return 2;
    } else if (u < 0.93) {
      return 3;
    } else if (u < 0.97) {
      return 4;
    } else if (u < 0.99) {
      return 5;
    } else if (u < 0.998) {
      return 6;
    }
    return 7 + r.nextInt(3);
  }
}
