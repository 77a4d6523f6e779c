package se.glappet.ingest;

import java.io.IOException;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * First reading: every data line of a file as a finding, and the file's description. The
 * fingerprints are packed per bucket and leave in batches of about {@link #BATCH_BYTES}.
 */
final class CheckRowsFn extends DoFn<KV<Integer, InputFile>, KV<Long, Finding>> {
  private static final long serialVersionUID = 1L;
  static final int BATCH_BYTES = 256 * 1024;
  private final Set<String> municipalities;
  private transient java.io.ByteArrayOutputStream[] buckets;

  CheckRowsFn(Set<String> municipalities) {
    this.municipalities = municipalities;
  }

  @StartBundle
  public void startBundle() {
    buckets = new java.io.ByteArrayOutputStream[Finding.BUCKETS];
  }

  @ProcessElement
  public void process(@Element KV<Integer, InputFile> numbered, OutputReceiver<KV<Long, Finding>> out)
      throws IOException {
    int n = numbered.getKey();
    InputFile file = numbered.getValue();
    RowFingerprint.FingerprintCoder coder = RowFingerprint.FingerprintCoder.of();
    FileInfo info = FileParser.parse(file.dataset, file.relativePath, file.readBytes(), municipalities,
        new FileParser.Sink() {
          @Override
          public void accepted(ParsedRow row) {
            RowFingerprint f = RowFingerprint.of(n, row);
            int b = Finding.bucket(f);
            if (buckets[b] == null) {
              buckets[b] = new java.io.ByteArrayOutputStream(BATCH_BYTES + 256);
            }
            try {
              coder.encode(f, buckets[b]);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            if (buckets[b].size() >= BATCH_BYTES) {
              out.output(Finding.rows(b, buckets[b].toByteArray()));
              buckets[b] = null;
            }
          }

          @Override
          public void rejected(RejectedRow row) {
            out.output(Finding.rejected(n, row));
          }
        });
    out.output(Finding.file(n, info));
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    for (int b = 0; b < buckets.length; b++) {
      if (buckets[b] != null) {
        c.output(Finding.rows(b, buckets[b].toByteArray()), GlobalWindow.INSTANCE.maxTimestamp(),
            GlobalWindow.INSTANCE);
      }
    }
    buckets = null;
  }
}
