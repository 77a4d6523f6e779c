package se.glappet.figures;

import static se.glappet.figures.HouseholdTotals.OCCUPIED;
import static se.glappet.figures.HouseholdTotals.REASONS;
import static se.glappet.figures.HouseholdTotals.STRIDE;
import static se.glappet.figures.HouseholdTotals.addToReason;
import static se.glappet.figures.HouseholdTotals.change;
import static se.glappet.figures.HouseholdTotals.count;
import static se.glappet.figures.HouseholdTotals.entry;
import static se.glappet.figures.HouseholdTotals.hasSums;
import static se.glappet.figures.HouseholdTotals.hash;
import static se.glappet.figures.HouseholdTotals.kindOf;
import static se.glappet.figures.HouseholdTotals.othersSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import se.glappet.figures.HouseholdTotals.Acc;
import se.glappet.records.DecimalCoder;
import se.glappet.records.RecordCoders;

/**
 * The coder of partial totals ({@link HouseholdTotals.Acc}). The households are written as one
 * block of bytes, its length first, so that each is one write and one read of the stream: the
 * table's capacity and number of households, then per household its id as four big-endian longs
 * and its size entries (their number, then size and count of each, as var-ints); then the number
 * of other households and each as its packed pseudonym ({@link RecordCoders#pseudonym}) and size
 * entries (an entry's "size" is its {@link HouseholdTotals#kind}). Then the reasons' sums: a bit
 * set of the reasons that have any, then payments and amount of each.
 *
 * <p>The table's households are written in slot order from just after a free slot, so decoding
 * them in that order into a table of the same capacity puts each in the same slot: the encoding
 * of a decoded value is the encoding it was decoded from (Beam's structural value; the
 * DirectRunner's immutability check compares these).
 */
final class HouseholdTotalsCoder extends AtomicCoder<Acc> {
  private static final long serialVersionUID = 1L;
  private static final VarIntCoder I = VarIntCoder.of();
  private static final VarLongCoder L = VarLongCoder.of();
  private static final DecimalCoder D = DecimalCoder.of();
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  @Override
  public void encode(Acc a, OutputStream out) throws IOException {
    Sink s = new Sink(16 + a.packed * 35 + othersSize(a) * 40);
    int capacity = a.capacity();
    s.varInt(capacity);
    s.varInt(a.packed);
    if (capacity > 0) {
      long[] t = a.slots;
      int mask = capacity - 1;
      int start = 0;
      while (t[start * STRIDE + 4] != 0) { // a free slot: the table is never full
        start++;
      }
      for (int i = 1; i <= capacity; i++) {
        int slot = (start + i) & mask;
        int b = slot * STRIDE;
        if (t[b + 4] == 0) {
          continue;
        }
        s.room(32);
        for (int k = 0; k < 4; k++) {
          LONG.set(s.buf, s.len, t[b + k]);
          s.len += 8;
        }
        long[] more = a.more == null ? null : a.more[slot];
        s.varInt(more == null ? 1 : more.length + 1);
        s.entry(t[b + 4] & ~OCCUPIED);
        if (more != null) {
          for (long e : more) {
            s.entry(e);
          }
        }
      }
    }
    s.varInt(othersSize(a));
    if (a.others != null) {
      ByteArrayOutputStream ids = new ByteArrayOutputStream(40);
      for (Map.Entry<String, long[]> e : a.others.entrySet()) {
        ids.reset();
        RecordCoders.pseudonym(e.getKey(), ids); // household ids are lower-case hex: packed
        s.bytes(ids.toByteArray());
        long[] sizes = e.getValue();
        s.varInt(sizes.length);
        for (long x : sizes) {
          s.entry(x);
        }
      }
    }
    I.encode(s.len, out);
    out.write(s.buf, 0, s.len);
    int present = 0;
    if (a.reasonPayments != null) {
      for (int r = 0; r < REASONS.length; r++) {
        if (hasSums(a, r)) {
          present |= 1 << r;
        }
      }
    }
    I.encode(present, out);
    for (int r = 0; r < REASONS.length; r++) {
      if ((present & 1 << r) != 0) {
        L.encode(a.reasonPayments[r], out);
        D.encode(a.reasonAmounts[r], out);
      }
    }
  }

