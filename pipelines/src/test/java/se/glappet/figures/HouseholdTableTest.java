package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import se.glappet.records.Payment;
import se.glappet.records.ReasonCode;
import se.glappet.testing.CoderChecks;

/**
 * The household table inside {@link HouseholdTotals.Acc}: 64-digit ids as four longs in an
 * open-addressing table, other ids by their text. Every check compares with a plain map of the
 * same payments, or with counts worked out by hand.
 */
class HouseholdTableTest {
  private static final HouseholdTotalsCoder CODER = new HouseholdTotalsCoder();

  private static Payment pay(String household, int adults, int children, String amount) {
    return new Payment("0127", "P", household, "0123456789abcdef", LocalDate.of(2011, 1, 3),
        LocalDate.of(2011, 1, 1), LocalDate.of(2011, 1, 31), new BigDecimal(amount), ReasonCode.values()[0],
        adults, children);
  }

  /** A 64-digit id: {@code i} in the last 16 digits, {@code prefix} (48 digits) before it. */
  private static String id(String prefix, long i) {
    return prefix + String.format("%016x", i);
  }

  private static final String SAME_48 = "0123456789abcdef".repeat(3);

  @Test
  void idsThatDifferOnlyInTheLastDigitAreDifferentHouseholds() {
    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    String base = "f".repeat(63);
    for (char c : "0123456789abcdef".toCharArray()) {
      HouseholdTotals.add(a, pay(base + c, 1, 0, "1"));
    }
    HouseholdTotals.add(a, pay(base + "7", 2, 0, "1")); // a second size for one of them
    IncomeSupportTotals t = HouseholdTotals.totals(a);
    assertEquals(16, t.households);
    assertEquals(15 * 1 + 2, t.persons);
    assertEquals(17, t.payments);
    assertEquals(16, a.packed);
    assertNull(a.others);
    assertArrayEquals(new long[] {HouseholdTotals.entry(1, 1), HouseholdTotals.entry(2, 1)},
        HouseholdTotals.sizes(a, base + "7"));
    assertArrayEquals(new long[] {HouseholdTotals.entry(1, 1)}, HouseholdTotals.sizes(a, base + "8"));
  }

  @Test
  void idsWithEqualFirstLongsOrEqualLastLongsAreDifferentHouseholds() {
    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    for (int i = 0; i < 50; i++) {
      HouseholdTotals.add(a, pay(id(SAME_48, i), 1, i % 3, "10")); // first three longs equal
      HouseholdTotals.add(a, pay(String.format("%016x", i) + SAME_48, 2, 0, "10")); // last three equal
    }
    IncomeSupportTotals t = HouseholdTotals.totals(a);
    assertEquals(100, t.households);
    // 50 households of 1 + (0, 1 or 2 children): 50 + (17·0 + 17·1 + 16·2) = 99; 50 of 2: 100
    assertEquals(99 + 100, t.persons);
    assertEquals(100, t.payments);
    assertArrayEquals(new long[] {HouseholdTotals.entry(3, 1)}, HouseholdTotals.sizes(a, id(SAME_48, 5)));
    assertArrayEquals(new long[] {HouseholdTotals.entry(2, 1)},
        HouseholdTotals.sizes(a, String.format("%016x", 5) + SAME_48));
  }

  @Test
  void idsOnOneHomeSlotAreProbedPastEachOtherAndWrapAroundTheTable() throws Exception {
    // Four ids whose home slot in the first table (8 slots) is the last: they fill slots 7, 0, 1, 2.
    List<String> ids = new ArrayList<>();
    for (long i = 0; ids.size() < 4; i++) {
      HouseholdTotals.HouseholdId h = HouseholdTotals.HouseholdId.of(id(SAME_48, i));
      if ((h.hash & 7) == 7) {
        ids.add(id(SAME_48, i));
      }
    }
    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    for (int i = 0; i < 4; i++) {
      HouseholdTotals.add(a, pay(ids.get(i), 1, i, "1"));
    }
    assertEquals(8, a.capacity()); // 4 of 8: not yet grown
    for (int i = 0; i < 4; i++) {
      assertEquals(new int[] {7, 0, 1, 2}[i], HouseholdTotals.find(a,
          HouseholdTotals.HouseholdId.of(ids.get(i)).k0, HouseholdTotals.HouseholdId.of(ids.get(i)).k1,
          HouseholdTotals.HouseholdId.of(ids.get(i)).k2, HouseholdTotals.HouseholdId.of(ids.get(i)).k3));
      assertArrayEquals(new long[] {HouseholdTotals.entry(1 + i, 1)}, HouseholdTotals.sizes(a, ids.get(i)));
    }
    assertNull(HouseholdTotals.sizes(a, id(SAME_48, 999_999)));
    IncomeSupportTotals t = HouseholdTotals.totals(a);
    assertEquals(4, t.households);
    assertEquals(1 + 2 + 3 + 4, t.persons);
    // Decoded, each household is in the slot it was in: the same bytes again.
    byte[] bytes = encode(a);
    HouseholdTotals.Acc back = CoderUtils.decodeFromByteArray(CODER, bytes);
    assertEquals(a, back);
    assertArrayEquals(bytes, encode(back));
  }

