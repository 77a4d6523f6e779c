package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The console's masking layer: every run of 10 or 12 digits is masked, however the text is written. */
class MaskingOutputStreamTest {
  @Test
  void masksRunsSplitOverWritesAndFlushes() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MaskingOutputStream m = new MaskingOutputStream(sink);
    m.write("File spec /in/1912".getBytes(StandardCharsets.UTF_8));
    m.flush();
    // Flushed: everything up to the digits that may continue.
    assertEquals("File spec /in/", sink.toString(StandardCharsets.UTF_8));
    m.write("1212-12".getBytes(StandardCharsets.UTF_8));
    m.flush();
    m.write("12.csv not found\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("File spec /in/********-****.csv not found\n", sink.toString(StandardCharsets.UTF_8));
  }

  @Test
  void leavesOtherTextAsItIsAndFlushesTheTailAtClose() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(new MaskingOutputStream(sink), true, StandardCharsets.UTF_8);
    p.println("Södertälje 0181: 123456789 rows, 12345678901 bytes, 201101011234 and 2011-01-01");
    p.print("last 8112189876");
    p.close();
    assertEquals("Södertälje 0181: 123456789 rows, 12345678901 bytes, ************ and 2011-01-01\n"
        + "last **********", sink.toString(StandardCharsets.UTF_8));
  }

  @Test
  void installWrapsTheCurrentStreamsAndRestoresThem() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    try {
      try (MaskingOutputStream.Installed ignored = MaskingOutputStream.install()) {
        System.err.println("a third party says 811218-9876");
        new Exception("at 19811218-9876").printStackTrace();
      }
      assertEquals(capture, System.err);
    } finally {
      System.setErr(oldErr);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    assertEquals("a third party says ******-****", text.lines().findFirst().get());
    assertEquals("java.lang.Exception: at ********-****", text.lines().skip(1).findFirst().get());
  }
}