  @Override
  public Acc decode(InputStream in) throws IOException {
    Acc a = new Acc();
    int n = I.decode(in);
    if (n < 0) {
      throw new IOException("not household totals: a length of " + n);
    }
    // Not InputStream.readNBytes(int), which ByteArrayInputStream (the partial batches) does not
    // override: it reads in chunks of 8 KB and copies them once more (1 % of a national year's CPU).
    byte[] buf = new byte[n];
    if (in.readNBytes(buf, 0, n) != n) {
      throw new EOFException("household totals cut short");
    }
    Source s = new Source(buf);
    int capacity = s.varInt();
    int packed = s.varInt();
    if (capacity > 0) {
      if (Integer.bitCount(capacity) != 1 || packed >= capacity) {
        throw new IOException("not household totals: a table of " + capacity + " slots");
      }
      a.slots = new long[capacity * STRIDE];
      for (int i = 0; i < packed; i++) {
        long k0 = (long) LONG.get(buf, s.pos);
        long k1 = (long) LONG.get(buf, s.pos + 8);
        long k2 = (long) LONG.get(buf, s.pos + 16);
        long k3 = (long) LONG.get(buf, s.pos + 24);
        s.pos += 32;
        int hash = hash(k0, k1, k2, k3);
        for (int j = s.varInt(); j > 0; j--) {
          int size = s.varInt();
          change(a, k0, k1, k2, k3, hash, size, s.varInt());
        }
      }
      if (a.capacity() != capacity || a.packed != packed) {
        throw new IOException("not household totals: " + a.packed + " households in a table of " + capacity);
      }
    }
    int others = s.varInt();
    if (others > 0) {
      a.others = new HashMap<>(64);
      for (int i = 0; i < others; i++) {
        ByteArrayInputStream ids = new ByteArrayInputStream(buf, s.pos, buf.length - s.pos);
        String h = RecordCoders.pseudonym(ids);
        s.pos = buf.length - ids.available();
        long[] sizes = new long[s.varInt()];
        for (int j = 0; j < sizes.length; j++) {
          int size = s.varInt();
          sizes[j] = entry(size, s.varInt());
        }
        a.others.put(h, sizes);
      }
    }
    if (s.pos != buf.length) {
      throw new IOException("not household totals: " + (buf.length - s.pos) + " bytes left over");
    }
    int present = I.decode(in);
    if (present >>> REASONS.length != 0) {
      throw new IOException("not household totals: reasons " + Integer.toBinaryString(present));
    }
    for (int r = 0; r < REASONS.length; r++) {
      if ((present & 1 << r) != 0) {
        long payments = L.decode(in);
        addToReason(a, r, payments, D.decode(in));
      }
    }
    return a;
  }

  /** A growing byte array with var-int writes (Beam's VarInt format). */
  private static final class Sink {
    byte[] buf;
    int len;

    Sink(int capacity) {
      buf = new byte[Math.max(capacity, 16)];
    }

    void room(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }

    void varInt(int v) {
      room(5);
      while ((v & ~0x7F) != 0) {
        buf[len++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[len++] = (byte) v;
    }

    void entry(long e) {
      varInt(kindOf(e));
      varInt(count(e));
    }

    void bytes(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    }
  }

  /** Reads what a {@link Sink} wrote. */
  private static final class Source {
    final byte[] buf;
    int pos;

    Source(byte[] buf) {
      this.buf = buf;
    }

    int varInt() throws IOException {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        if (pos >= buf.length) {
          throw new EOFException("household totals cut short");
        }
        byte b = buf[pos++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IOException("not household totals: a var-int too long");
    }
  }
}