  @Test
  void theTableGrowsAndKeepsEveryHousehold() {
    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    long persons = 0;
    for (int i = 0; i < 20_000; i++) {
      int size = 1 + i % 7;
      HouseholdTotals.add(a, pay(id(SAME_48, i * 31L), 1, size - 1, "2.50"));
      persons += size;
      if (i % 1000 == 0) { // a second payment of another size
        HouseholdTotals.add(a, pay(id(SAME_48, i * 31L), 1, size, "2.50"));
        persons += 1;
      }
    }
    assertEquals(20_000, a.packed);
    // At most 0.6 full: 2^16 = 65 536 slots (2^15 holds at most 0.6 · 32 768 = 19 660).
    assertEquals(65_536, a.capacity());
    IncomeSupportTotals t = HouseholdTotals.totals(a);
    assertEquals(20_000, t.households);
    assertEquals(persons, t.persons);
    assertEquals(20_020, t.payments);
    assertEquals(new BigDecimal("50050.00"), t.amount);
    assertArrayEquals(new long[] {HouseholdTotals.entry(1 + 3000 % 7, 1), HouseholdTotals.entry(2 + 3000 % 7, 1)},
        HouseholdTotals.sizes(a, id(SAME_48, 3000 * 31L)));
    assertArrayEquals(new long[] {HouseholdTotals.entry(1 + 3001 % 7, 1)},
        HouseholdTotals.sizes(a, id(SAME_48, 3001 * 31L)));
    assertNull(HouseholdTotals.sizes(a, id(SAME_48, 3001 * 31L + 1)));
  }

  @Test
  void removalsLeaveTheLargestSizeLeftAndAHouseholdWithNothingLeftIsNotCounted() {
    String h1 = id(SAME_48, 1);
    String h2 = id(SAME_48, 2);
    String shortId = "0123456789abcdef"; // 16 digits: kept by its text
    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    HouseholdTotals.add(a, pay(h1, 2, 3, "100")); // 5
    HouseholdTotals.add(a, pay(h1, 1, 1, "50")); // 2
    HouseholdTotals.add(a, pay(h1, 2, 1, "70")); // 3
    HouseholdTotals.add(a, pay(h2, 1, 0, "30"));
    HouseholdTotals.add(a, pay(shortId, 2, 0, "20"));
    HouseholdTotals.remove(a, pay(h1, 2, 3, "100")); // h1's largest (5) taken out: 3 left
    HouseholdTotals.remove(a, pay(h2, 1, 0, "30")); // h2: nothing left
    IncomeSupportTotals t = HouseholdTotals.totals(a);
    assertEquals(2, t.households); // h1 and the short id
    assertEquals(3 + 2, t.persons);
    assertEquals(3, t.payments);
    assertEquals(new BigDecimal("140"), t.amount);
    assertEquals(3, HouseholdTotals.households(a)); // h2 is still held, with a count of 0
    assertArrayEquals(new long[] {HouseholdTotals.entry(1, 0)}, HouseholdTotals.sizes(a, h2));
    HouseholdTotals.remove(a, pay(h1, 2, 1, "70"));
    HouseholdTotals.remove(a, pay(h1, 1, 1, "50"));
    HouseholdTotals.remove(a, pay(shortId, 2, 0, "20"));
    assertTrue(HouseholdTotals.isEmpty(a));
    assertEquals(0, HouseholdTotals.totals(a).households);
    HouseholdTotals.remove(a, pay(h1, 1, 1, "50")); // once more than added
    assertThrows(IllegalStateException.class, () -> HouseholdTotals.totals(a));
  }

