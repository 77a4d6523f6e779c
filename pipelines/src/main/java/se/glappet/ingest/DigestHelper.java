package se.glappet.ingest;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The helper JVM of {@link FileDigests}: reads requests from standard input, each a length (8
 * bytes, big-endian) and that many bytes, and writes each one's SHA-256 (32 bytes) to standard
 * output, in order. Ends at the end of its input. It keeps nothing and writes nothing else.
 */
public final class DigestHelper {
  private DigestHelper() {}

  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
    DataOutputStream out = new DataOutputStream(System.out);
    byte[] chunk = new byte[1 << 16];
    while (true) {
      long n;
      try {
        n = in.readLong();
      } catch (EOFException e) {
        return;
      }
      while (n > 0) {
        int k = in.read(chunk, 0, (int) Math.min(chunk.length, n));
        if (k < 0) {
          throw new EOFException("a request ends early");
        }
        sha.update(chunk, 0, k);
        n -= k;
      }
      out.write(sha.digest());
      out.flush();
    }
  }
}
