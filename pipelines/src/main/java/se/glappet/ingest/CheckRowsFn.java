package se.glappet.ingest;

import java.io.IOException;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;

/** First reading of a small dataset's files: every data line as a finding ({@link CheckFile}). */
final class CheckRowsFn extends DoFn<KV<Integer, InputFile>, KV<Long, Finding>> {
  private static final long serialVersionUID = 1L;
  private final Set<String> municipalities;
  private transient CheckFile check;

  CheckRowsFn(Set<String> municipalities) {
    this.municipalities = municipalities;
  }

  @StartBundle
  public void startBundle() {
    check = new CheckFile(municipalities);
  }

  @ProcessElement
  public void process(@Element KV<Integer, InputFile> numbered, OutputReceiver<KV<Long, Finding>> out)
      throws IOException {
    check.check(numbered.getKey(), numbered.getValue(), out::output, row -> {});
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    check.flush(f -> c.output(f, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    check = null;
  }
}