  @Test
  void mergingTwoTablesAddsTheirMultisetsAndChangesNeitherInput() throws Exception {
    HouseholdTotals.Acc a = new HouseholdTotals.Acc();
    HouseholdTotals.Acc b = new HouseholdTotals.Acc();
    for (int i = 0; i < 300; i++) {
      HouseholdTotals.add(a, pay(id(SAME_48, i), 1, i % 4, "1")); // sizes 1–4
    }
    for (int i = 200; i < 500; i++) {
      HouseholdTotals.add(b, pay(id(SAME_48, i), 2, 2, "1")); // size 4
    }
    HouseholdTotals.remove(b, pay(id(SAME_48, 203), 1, 3, "1")); // a's payment of 203 (size 4), taken out
    HouseholdTotals.add(b, pay("abcdef0123456789a", 1, 0, "1"));
    byte[] aBytes = encode(a);
    byte[] bBytes = encode(b);
    HouseholdTotals.Acc sum = HouseholdTotals.merge(HouseholdTotals.copy(a), b);
    assertArrayEquals(aBytes, encode(a));
    assertArrayEquals(bBytes, encode(b));
    assertEquals(501, HouseholdTotals.households(sum));
    IncomeSupportTotals t = HouseholdTotals.totals(sum);
    assertEquals(501, t.households);
    // 0–199: sizes 1–4 cycling, 50 of each: 500; 200–499 at 4 (a's sizes are at most 4): 1200; the short id: 1
    assertEquals(500 + 1200 + 1, t.persons);
    assertEquals(300 + 300 - 1 + 1, t.payments);
    assertArrayEquals(new long[] {HouseholdTotals.entry(4, 1)}, HouseholdTotals.sizes(sum, id(SAME_48, 203)));
    assertArrayEquals(new long[] {HouseholdTotals.entry(3, 1), HouseholdTotals.entry(4, 1)},
        HouseholdTotals.sizes(sum, id(SAME_48, 202)));
    // The other order gives equal totals, with the multisets in another order.
    assertEquals(sum, HouseholdTotals.merge(HouseholdTotals.copy(b), a));
  }

  @Test
  void theCoderWritesEachTableHouseholdAsItsFourLongsAndRoundTrips() throws Exception {
    String h = "00112233445566778899aabbccddeeff" + "0123456789abcdeffedcba9876543210";
    HouseholdTotals.Acc one = HouseholdTotals.add(new HouseholdTotals.Acc(), pay(h, 2, 1, "12.34"));
    byte[] bytes = encode(one);
    // Block length 38, then: 8 slots, 1 household, its 32 bytes, 1 entry of size 3 and count 1,
    // no other households; then payments 1 and the two amounts.
    assertEquals(38, bytes[0]);
    assertEquals(8, bytes[1]);
    assertEquals(1, bytes[2]);
    byte[] id = new byte[32];
    for (int i = 0; i < 32; i++) {
      id[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    assertArrayEquals(id, Arrays.copyOfRange(bytes, 3, 35));
    assertArrayEquals(new byte[] {1, 3, 1, 0, 1}, Arrays.copyOfRange(bytes, 35, 40));

    HouseholdTotals.Acc mixed = new HouseholdTotals.Acc();
    Random r = new Random(13);
    for (int i = 0; i < 3000; i++) {
      String household = i % 10 == 0 ? String.format("%0" + (16 + i % 40) + "x", i) : id(SAME_48, r.nextInt(2000));
      HouseholdTotals.add(mixed, pay(household, 1 + r.nextInt(2), r.nextInt(4), "1.5"));
      if (i % 7 == 0) {
        HouseholdTotals.remove(mixed, pay(household, 1, 9, "1.5")); // a size never added: count −1
      }
    }
    CoderChecks.roundTrips(CODER, new HouseholdTotals.Acc(), one, mixed);
    HouseholdTotals.Acc back = CoderUtils.clone(CODER, mixed);
    assertEquals(mixed, back);
    assertEquals(HouseholdTotals.households(mixed), HouseholdTotals.households(back));
    long[] sizes = HouseholdTotals.sizes(mixed, String.format("%046x", 1350)); // 16 + 1350 % 40 digits
    assertEquals(1, sizes.length);
    assertArrayEquals(sizes, HouseholdTotals.sizes(back, String.format("%046x", 1350)));
  }

  @Test
  void equalsComparesHouseholdsAndTheirSizes() {
    HouseholdTotals.Acc a = HouseholdTotals.add(new HouseholdTotals.Acc(), pay(id(SAME_48, 1), 1, 0, "1"));
    HouseholdTotals.Acc b = HouseholdTotals.add(new HouseholdTotals.Acc(), pay(id(SAME_48, 2), 1, 0, "1"));
    HouseholdTotals.Acc c = HouseholdTotals.add(new HouseholdTotals.Acc(), pay(id(SAME_48, 1), 2, 0, "1"));
    assertNotEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(a, HouseholdTotals.copy(a));
    assertFalse(a.toString().contains(id(SAME_48, 1)));
    assertFalse(HouseholdTotals.HouseholdId.of(id(SAME_48, 1)).toString().contains("0123"));
  }

  /**
   * Random payments and removals over a small set of ids (both kinds), split over several
   * partials merged in two orders: every household's multiset and the totals equal those of a
   * plain map.
   */
  @Test
  void randomPaymentsGiveWhatAPlainMapGives() throws Exception {
    Random r = new Random(42);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      ids.add(i % 25 == 0 ? String.format("%020x", r.nextLong() & Long.MAX_VALUE)
          : String.format("%016x%016x%016x%016x", r.nextLong(), r.nextInt(3), r.nextLong(), r.nextInt(4)));
    }
    Map<String, Map<Integer, Integer>> expected = new HashMap<>();
    List<HouseholdTotals.Acc> parts = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      parts.add(new HouseholdTotals.Acc());
    }
    long payments = 0;
    for (int i = 0; i < 5000; i++) {
      String h = ids.get(r.nextInt(ids.size()));
      Map<Integer, Integer> seen = expected.computeIfAbsent(h, k -> new TreeMap<>());
      HouseholdTotals.Acc part = parts.get(r.nextInt(parts.size()));
      List<Integer> left = new ArrayList<>();
      seen.forEach((size, count) -> {
        if (count > 0) {
          left.add(size);
        }
      });
      if (r.nextInt(4) == 0 && !left.isEmpty()) { // take out one of its payments, maybe into another part
        int size = left.get(r.nextInt(left.size()));
        HouseholdTotals.remove(part, pay(h, 1, size - 1, "3"));
        seen.merge(size, -1, Integer::sum);
        payments--;
      } else {
        int adults = 1 + r.nextInt(2);
        int children = r.nextInt(3);
        HouseholdTotals.add(part, pay(h, adults, children, "3"));
        seen.merge(adults + children, 1, Integer::sum);
        payments++;
      }
    }
    HouseholdTotals.Acc forward = new HouseholdTotals.Acc();
    for (HouseholdTotals.Acc part : parts) {
      HouseholdTotals.merge(forward, CoderUtils.clone(CODER, part));
    }
    HouseholdTotals.Acc backward = HouseholdTotals.copy(parts.get(4));
    for (int p = 3; p >= 0; p--) {
      HouseholdTotals.merge(backward, parts.get(p));
    }
    assertEquals(forward, backward);
    assertEquals(expected.size(), HouseholdTotals.households(forward));
    for (Map.Entry<String, Map<Integer, Integer>> e : expected.entrySet()) {
      Map<Integer, Integer> got = new TreeMap<>();
      for (long entry : HouseholdTotals.sizes(forward, e.getKey())) {
        assertNull(got.put(HouseholdTotals.kindOf(entry), HouseholdTotals.count(entry)));
      }
      assertEquals(e.getValue(), got);
    }
    assertEquals(payments, HouseholdTotals.payments(forward));
    long households = 0;
    long persons = 0;
    for (Map<Integer, Integer> sizes : expected.values()) {
      int largest = sizes.entrySet().stream().filter(e -> e.getValue() > 0).mapToInt(Map.Entry::getKey).max()
          .orElse(-1);
      if (largest >= 0) {
        households++;
        persons += largest;
      }
    }
    assertTrue(households < expected.size()); // some households had every payment taken out
    IncomeSupportTotals t = HouseholdTotals.totals(forward);
    assertEquals(households, t.households);
    assertEquals(persons, t.persons);
    assertEquals(payments, t.payments);
    assertEquals(new BigDecimal(3 * payments), t.amount);
  }

