package se.glappet.ingest;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The second reading of the input files (see {@link ReadInputs}): each file is read again, every
 * line is checked the same way as in the first reading, the duplicates' losers are skipped, and the
 * accepted rows come out as typed records. Rejected rows were reported by the first reading.
 *
 * <p>It reads one dataset's files; {@link ReadInputs} uses it for the three small datasets. (The
 * payments, the one large dataset, are read once, by {@code figures.ReadPayments}.)
 */
public final class ReadAcceptedRows<T> extends PTransform<PCollection<KV<Integer, InputFile>>, PCollection<T>> {
  private static final long serialVersionUID = 1L;
  private final Dataset dataset;
  private final SerializableFunction<ParsedRow, T> toRecord;
  private final PCollectionView<Map<Integer, Iterable<Integer>>> losers;
  private final Set<String> municipalities;

  public ReadAcceptedRows(Dataset dataset, SerializableFunction<ParsedRow, T> toRecord,
      PCollectionView<Map<Integer, Iterable<Integer>>> losers, Set<String> municipalities) {
    this.dataset = dataset;
    this.toRecord = toRecord;
    this.losers = losers;
    this.municipalities = municipalities;
  }

  @Override
  public PCollection<T> expand(PCollection<KV<Integer, InputFile>> files) {
    return files.apply("ReadAcceptedRows", ParDo.of(new ReadFn<>(dataset, toRecord, losers, municipalities))
        .withSideInputs(losers));
  }

  /** The duplicates' lines as a side input: file number → lines to skip. */
  public static PCollectionView<Map<Integer, Iterable<Integer>>> loserLinesByFile(
      PCollection<KV<Integer, Integer>> loserLines) {
    return loserLines.apply("LoserLinesByFile", View.asMultimap());
  }

  /**
   * The second reading of one file: every row that passes the per-row checks, except the lines in
   * {@code skip}, as a typed record. Rejected rows were reported by the first reading.
   */
  static <R> void readAccepted(InputFile file, Set<String> municipalities, Set<Integer> skip,
      SerializableFunction<ParsedRow, R> toRecord, Consumer<R> out) throws IOException {
    FileParser.parseRows(file.dataset, file.relativePath, file.readBytes(), municipalities, new FileParser.Sink() {
      @Override
      public void accepted(ParsedRow row) {
        if (!skip.contains(row.line)) {
          out.accept(toRecord.apply(row));
        }
      }

      @Override
      public void rejected(RejectedRow row) {}
    });
  }

  /** The lines of file number {@code file} to skip. */
  public static Set<Integer> linesToSkip(Map<Integer, Iterable<Integer>> losersByFile, int file) {
    Set<Integer> skip = new HashSet<>();
    Iterable<Integer> lines = losersByFile.get(file);
    if (lines != null) {
      lines.forEach(skip::add);
    }
    return skip;
  }

  /** Reads the files of one dataset, once each. */
  static final class ReadFn<T> extends DoFn<KV<Integer, InputFile>, T> {
    private static final long serialVersionUID = 1L;
    private final Dataset dataset;
    private final SerializableFunction<ParsedRow, T> toRecord;
    private final PCollectionView<Map<Integer, Iterable<Integer>>> losers;
    private final Set<String> municipalities;
    private transient Map<Integer, Iterable<Integer>> losersByFile;

    ReadFn(Dataset dataset, SerializableFunction<ParsedRow, T> toRecord,
        PCollectionView<Map<Integer, Iterable<Integer>>> losers, Set<String> municipalities) {
      this.dataset = dataset;
      this.toRecord = toRecord;
      this.losers = losers;
      this.municipalities = municipalities;
    }

    @StartBundle
    public void startBundle() {
      losersByFile = null;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      InputFile file = c.element().getValue();
      if (file.dataset != dataset) {
        return;
      }
      if (losersByFile == null) {
        losersByFile = c.sideInput(losers); // once per bundle: the Flink runner's lookup is not cheap
      }
      readAccepted(file, municipalities, linesToSkip(losersByFile, c.element().getKey()), toRecord, c::output);
    }
  }
}
