package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidatePersonsTest {
  private static final String A = "0123456789abcdef".repeat(4);

  @Test
  void theSameFirstSixteenDigitsAreNotEnough() {
    CandidatePersons s = new CandidatePersons(List.of(A));
    assertTrue(s.contains(A));
    assertTrue(s.contains(new String(A.toCharArray()))); // by value, not identity
    assertFalse(s.contains(A.substring(0, 63) + "0"), "differs only in the last digit");
    assertFalse(s.contains(A.substring(0, 16)), "the prefix alone");
    assertFalse(s.contains(A.toUpperCase()), "ids are compared as text");
  }

  /**
   * A character above U+00FF is read by its low byte for the prefix: U+0130 ('İ') reads as
   * '0' and U+0161 ('š') as 'a'. The answers stay exact, in and out of the set.
   */
  @Test
  void aWideCharacterThatReadsAsADigitDoesNotChangeTheAnswers() {
    String wide = "\u0130" + A.substring(1, 10) + "\u0161" + A.substring(11);
    String itsDigits = "0" + A.substring(1, 10) + "a" + A.substring(11);
    assertEquals(CandidatePersons.prefix(itsDigits), CandidatePersons.prefix(wide), "the same prefix");
    CandidatePersons withWide = new CandidatePersons(List.of(wide));
    assertTrue(withWide.contains(wide));
    assertFalse(withWide.contains(itsDigits));
    CandidatePersons withDigits = new CandidatePersons(List.of(itsDigits));
    assertTrue(withDigits.contains(itsDigits));
    assertFalse(withDigits.contains(wide));
    assertFalse(withDigits.contains("\u2212" + itsDigits.substring(1)));
  }

  @Test
  void idsOfEveryAcceptedLengthAndOtherTextAreExact() {
    String sixteen = "fedcba9876543210";
    String forty = "00000000000000000000000000000000000000ff";
    String zeros = "0".repeat(64); // its prefix is the long 0, which marks free slots
    String notHex = "not a pseudonym at all";
    String marker = Long.toHexString(CandidatePersons.NOT_HEX) + "0".repeat(48); // the marker's own digits
    CandidatePersons s = new CandidatePersons(List.of(sixteen, forty, zeros, notHex, marker));
    assertEquals(5, s.size());
    for (String id : List.of(sixteen, forty, zeros, notHex, marker)) {
      assertTrue(s.contains(id), id);
    }
    assertFalse(s.contains("0".repeat(63) + "1"));
    assertFalse(s.contains("0".repeat(16)));
    assertFalse(s.contains("not a pseudonym at all!"));
    assertFalse(s.contains(""));
    assertFalse(s.contains(Long.toHexString(CandidatePersons.NOT_HEX) + "0".repeat(47) + "1"));
    assertFalse(new CandidatePersons(List.of()).contains(A));
  }

  /** Thousands of ids (the table grows many times) against a plain set, with near misses. */
  @Test
  void agreesWithAPlainSet() {
    Random r = new Random(7);
    List<String> persons = new ArrayList<>();
    Set<String> plain = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String id = hex(r, 16 + r.nextInt(49));
      persons.add(id);
      plain.add(id);
    }
    CandidatePersons s = new CandidatePersons(persons);
    assertEquals(plain.size(), s.size());
    for (int i = 0; i < 100_000; i++) {
      String probe;
      if (i % 3 == 0) {
        probe = persons.get(r.nextInt(persons.size()));
      } else if (i % 3 == 1) { // same prefix, another tail
        String p = persons.get(r.nextInt(persons.size()));
        probe = p.substring(0, 16) + hex(r, p.length() - 16);
      } else {
        probe = hex(r, 64);
      }
      assertEquals(plain.contains(probe), s.contains(probe), probe);
    }
  }

  private static String hex(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(Character.forDigit(r.nextInt(16), 16));
    }
    return b.toString();
  }

  /** The prefix read eight digits at a time (lower case) or one at a time (anything else) is the same long. */
  @Test
  void aPrefixIsTheValueOfTheFirstSixteenDigitsInEitherCase() {
    Random r = new Random(23);
    String odd = "gG/:`@\u00e5\u2212 -";
    for (int i = 0; i < 50_000; i++) {
      char[] c = new char[16 + r.nextInt(49)];
      for (int k = 0; k < c.length; k++) {
        c[k] = "0123456789abcdefABCDEF".charAt(r.nextInt(i % 3 == 0 ? 22 : 16));
      }
      if (i % 5 == 0) {
        c[r.nextInt(16)] = odd.charAt(r.nextInt(odd.length()));
      }
      String id = new String(c);
      if (i % 7 == 0) { // the marker's own digits, which fold onto a neighbour
        System.arraycopy(Long.toHexString(CandidatePersons.NOT_HEX).toCharArray(), 0, c, 0, 16);
        id = new String(c);
      }
      long want = 0;
      boolean hex = true;
      for (int k = 0; k < 16; k++) {
        int d = Character.digit(c[k], 16);
        hex &= d >= 0 && c[k] <= 'f';
        want = (want << 4) | (d & 0xF);
      }
      want = !hex ? CandidatePersons.NOT_HEX : want == CandidatePersons.NOT_HEX ? want ^ 1 : want;
      assertEquals(want, CandidatePersons.prefix(id), id);
    }
  }
}