  private static byte[] encode(HouseholdTotals.Acc a) {
    try {
      return CoderUtils.encodeToByteArray(CODER, a);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anIdIsReadEightDigitsAtATimeAsDigitByDigit() {
    java.util.Random rnd = new java.util.Random(17);
    String alphabet = "0123456789abcdefABCDEFgz/:`@G\u00e5\u2212";
    for (int round = 0; round < 20_000; round++) {
      char[] c = new char[64];
      for (int i = 0; i < 64; i++) {
        c[i] = "0123456789abcdef".charAt(rnd.nextInt(16));
      }
      if (round % 2 == 1) { // one character anywhere that is not a lower-case digit
        c[rnd.nextInt(64)] = alphabet.charAt(16 + rnd.nextInt(alphabet.length() - 16));
      }
      String id = new String(c);
      long[] k = new long[4];
      boolean lowerHex = true;
      for (int i = 0; i < 64; i++) {
        int n = Character.digit(c[i], 16);
        lowerHex &= n >= 0 && !(c[i] >= 'A' && c[i] <= 'F');
        k[i / 16] = (k[i / 16] << 4) | (n & 0xF);
      }
      HouseholdTotals.HouseholdId h = HouseholdTotals.HouseholdId.of(id);
      if (lowerHex) {
        assertNull(h.other, id);
        assertArrayEquals(k, new long[] {h.k0, h.k1, h.k2, h.k3}, id);
      } else {
        assertEquals(id, h.other);
      }
    }
  }
}
