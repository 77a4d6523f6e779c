package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The input files' SHA-256 (contract section 4.7), computed in a helper JVM or here: the same digest
 * either way, also when the helper dies with digests owed.
 */
class FileDigestsTest {
  /** Lengths around the helper's 64 KB reading chunk, an empty file, and a few MB. */
  private static List<byte[]> inputs() {
    Random r = new Random(7);
    List<byte[]> out = new ArrayList<>();
    for (int n : new int[] {0, 1, 55, 64, 65535, 65536, 65537, 3 << 20}) {
      byte[] b = new byte[n];
      r.nextBytes(b);
      out.add(b);
    }
    return out;
  }

  @Test
  void aKnownDigest() {
    // FIPS 180-2, appendix B.1.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(FileDigests.sha256("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void theHelperGivesTheDigestOfExactlyTheBytesSent() throws Exception {
    FileDigests.Helper helper = FileDigests.startHelper();
    try {
      // All sent before any is read back: the helper answers in order.
      List<FileDigests.Pending> pending = new ArrayList<>();
      for (byte[] b : inputs()) {
        pending.add(FileDigests.start(helper, b));
      }
      List<byte[]> in = inputs();
      for (int i = 0; i < in.size(); i++) {
        assertEquals(HexFormat.of().formatHex(FileDigests.sha256(in.get(i))), pending.get(i).hex(), "input " + i);
      }
      assertTrue(helper.alive());
    } finally {
      helper.process().destroy();
    }
  }

  @Test
  void twoReadingThreadsShareTheHelper() throws Exception {
    FileDigests.Helper helper = FileDigests.startHelper();
    try {
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int seed = t;
        Thread th = new Thread(() -> {
          Random r = new Random(seed);
          for (int i = 0; i < 40; i++) {
            byte[] b = new byte[r.nextInt(200_000)];
            r.nextBytes(b);
            String expected = HexFormat.of().formatHex(FileDigests.sha256(b));
            String got = FileDigests.start(helper, b).hex();
            if (!expected.equals(got)) {
              failures.add("thread " + seed + " file " + i);
            }
          }
        });
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join();
      }
      assertEquals(List.of(), failures);
      assertTrue(helper.alive());
    } finally {
      helper.process().destroy();
    }
  }

  @Test
  void whenTheHelperDiesItsDigestsAreComputedHere() throws Exception {
    FileDigests.Helper helper = FileDigests.startHelper();
    byte[] before = inputs().get(7);
    assertEquals(HexFormat.of().formatHex(FileDigests.sha256(before)), FileDigests.start(helper, before).hex());
    helper.process().destroyForcibly();
    assertTrue(helper.process().waitFor(30, TimeUnit.SECONDS));
    // Whether the failure is seen while sending or while waiting for the answer, the digest is right.
    for (byte[] b : inputs()) {
      assertEquals(HexFormat.of().formatHex(FileDigests.sha256(b)), FileDigests.start(helper, b).hex());
    }
    assertFalse(helper.alive());
  }

  @Test
  void aParsedFileIsDescribedWithTheSameDigestWithAndWithoutTheHelper() {
    String text = "\uFEFFperiod;municipality_code;newcomers_received\n2011-01;0127;4\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String expected = HexFormat.of().formatHex(FileDigests.sha256(bytes));
    String before = System.getProperty(FileDigests.HELPER_PROPERTY);
    try {
      for (String mode : new String[] {"off", "on", "auto"}) {
        System.setProperty(FileDigests.HELPER_PROPERTY, mode);
        FileInfo info = FileParserTest.parse(Dataset.KIS, "kis/0127_2011-01.csv", bytes).info;
        assertEquals(expected, info.sha256, mode);
        assertEquals(bytes.length, info.bytes, mode);
      }
    } finally {
      if (before == null) {
        System.clearProperty(FileDigests.HELPER_PROPERTY);
      } else {
        System.setProperty(FileDigests.HELPER_PROPERTY, before);
      }
    }
  }
}
