package se.glappet.figures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import se.glappet.records.Hex;
import se.glappet.records.Payment;
import se.glappet.records.ReasonCode;

/**
 * The income-support totals of one municipality-month and of each reason in it, contract sections
 * 4.3 and 4.4: distinct households, persons as the sum over households of the largest
 * adults + children seen, payments, amount and gap-reason amount, for the month ({@link #totals})
 * and for the payments of one reason ({@link #totals(Acc, ReasonCode)}).
 *
 * <p>Partial totals can be made anywhere and added later, and a payment can be taken out again
 * ({@link #remove}): the payments are summed as they are read, before the duplicate rule has
 * decided which of them it rejects. So a partial keeps, per household, every (reason, household
 * size) it saw with the number of payments that had it (a multiset, usually of one entry); a
 * removal is the same with a count of −1. Only the complete totals take each household's largest
 * size among the entries left (of any reason for the month, of the one reason for a reason's
 * totals). One table serves the month and all its reasons: a household is held once, not once for
 * the month and again for its reason (issue 13: it halved the partial totals that travel from the
 * payments' reading to their adding).
 *
 * <p>How the households are held (a national year adds millions of payments):
 * a household id of 64 lower-case hexadecimal digits, the form the inputs use, is parsed once per
 * payment into four longs ({@link HouseholdId}) and kept in an open-addressing table of longs
 * (linear probing; no id text, no map entry and no array per household). The first size of a
 * household is kept in its slot; the rare further sizes in a side array. Any other id (the
 * contract allows 16–64 digits) is kept by its text in a map, so the sets stay exact: two ids
 * are the same household exactly when their texts are equal. The partial totals' coder is
 * {@link HouseholdTotalsCoder}.
 */
public final class HouseholdTotals {
  private HouseholdTotals() {}

  /**
   * A household id, parsed once so that adding its payment to several partials costs no text work:
   * 64 lower-case hexadecimal digits as four longs (most significant first), any other id as its
   * text. Never printed: household ids are pseudonyms, kept out of logs.
   */
  public static final class HouseholdId {
    final long k0;
    final long k1;
    final long k2;
    final long k3;
    /** The id itself when it is not 64 lower-case hexadecimal digits; null otherwise. */
    final String other;
    final int hash;

    private HouseholdId(long k0, long k1, long k2, long k3, String other) {
      this.k0 = k0;
      this.k1 = k1;
      this.k2 = k2;
      this.k3 = k3;
      this.other = other;
      this.hash = other == null ? hash(k0, k1, k2, k3) : 0;
    }

    /** The id of {@code household}, as a payment carries it (validated: lower-case hexadecimal). */
    public static HouseholdId of(String household) {
      if (household.length() != 64) {
        return new HouseholdId(0, 0, 0, 0, household);
      }
      // Eight characters at a time, from their bytes (a character above U+00FF becomes '?', which
      // is not hexadecimal): under the quick compiler a loop over 64 characters was about 8 % of
      // the payments' reading.
      byte[] b = household.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      long w0 = Hex.eight(b, 0);
      long w1 = Hex.eight(b, 8);
      long w2 = Hex.eight(b, 16);
      long w3 = Hex.eight(b, 24);
      long w4 = Hex.eight(b, 32);
      long w5 = Hex.eight(b, 40);
      long w6 = Hex.eight(b, 48);
      long w7 = Hex.eight(b, 56);
      long bad = Hex.notLowerHex(w0) | Hex.notLowerHex(w1) | Hex.notLowerHex(w2) | Hex.notLowerHex(w3)
          | Hex.notLowerHex(w4) | Hex.notLowerHex(w5) | Hex.notLowerHex(w6) | Hex.notLowerHex(w7);
      if (bad != 0) {
        return new HouseholdId(0, 0, 0, 0, household);
      }
      return new HouseholdId((Hex.lowerHexValue(w0) << 32) | Hex.lowerHexValue(w1), (Hex.lowerHexValue(w2) << 32) | Hex.lowerHexValue(w3),
          (Hex.lowerHexValue(w4) << 32) | Hex.lowerHexValue(w5), (Hex.lowerHexValue(w6) << 32) | Hex.lowerHexValue(w7), null);
    }

    /** No id: it is a pseudonym. */
    @Override
    public String toString() {
      return "HouseholdId[not shown]";
    }
  }

