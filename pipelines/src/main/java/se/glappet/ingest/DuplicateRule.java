package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * The duplicate rule of contract section 2.7 for the rows sharing one key: all identical → the
 * first in (file path, line) order is accepted and the others are DUPLICATE_ROW; not all identical
 * → every one is CONFLICTING_DUPLICATE. It decides on {@link RowFingerprint}s; the rows it rejects
 * ("losers") are reported later with their raw lines ({@link ReadInputs}).
 */
public final class DuplicateRule {
  private DuplicateRule() {}

  /** The decision for one key group: the accepted row (or null) and the rows rejected. */
  public static final class Decision {
    public final RowFingerprint accepted;
    public final List<Loser> losers;

    Decision(RowFingerprint accepted, List<Loser> losers) {
      this.accepted = accepted;
      this.losers = losers;
    }
  }

  /** A row the rule rejects: where it is, why, and the message for the report. */
  public static final class Loser {
    public final int file;
    public final int line;
    public final RejectReason reason;
    public final String message;

    public Loser(int file, int line, RejectReason reason, String message) {
      this.file = file;
      this.line = line;
      this.reason = reason;
      this.message = message;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Loser)) {
        return false;
      }
      Loser l = (Loser) o;
      return file == l.file && line == l.line && reason == l.reason && message.equals(l.message);
    }

    @Override
    public int hashCode() {
      return (file * 31 + line) * 31 + reason.hashCode();
    }

    @Override
    public String toString() {
      return "Loser[file " + file + " line " + line + " " + reason + "]";
    }
  }

  /**
   * Decides the rows of one bucket: grouped by their key digest, each key decided apart. Most keys
   * are one row's: those are found by sorting the keys' first halves as plain longs, and only the
   * rows sharing one with another row are sorted and grouped as rows.
   */
  public static List<Decision> decideEachKey(List<RowFingerprint> rows, IntFunction<String> displayPath) {
    int n = rows.size();
    long[] highs = new long[n];
    for (int i = 0; i < n; i++) {
      highs[i] = rows.get(i).keyHigh;
    }
    java.util.Arrays.sort(highs);
    java.util.Set<Long> shared = new java.util.HashSet<>();
    for (int i = 1; i < n; i++) {
      if (highs[i] == highs[i - 1]) {
        shared.add(highs[i]);
      }
    }
    List<Decision> out = new ArrayList<>(n);
    List<RowFingerprint> sorted = new ArrayList<>();
    for (RowFingerprint r : rows) {
      if (!shared.isEmpty() && shared.contains(r.keyHigh)) {
        sorted.add(r);
      } else {
        out.add(new Decision(r, List.of()));
      }
    }
    sorted.sort(BY_KEY);
    int i = 0;
    while (i < sorted.size()) {
      int j = i + 1;
      while (j < sorted.size() && sorted.get(j).sameKeyAs(sorted.get(i))) {
        j++;
      }
      out.add(j == i + 1 ? new Decision(sorted.get(i), List.of()) : decide(sorted.subList(i, j), displayPath));
      i = j;
    }
    return out;
  }

  private static final java.util.Comparator<RowFingerprint> BY_KEY = (a, b) -> {
    int c = Long.compare(a.keyHigh, b.keyHigh);
    return c != 0 ? c : Long.compare(a.keyLow, b.keyLow);
  };

  /**
   * Decides one key group. {@code displayPath} gives the (masked) relative path of a file number,
   * for the message that points a duplicate at the accepted row.
   */
  public static Decision decide(Iterable<RowFingerprint> group, IntFunction<String> displayPath) {
    List<RowFingerprint> rows = new ArrayList<>();
    for (RowFingerprint r : group) {
      rows.add(r);
    }
    if (rows.size() == 1) {
      return new Decision(rows.get(0), List.of());
    }
    rows.sort(RowFingerprint::compareOrigin);
    RowFingerprint first = rows.get(0);
    boolean identical = rows.stream().allMatch(r -> r.sameValuesAs(first));
    List<Loser> losers = new ArrayList<>();
    String where = displayPath.apply(first.file) + " line " + first.line;
    for (int i = identical ? 1 : 0; i < rows.size(); i++) {
      RowFingerprint r = rows.get(i);
      losers.add(identical
          ? new Loser(r.file, r.line, RejectReason.DUPLICATE_ROW, "identical to the accepted row at " + where)
          : new Loser(r.file, r.line, RejectReason.CONFLICTING_DUPLICATE,
              rows.size() + " rows share this key with different values; none is used"));
    }
    return new Decision(identical ? first : null, losers);
  }

  /** Coder for {@link Loser}. */
  public static final class LoserCoder extends AtomicCoder<Loser> {
    private static final long serialVersionUID = 1L;
    private static final VarIntCoder I = VarIntCoder.of();
    private static final StringUtf8Coder S = StringUtf8Coder.of();

    public static LoserCoder of() {
      return new LoserCoder();
    }

    @Override
    public void encode(Loser l, OutputStream out) throws IOException {
      I.encode(l.file, out);
      I.encode(l.line, out);
      I.encode(l.reason.ordinal(), out);
      S.encode(l.message, out);
    }

    @Override
    public Loser decode(InputStream in) throws IOException {
      return new Loser(I.decode(in), I.decode(in), RejectReason.values()[I.decode(in)], S.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
