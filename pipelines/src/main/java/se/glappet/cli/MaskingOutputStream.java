package se.glappet.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import se.glappet.privacy.IdentityNumbers;

/**
 * The console's masking layer (contract section 2.7: no output or log ever holds an identity
 * number): every byte written to it passes {@link IdentityNumbers#mask} line by line before it
 * reaches the stream below, whoever wrote it: Glappet's own lines, slf4j log lines of Beam, Flink,
 * Hadoop or Parquet, exception texts and stack traces.
 *
 * <p>It works on bytes: digits, {@code -}, {@code +} and line breaks are ASCII, and in UTF-8 (or any
 * ASCII-compatible encoding) no byte of a multi-byte character is in that range, so the text is
 * masked as ISO-8859-1 without decoding it. A {@link #flush()} writes everything up to the last
 * byte that cannot be part of a digit run; the rest waits for the next write, so that a number
 * written in two pieces is still masked.
 */
final class MaskingOutputStream extends OutputStream {
  private final OutputStream out;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

  MaskingOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    pending.write(b);
    if (b == '\n') {
      emit(pending.size());
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    pending.write(b, off, len);
    byte[] buf = pending.toByteArray();
    for (int i = buf.length - 1; i >= buf.length - len; i--) {
      if (buf[i] == '\n') {
        emit(i + 1);
        return;
      }
    }
  }

  /** Writes all but a trailing run of digits, {@code -} and {@code +}, which may still continue. */
  @Override
  public synchronized void flush() throws IOException {
    byte[] buf = pending.toByteArray();
    int end = buf.length;
    while (end > 0 && mayContinueARun(buf[end - 1])) {
      end--;
    }
    emit(end);
    out.flush();
  }

  /** Writes everything, the trailing digits masked as they stand. */
  @Override
  public synchronized void close() throws IOException {
    emit(pending.size());
    out.flush();
  }

  private static boolean mayContinueARun(byte b) {
    return (b >= '0' && b <= '9') || b == '-' || b == '+';
  }

  /** Masks and writes the first {@code n} pending bytes, keeps the rest. */
  private void emit(int n) throws IOException {
    if (n == 0) {
      return;
    }
    byte[] buf = pending.toByteArray();
    String text = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    out.write(IdentityNumbers.mask(text).getBytes(StandardCharsets.ISO_8859_1));
    pending.reset();
    pending.write(buf, n, buf.length - n);
  }

  /** A print stream in {@code charset} whose text passes this layer on its way to {@code below}. */
  static PrintStream printStream(OutputStream below, Charset charset) {
    return new PrintStream(new MaskingOutputStream(below), true, charset);
  }

  /** Restores the streams {@link #install} replaced. */
  interface Installed extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Puts the masking layer in front of the current {@code System.out} and {@code System.err} (an
   * in-process caller's captured streams too) until the returned handle is closed. Log libraries
   * that look the stream up on every line (slf4j-simple does) write through it as well.
   */
  static Installed install() {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintStream out = printStream(oldOut, consoleCharset("sun.stdout.encoding"));
    PrintStream err = printStream(oldErr, consoleCharset("sun.stderr.encoding"));
    System.setOut(out);
    System.setErr(err);
    return () -> {
      out.close();
      err.close();
      System.setOut(oldOut);
      System.setErr(oldErr);
    };
  }

  /**
   * The encoding Java 17 gives {@code System.out} / {@code System.err}: the console's when there is
   * one, else the default; UTF-8 instead of plain ASCII (a POSIX locale), which would turn every
   * Swedish letter into {@code ?}.
   */
  static Charset consoleCharset(String property) {
    Charset c;
    try {
      c = Charset.forName(System.getProperty(property, Charset.defaultCharset().name()));
    } catch (RuntimeException e) {
      c = Charset.defaultCharset();
    }
    return c.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : c;
  }
}