  /** A well-mixed hash of a packed id: the table's slot is its low bits. */
  static int hash(long k0, long k1, long k2, long k3) {
    long h = k0 * 0x9E3779B97F4A7C15L;
    h = (h ^ k1) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ k2) * 0x165667B19E3779F9L;
    h = (h ^ k3) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) h;
  }

  /** Longs per slot of the table: the four of the id, then the first entry. */
  static final int STRIDE = 5;
  /** Set on the first entry of an occupied slot (an entry's size is never negative): 0 is a free slot. */
  static final long OCCUPIED = Long.MIN_VALUE;
  private static final int FIRST_CAPACITY = 8;

  /** Households seen (with the reasons and sizes of their payments) and running sums. */
  public static final class Acc {
    /**
     * The households with a 64-digit id: per slot their id's four longs and their first entry
     * ({@link #entry}) with {@link #OCCUPIED} set; null until the first. Linear probing from the
     * slot {@code hash & (capacity − 1)}; slots are never freed (a household whose payments were
     * all taken out keeps its entries, with count 0).
     */
    long[] slots;
    /** Per slot: the household's further entries, unordered; null until a household has two kinds of payment. */
    long[][] more;
    /** Households in {@link #slots}. */
    int packed;
    /** Households with any other id, by their text: entries as above, unordered; null until the first. */
    Map<String, long[]> others;
    /**
     * Payments per reason (by ordinal); null until the first payment is added or taken out. The
     * month's payments and amounts are their sums ({@link #payments}, {@link #amount},
     * {@link #gapReasonAmount}).
     */
    long[] reasonPayments;
    /** Amount per reason (by ordinal; null: zero); null until the first payment is added or taken out. */
    BigDecimal[] reasonAmounts;

    int capacity() {
      return slots == null ? 0 : slots.length / STRIDE;
    }

    /** Same households, sizes and sums (amounts compared by value). */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Acc)) {
        return false;
      }
      Acc a = (Acc) o;
      if (packed != a.packed || othersSize(this) != othersSize(a)) {
        return false;
      }
      for (ReasonCode r : REASONS) {
        if (reasonPayments(this, r) != reasonPayments(a, r) || reasonAmount(this, r).compareTo(reasonAmount(a, r)) != 0) {
          return false;
        }
      }
      for (int s = 0, n = capacity(); s < n; s++) {
        int b = s * STRIDE;
        if (slots[b + 4] != 0) {
          int t = find(a, slots[b], slots[b + 1], slots[b + 2], slots[b + 3]);
          if (t < 0 || !sameSizes(sizesAt(this, s), sizesAt(a, t))) {
            return false;
          }
        }
      }
      if (others != null) {
        for (Map.Entry<String, long[]> e : others.entrySet()) {
          long[] theirs = a.others.get(e.getKey());
          if (theirs == null || !sameSizes(e.getValue(), theirs)) {
            return false;
          }
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return households(this) * 31 + Long.hashCode(payments(this));
    }

    /** No household ids: they are pseudonyms, kept out of logs. */
    @Override
    public String toString() {
      return "Acc[" + households(this) + " households, " + payments(this) + " payments, " + amount(this) + "]";
    }
  }

  static int othersSize(Acc acc) {
    return acc.others == null ? 0 : acc.others.size();
  }

  /** The number of households held (including any whose payments were all taken out again). */
  static int households(Acc acc) {
    return acc.packed + othersSize(acc);
  }

  static final ReasonCode[] REASONS = ReasonCode.values();

  /**
   * A kind of payment of a household (its reason and household size) and the number of payments of
   * it, packed: the kind ({@link #kind}) in the high half, the count (signed) in the low.
   */
  static long entry(int kind, int count) {
    return ((long) kind << 32) | (count & 0xFFFFFFFFL);
  }

  /** The kind of payment of an entry: {@link #kind}. */
  static int kindOf(long entry) {
    return (int) (entry >> 32);
  }

  /** A reason and a household size as one number: the reason's ordinal × 256 + the size (0–255). */
  static int kind(ReasonCode reason, int size) {
    if (size < 0 || size > 255) {
      throw new IllegalArgumentException("a household size outside 0–255: " + size);
    }
    return reason.ordinal() << 8 | size;
  }

  /** The household size of a {@link #kind}. */
  static int sizeOfKind(int kind) {
    return kind & 0xFF;
  }

  /** The reason's ordinal of a {@link #kind}. */
  static int reasonOfKind(int kind) {
    return kind >>> 8;
  }

  /** The payments of reason {@code r} added (less those taken out). */
  static long reasonPayments(Acc acc, ReasonCode r) {
    return acc.reasonPayments == null ? 0 : acc.reasonPayments[r.ordinal()];
  }

  /** The amount of the payments of reason {@code r} added (less those taken out). */
  static BigDecimal reasonAmount(Acc acc, ReasonCode r) {
    BigDecimal a = acc.reasonAmounts == null ? null : acc.reasonAmounts[r.ordinal()];
    return a == null ? BigDecimal.ZERO : a;
  }

  /** The payments added (less those taken out), of every reason. */
  static long payments(Acc acc) {
    long n = 0;
    if (acc.reasonPayments != null) {
      for (long p : acc.reasonPayments) {
        n += p;
      }
    }
    return n;
  }

  /** The amount of the payments added (less those taken out), of every reason. */
  static BigDecimal amount(Acc acc) {
    return sumOfReasons(acc, false);
  }

  /** The amount of the payments of gap reasons added (less those taken out). */
  static BigDecimal gapReasonAmount(Acc acc) {
    return sumOfReasons(acc, true);
  }

  private static BigDecimal sumOfReasons(Acc acc, boolean gapReasonsOnly) {
    BigDecimal sum = BigDecimal.ZERO;
    if (acc.reasonAmounts != null) {
      for (ReasonCode r : REASONS) {
        BigDecimal a = acc.reasonAmounts[r.ordinal()];
        if (a != null && (!gapReasonsOnly || r.isGapReason())) {
          sum = sum.add(a);
        }
      }
    }
    return sum;
  }

  /**
   * Whether the reason with ordinal {@code r} has sums: a payment of it was added or taken out (its
   * amount is then set, if only to zero).
   */
  static boolean hasSums(Acc acc, int r) {
    return acc.reasonAmounts != null && acc.reasonAmounts[r] != null;
  }

  /** Adds {@code payments} and {@code amount} to reason {@code r}'s sums, households aside (for tests). */
  static Acc addSums(Acc acc, ReasonCode r, long payments, BigDecimal amount) {
    addToReason(acc, r.ordinal(), payments, amount);
    return acc;
  }

  /** Adds {@code payments} and {@code amount} to the sums of the reason with ordinal {@code r}. */
  static void addToReason(Acc acc, int r, long payments, BigDecimal amount) {
    if (acc.reasonPayments == null) {
      acc.reasonPayments = new long[REASONS.length];
      acc.reasonAmounts = new BigDecimal[REASONS.length];
    }
    acc.reasonPayments[r] += payments;
    BigDecimal before = acc.reasonAmounts[r];
    acc.reasonAmounts[r] = (before == null ? BigDecimal.ZERO : before).add(amount);
  }

  static int count(long entry) {
    return (int) entry;
  }

  /** The slot of a packed id in {@code acc}'s table, or −1. */
  static int find(Acc acc, long k0, long k1, long k2, long k3) {
    if (acc.slots == null) {
      return -1;
    }
    long[] t = acc.slots;
    int mask = t.length / STRIDE - 1;
    for (int s = hash(k0, k1, k2, k3) & mask;; s = (s + 1) & mask) {
      int b = s * STRIDE;
      if (t[b + 4] == 0) {
        return -1;
      }
      if (t[b] == k0 && t[b + 1] == k1 && t[b + 2] == k2 && t[b + 3] == k3) {
        return s;
      }
    }
  }

  /** The size entries of the household in slot {@code s}: a new array. */
  static long[] sizesAt(Acc acc, int s) {
    long first = acc.slots[s * STRIDE + 4] & ~OCCUPIED;
    long[] more = acc.more == null ? null : acc.more[s];
    if (more == null) {
      return new long[] {first};
    }
    long[] all = new long[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }

  /** The size entries of a household (a new array), or null when it is not held. For tests. */
  static long[] sizes(Acc acc, String household) {
    HouseholdId h = HouseholdId.of(household);
    if (h.other != null) {
      long[] s = acc.others == null ? null : acc.others.get(h.other);
      return s == null ? null : s.clone();
    }
    int s = find(acc, h.k0, h.k1, h.k2, h.k3);
    return s < 0 ? null : sizesAt(acc, s);
  }

  /** Adds {@code entries} (sizes with their counts) to a household's multiset, as a merge does. */
  static Acc addSizes(Acc acc, String household, long... entries) {
    HouseholdId h = HouseholdId.of(household);
    for (long e : entries) {
      change(acc, h, kindOf(e), count(e));
    }
    return acc;
  }

  /** {@code sizes} with {@code count} more payments of {@code kind}; may be {@code sizes} itself, changed. */
  private static long[] plus(long[] sizes, int kind, int count) {
    if (sizes == null) {
      return new long[] {entry(kind, count)};
    }
    for (int i = 0; i < sizes.length; i++) {
      if (kindOf(sizes[i]) == kind) {
        sizes[i] = entry(kind, count(sizes[i]) + count);
        return sizes;
      }
    }
    long[] more = Arrays.copyOf(sizes, sizes.length + 1);
    more[sizes.length] = entry(kind, count);
    return more;
  }

  private static boolean sameSizes(long[] a, long[] b) {
    long[] x = a.clone();
    long[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    return Arrays.equals(x, y);
  }

  /** A copy of {@code acc} that can be added to without changing {@code acc}. */
  public static Acc copy(Acc acc) {
    Acc c = new Acc();
    if (acc.slots != null) {
      c.slots = acc.slots.clone();
      c.packed = acc.packed;
      if (acc.more != null) {
        c.more = new long[acc.more.length][];
        for (int s = 0; s < acc.more.length; s++) {
          if (acc.more[s] != null) {
            c.more[s] = acc.more[s].clone();
          }
        }
      }
    }
    if (acc.others != null) {
      c.others = new HashMap<>(64);
      acc.others.forEach((h, s) -> c.others.put(h, s.clone()));
    }
    if (acc.reasonPayments != null) {
      c.reasonPayments = acc.reasonPayments.clone();
      c.reasonAmounts = acc.reasonAmounts.clone();
    }
    return c;
  }

  /** Adds one payment to the totals. */
  public static Acc add(Acc acc, Payment p) {
    return change(acc, HouseholdId.of(p.householdId), p, 1);
  }


  /** Takes one payment, added to these or other partial totals, out again. */
  public static Acc remove(Acc acc, Payment p) {
    return change(acc, HouseholdId.of(p.householdId), p, -1);
  }

  private static Acc change(Acc acc, HouseholdId h, Payment p, int sign) {
    change(acc, h, kind(p.reason, p.adults + p.children), sign);
    addToReason(acc, p.reason.ordinal(), sign, sign > 0 ? p.amountSek : p.amountSek.negate());
    return acc;
  }

  /** Adds {@code count} payments of kind {@code size} ({@link #kind}) to household {@code h}'s multiset. */
  private static void change(Acc acc, HouseholdId h, int kind, int count) {
    if (h.other != null) {
      if (acc.others == null) {
        acc.others = new HashMap<>(64);
      }
      long[] sizes = acc.others.get(h.other);
      long[] after = plus(sizes, kind, count);
      if (after != sizes) {
        acc.others.put(h.other, after);
      }
    } else {
      change(acc, h.k0, h.k1, h.k2, h.k3, h.hash, kind, count);
    }
  }

  /** As above, for a packed id with its {@link #hash}. */
  static void change(Acc acc, long k0, long k1, long k2, long k3, int hash, int kind, int count) {
    if (kind < 0) {
      throw new IllegalArgumentException("a payment kind below 0");
    }
    if (acc.slots == null) {
      acc.slots = new long[FIRST_CAPACITY * STRIDE];
    }
    long[] t = acc.slots;
    int mask = t.length / STRIDE - 1;
    for (int s = hash & mask;; s = (s + 1) & mask) {
      int b = s * STRIDE;
      long first = t[b + 4];
      if (first == 0) { // a new household
        t[b] = k0;
        t[b + 1] = k1;
        t[b + 2] = k2;
        t[b + 3] = k3;
        t[b + 4] = entry(kind, count) | OCCUPIED;
        if (++acc.packed * 5L > (mask + 1) * 3L) { // above 0.6 full
          grow(acc);
        }
        return;
      }
      if (t[b] == k0 && t[b + 1] == k1 && t[b + 2] == k2 && t[b + 3] == k3) {
        if (kindOf(first & ~OCCUPIED) == kind) {
          t[b + 4] = entry(kind, count(first) + count) | OCCUPIED;
        } else {
          if (acc.more == null) {
            acc.more = new long[mask + 1][];
          }
          acc.more[s] = plus(acc.more[s], kind, count);
        }
        return;
      }
    }
  }

  /** Doubles the table, moving each household (and its further sizes) to its slot in the new one. */
  private static void grow(Acc acc) {
    long[] old = acc.slots;
    long[][] oldMore = acc.more;
    int capacity = old.length / STRIDE * 2;
    long[] t = new long[capacity * STRIDE];
    long[][] more = oldMore == null ? null : new long[capacity][];
    int mask = capacity - 1;
    for (int o = 0, n = old.length / STRIDE; o < n; o++) {
      int ob = o * STRIDE;
      if (old[ob + 4] == 0) {
        continue;
      }
      int s = hash(old[ob], old[ob + 1], old[ob + 2], old[ob + 3]) & mask;
      while (t[s * STRIDE + 4] != 0) {
        s = (s + 1) & mask;
      }
      System.arraycopy(old, ob, t, s * STRIDE, STRIDE);
      if (oldMore != null) {
        more[s] = oldMore[o];
      }
    }
    acc.slots = t;
    acc.more = more;
  }

  /** Adds partial totals {@code a} into {@code into}; {@code a} is not changed. */
  public static Acc merge(Acc into, Acc a) {
    if (a.slots != null) {
      long[] t = a.slots;
      for (int s = 0, n = t.length / STRIDE; s < n; s++) {
        int b = s * STRIDE;
        long first = t[b + 4];
        if (first == 0) {
          continue;
        }
        int hash = hash(t[b], t[b + 1], t[b + 2], t[b + 3]);
        first &= ~OCCUPIED;
        change(into, t[b], t[b + 1], t[b + 2], t[b + 3], hash, kindOf(first), count(first));
        long[] more = a.more == null ? null : a.more[s];
        if (more != null) {
          for (long e : more) {
            change(into, t[b], t[b + 1], t[b + 2], t[b + 3], hash, kindOf(e), count(e));
          }
        }
      }
    }
    if (a.others != null) {
      if (into.others == null) {
        into.others = new HashMap<>(64);
      }
      a.others.forEach((h, s) -> {
        long[] mine = into.others.get(h);
        if (mine == null) {
          into.others.put(h, s.clone());
        } else {
          long[] after = mine;
          for (long e : s) {
            after = plus(after, kindOf(e), count(e));
          }
          if (after != mine) {
            into.others.put(h, after);
          }
        }
      });
    }
    if (a.reasonPayments != null) {
      for (int r = 0; r < REASONS.length; r++) {
        if (hasSums(a, r)) {
          addToReason(into, r, a.reasonPayments[r], a.reasonAmounts[r]);
        }
      }
    }
    return into;
  }

  /** Whether complete totals hold no payment: every payment added was taken out again. */
  public static boolean isEmpty(Acc acc) {
    return payments(acc) == 0;
  }

  /**
   * The published totals of complete partial totals: a household counts once, at the largest
   * size among its payments that were not taken out.
   *
   * @throws IllegalStateException when a payment was taken out that was never added
   */
  public static IncomeSupportTotals totals(Acc acc) {
    return monthTotals(acc, householdCounts(acc));
  }

  /** Whether complete totals hold no payment of reason {@code r}: none was added, or all were taken out. */
  public static boolean isEmpty(Acc acc, ReasonCode r) {
    return reasonPayments(acc, r) == 0;
  }

  /**
   * The published totals of the payments of reason {@code r} in complete partial totals: a
   * household counts once, at the largest size among its payments of that reason that were not
   * taken out; the gap-reason amount is the amount when {@code r} is a gap reason, else zero.
   *
   * @throws IllegalStateException when a payment was taken out that was never added
   */
  public static IncomeSupportTotals totals(Acc acc, ReasonCode r) {
    return reasonTotals(acc, r, householdCounts(acc));
  }

  /**
   * {@link #totals(Acc)} at index 0 and {@link #totals(Acc, ReasonCode)} at 1 + the reason's
   * ordinal, or null there when {@link #isEmpty(Acc, ReasonCode)}: one pass over the households.
   */
  public static IncomeSupportTotals[] totalsWithReasons(Acc acc) {
    long[] counts = householdCounts(acc);
    IncomeSupportTotals[] t = new IncomeSupportTotals[REASONS.length + 1];
    t[0] = monthTotals(acc, counts);
    for (ReasonCode r : REASONS) {
      if (!isEmpty(acc, r)) {
        t[1 + r.ordinal()] = reasonTotals(acc, r, counts);
      }
    }
    return t;
  }

  private static IncomeSupportTotals monthTotals(Acc acc, long[] counts) {
    long payments = payments(acc);
    if (payments < 0) {
      throw new IllegalStateException("more payments taken out of the income-support totals than added");
    }
    IncomeSupportTotals t = new IncomeSupportTotals();
    t.households = counts[0];
    t.persons = counts[1];
    t.payments = payments;
    t.amount = amount(acc);
    t.gapReasonAmount = gapReasonAmount(acc);
    return t;
  }

  private static IncomeSupportTotals reasonTotals(Acc acc, ReasonCode r, long[] counts) {
    long payments = reasonPayments(acc, r);
    if (payments < 0) {
      throw new IllegalStateException("more payments taken out of the income-support totals than added");
    }
    IncomeSupportTotals t = new IncomeSupportTotals();
    t.households = counts[2 + 2 * r.ordinal()];
    t.persons = counts[3 + 2 * r.ordinal()];
    t.payments = payments;
    t.amount = reasonAmount(acc, r);
    t.gapReasonAmount = r.isGapReason() ? t.amount : BigDecimal.ZERO;
    return t;
  }

  /**
   * Households and persons in one pass: at [0] and [1] of the month (a household counts at its
   * largest size left of any reason), at [2 + 2r] and [3 + 2r] of the reason with ordinal r (at its
   * largest size left of that reason). A household with nothing left is not counted.
   */
  private static long[] householdCounts(Acc acc) {
    long[] counts = new long[2 * (REASONS.length + 1)];
    int[] largest = new int[REASONS.length];
    Arrays.fill(largest, -1);
    if (acc.slots != null) {
      long[] slots = acc.slots;
      for (int s = 0, n = slots.length / STRIDE; s < n; s++) {
        long first = slots[s * STRIDE + 4];
        if (first != 0) {
          countHousehold(counts, largest, first & ~OCCUPIED, acc.more == null ? null : acc.more[s], 0);
        }
      }
    }
    if (acc.others != null) {
      for (long[] entries : acc.others.values()) {
        countHousehold(counts, largest, entries[0], entries, 1);
      }
    }
    return counts;
  }

  /**
   * Counts one household with its entries {@code first} and {@code more[from..]} ({@code more} may
   * be null); {@code largest} is left all −1.
   */
  private static void countHousehold(long[] counts, int[] largest, long first, long[] more, int from) {
    int any = note(largest, first, -1);
    if (more != null) {
      for (int i = from; i < more.length; i++) {
        any = note(largest, more[i], any);
      }
    }
    if (any < 0) {
      return;
    }
    counts[0]++;
    counts[1] += any;
    for (int r = 0; r < largest.length; r++) {
      if (largest[r] >= 0) {
        counts[2 + 2 * r]++;
        counts[3 + 2 * r] += largest[r];
        largest[r] = -1;
      }
    }
  }

  /** Notes entry {@code e} if payments of it are left: its reason's largest size; returns the largest of any. */
  private static int note(int[] largest, long e, int any) {
    if (count(e) < 0) {
      throw new IllegalStateException("a payment was taken out of the income-support totals that was"
          + " never added (an input file changed while the batch was reading it?)");
    }
    if (count(e) == 0) {
      return any;
    }
    int r = reasonOfKind(kindOf(e));
    int size = sizeOfKind(kindOf(e));
    if (r >= largest.length) {
      throw new IllegalStateException("an entry of no reason: " + r);
    }
    largest[r] = Math.max(largest[r], size);
    return Math.max(any, size);
  }
}
