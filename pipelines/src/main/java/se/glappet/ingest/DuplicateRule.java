package se.glappet.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The duplicate rule of contract section 2.7 for the rows sharing one key: all identical → the
 * first in (file, line) order is accepted and the others are DUPLICATE_ROW; not all identical →
 * every one is CONFLICTING_DUPLICATE.
 */
public final class DuplicateRule {
  private DuplicateRule() {}

  /** The decision for one key group. */
  public static final class Decision {
    public final ParsedRow accepted;
    public final List<RejectedRow> rejected;

    Decision(ParsedRow accepted, List<RejectedRow> rejected) {
      this.accepted = accepted;
      this.rejected = rejected;
    }
  }

  public static Decision decide(Iterable<ParsedRow> group) {
    List<ParsedRow> rows = new ArrayList<>();
    for (ParsedRow r : group) {
      rows.add(r);
    }
    if (rows.size() == 1) {
      return new Decision(rows.get(0), List.of());
    }
    rows.sort(ParsedRow::compareOrigin);
    ParsedRow first = rows.get(0);
    boolean identical = rows.stream().allMatch(r -> r.canonical.equals(first.canonical));
    List<RejectedRow> rejected = new ArrayList<>();
    String where = first.file + " line " + first.line;
    for (int i = identical ? 1 : 0; i < rows.size(); i++) {
      ParsedRow r = rows.get(i);
      rejected.add(identical
          ? reject(r, RejectReason.DUPLICATE_ROW, "identical to the accepted row at " + where)
          : reject(r, RejectReason.CONFLICTING_DUPLICATE,
              rows.size() + " rows share this key with different values; none is used"));
    }
    return new Decision(identical ? first : null, rejected);
  }

  private static RejectedRow reject(ParsedRow r, RejectReason reason, String message) {
    return new RejectedRow(r.dataset.folder, r.file, r.line, reason, null, message,
        se.glappet.privacy.IdentityNumbers.mask(r.rawLine));
  }
}
