package se.glappet.ingest;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import se.glappet.privacy.IdentityNumbers;
import se.glappet.records.Payment;

/**
 * Re-reads a file that holds duplicate losers and reports each with its masked raw line; a
 * payment loser also comes out as its typed record ({@link #LOSER_PAYMENTS}), so that the sums the
 * payments' single reading made before the losers were known can take it out again.
 */
final class ReportDuplicatesFn extends DoFn<KV<Integer, Iterable<DuplicateRule.Loser>>, RejectedRow> {
  private static final long serialVersionUID = 1L;
  static final TupleTag<RejectedRow> DUPLICATES = new TupleTag<>() {};
  static final TupleTag<Payment> LOSER_PAYMENTS = new TupleTag<>() {};
  private final List<InputFile> files;
  private final Set<String> municipalities;

  ReportDuplicatesFn(List<InputFile> files, Set<String> municipalities) {
    this.files = files;
    this.municipalities = municipalities;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<DuplicateRule.Loser>> group, MultiOutputReceiver out)
      throws IOException {
    InputFile file = files.get(group.getKey());
    Map<Integer, DuplicateRule.Loser> byLine = new HashMap<>();
    for (DuplicateRule.Loser l : group.getValue()) {
      byLine.put(l.line, l);
    }
    FileParser.parseRows(file.dataset, file.relativePath, file.readBytes(), municipalities, new FileParser.Sink() {
      @Override
      public void accepted(ParsedRow row) {
        DuplicateRule.Loser l = byLine.remove(row.line);
        if (l != null) {
          out.get(DUPLICATES).output(new RejectedRow(row.dataset.folder, row.file, row.line, l.reason, null,
              l.message, IdentityNumbers.mask(row.rawLine())));
          if (row.dataset == Dataset.INCOME_SUPPORT) {
            out.get(LOSER_PAYMENTS).output(CanonicalRows.payment(row));
          }
        }
      }

      @Override
      public void rejected(RejectedRow row) {}
    });
    if (!byLine.isEmpty()) {
      throw new IllegalStateException("input file " + IdentityNumbers.mask(file.relativePath)
          + " changed while the batch was reading it");
    }
  }
}
