package se.glappet.ingest;

import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.KV;

/**
 * The first reading's work on one file, as a plain class so that both {@code CheckRows} (the small
 * datasets) and the payments' single reading ({@code figures.ReadPayments}) do it the same way:
 * every data line becomes a finding (a rejected row, or the fingerprint of an accepted one, packed
 * per bucket into batches of about {@link #BATCH_BYTES}), the file its description, and each
 * accepted row is also handed to the caller. One instance per bundle; {@link #flush} at its end.
 */
public final class CheckFile {
  static final int BATCH_BYTES = 256 * 1024;
  private final Set<String> municipalities;
  private final PackedBytes[] buckets = new PackedBytes[Finding.BUCKETS];

  /** {@code municipalities}: the reference list's codes. */
  public CheckFile(Set<String> municipalities) {
    this.municipalities = municipalities;
  }

  /**
   * Checks every line of file number {@code fileNumber}: findings (full batches, rejected rows, at
   * the end the file's description) go to {@code findings}, accepted rows to {@code accepted}.
   */
  public void check(int fileNumber, InputFile file, Consumer<KV<Long, Finding>> findings,
      Consumer<ParsedRow> accepted) throws IOException {
    FileInfo info = FileParser.parse(file.dataset, file.relativePath, file.readBytes(), municipalities,
        new FileParser.Sink() {
          @Override
          public void accepted(ParsedRow row) {
            RowFingerprint f = RowFingerprint.of(fileNumber, row);
            int b = Finding.bucket(f);
            if (buckets[b] == null) {
              buckets[b] = new PackedBytes(BATCH_BYTES + 256);
            }
            f.writeTo(buckets[b]);
            if (buckets[b].size() >= BATCH_BYTES) {
              findings.accept(Finding.rows(b, buckets[b].toByteArray()));
              buckets[b] = null;
            }
            accepted.accept(row);
          }

          @Override
          public void rejected(RejectedRow row) {
            findings.accept(Finding.rejected(fileNumber, row));
          }
        });
    findings.accept(Finding.file(fileNumber, info));
  }

  /** Emits the batches not yet full. */
  public void flush(Consumer<KV<Long, Finding>> findings) {
    for (int b = 0; b < buckets.length; b++) {
      if (buckets[b] != null) {
        findings.accept(Finding.rows(b, buckets[b].toByteArray()));
        buckets[b] = null;
      }
    }
  }
}
