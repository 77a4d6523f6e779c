package se.glappet.figures;

import java.util.HashSet;
import java.util.Set;
import se.glappet.records.Hex;

/**
 * The persons with allowance rows, asked once per payment whether the payment's person is among
 * them (about 3 % are). Exact, and cheap for the 97 % that are not: each person's id is kept as
 * text, and the first 16 characters of every id that starts with 16 hexadecimal digits (every
 * pseudonym does, contract 2.1) also as one long in an open-addressing table. An id whose long is
 * not in the table cannot be in the set, so it is answered without hashing its text; only the
 * others are looked up by their whole text.
 */
final class CandidatePersons {
  private static final int PREFIX = 16;
  /** Open addressing, linear probing; 0 marks a free slot, so the long 0 is kept in {@link #hasZero}. */
  private long[] table = new long[64];
  private int used;
  private boolean hasZero;
  private final Set<String> ids = new HashSet<>();
  /** The prefix's bytes of the id being asked about; an instance serves one thread. */
  private final byte[] scratch = new byte[PREFIX];

  CandidatePersons(Iterable<String> persons) {
    for (String id : persons) {
      ids.add(id);
      long p = prefix(id);
      if (p != NOT_HEX) {
        addPrefix(p);
      }
    }
  }

  /** Whether {@code id} is one of the persons. */
  boolean contains(String id) {
    long p = prefix(id, scratch);
    if (p != NOT_HEX && (!mayHavePrefix(p) || !hasPrefix(p))) {
      return false;
    }
    return ids.contains(id);
  }

  /**
   * A bit per {@link #FILTER_BITS}-bit hash of a prefix, set for every prefix in the table: a
   * prefix whose bit is clear is not in it. Its 128 KB stay in a core's cache, where the table
   * (512 KB for a national year's 26 000 persons, 2 MB for four years' 64 000) does not. On a
   * national year about 95 % of the payments are answered here: the persons set about 2.5 % of the
   * bits (6 % for four years), and about 3 % of the payments are theirs.
   */
  private final long[] filter = new long[1 << (FILTER_BITS - 6)];
  private static final int FILTER_BITS = 20;

  private static int filterBit(long p) {
    return (int) ((p * 0xC2B2AE3D27D4EB4FL) >>> (64 - FILTER_BITS));
  }

  private boolean mayHavePrefix(long p) {
    int b = filterBit(p);
    return (filter[b >>> 6] & (1L << b)) != 0;
  }

  int size() {
    return ids.size();
  }

  /** Marks an id without 16 leading hexadecimal digits (its prefix says nothing); no prefix is this. */
  static final long NOT_HEX = 0x7FF0_DEAD_0000_0001L;

  /**
   * The first 16 characters as a long when they are hexadecimal digits (either case: the set then
   * also answers an id that differs only in case by its text), else {@link #NOT_HEX}. Two ids
   * with different prefixes differ; equal prefixes say nothing.
   */
  static long prefix(String id) {
    return prefix(id, new byte[PREFIX]);
  }

  /**
   * {@link #prefix(String)} with the first 16 characters' low bytes copied into {@code scratch}
   * (no allocation: for an ISO-8859-1 string it is an array copy). A pseudonym's digits are lower
   * case, read eight at a time from those bytes. A character above U+00FF is read by its low byte
   * there, so an id holding one (never a pseudonym) may get a prefix as if it were a digit; the
   * set stays exact all the same, because its ids' prefixes were made by this same function and
   * only a prefix that is not in the table answers "no".
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low bytes, copied
  static long prefix(String id, byte[] scratch) {
    if (id.length() < PREFIX) {
      return NOT_HEX;
    }
    id.getBytes(0, PREFIX, scratch, 0);
    long hi = Hex.eight(scratch, 0);
    long lo = Hex.eight(scratch, 8);
    if ((Hex.notLowerHex(hi) | Hex.notLowerHex(lo)) == 0) {
      long v = (Hex.lowerHexValue(hi) << 32) | Hex.lowerHexValue(lo);
      return v == NOT_HEX ? v ^ 1 : v;
    }
    long v = 0;
    for (int i = 0; i < PREFIX; i++) { // any other id, character by character
      int d = Hex.nibble(id.charAt(i));
      if (d < 0) {
        return NOT_HEX;
      }
      v = (v << 4) | d;
    }
    return v == NOT_HEX ? v ^ 1 : v; // the marker itself folds onto a neighbour: only a filter
  }

  private static int slot(long p, int mask) {
    long h = p * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private boolean hasPrefix(long p) {
    if (p == 0) {
      return hasZero;
    }
    int mask = table.length - 1;
    for (int i = slot(p, mask); ; i = (i + 1) & mask) {
      long t = table[i];
      if (t == p) {
        return true;
      }
      if (t == 0) {
        return false;
      }
    }
  }

  private void addPrefix(long p) {
    int b = filterBit(p);
    filter[b >>> 6] |= 1L << b;
    if (p == 0) {
      hasZero = true;
      return;
    }
    if (hasPrefix(p)) {
      return;
    }
    if (2 * (used + 1) > table.length) {
      long[] old = table;
      table = new long[old.length * 2];
      used = 0;
      for (long t : old) {
        if (t != 0) {
          insert(t);
        }
      }
    }
    insert(p);
  }

  private void insert(long p) {
    int mask = table.length - 1;
    int i = slot(p, mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = p;
    used++;
  }
}
