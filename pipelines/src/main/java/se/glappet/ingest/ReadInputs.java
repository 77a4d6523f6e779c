package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import se.glappet.privacy.IdentityNumbers;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
import se.glappet.records.PopulationRow;
import se.glappet.records.RecordCoders;

/**
 * Reads every input file (contract section 2) in two passes, so that the rows themselves never
 * travel through a shuffle:
 *
 * <ol>
 *   <li>{@code CheckRows} reads each file once and applies the per-row checks. Every data line
 *       becomes a finding: a rejected row, or the small fingerprint of an accepted one.
 *       {@code ApplyDuplicateRule} groups the fingerprints by key across all files and decides the
 *       duplicates (the "losers"), the municipalities in the batch and the payment months.
 *   <li>{@code Read<Dataset>} reads each file again, checks every line the same way, skips the
 *       losers and yields the typed accepted rows; the payments are read again by the step that
 *       sums them ({@link #FILES_TO_READ}). {@code ReportDuplicates} re-reads the few files
 *       that hold losers to report them with their (masked) raw lines.
 * </ol>
 *
 * <p>Outputs: the typed accepted rows of the three small datasets, the numbered files and the
 * duplicates' lines for the second reading of the payments ({@link ReadAcceptedRows}), every
 * rejected row, what was read per file, the municipalities in the batch and the months of
 * accepted payments.
 */
public final class ReadInputs extends PTransform<PBegin, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /**
   * The input files, numbered, for a second reading of the payments by the step that uses them
   * ({@link ReadAcceptedRows} with {@link #LOSER_LINES}): payments are the one large dataset, and
   * reading them where they are summed keeps them out of every shuffle.
   */
  public static final TupleTag<KV<Integer, InputFile>> FILES_TO_READ = new TupleTag<>() {};
  /** (file number, line) of every row the duplicate rule rejected: the second reading skips them. */
  public static final TupleTag<KV<Integer, Integer>> LOSER_LINES = new TupleTag<>() {};
  public static final TupleTag<AllowancePeriod> ALLOWANCES = new TupleTag<>() {};
  public static final TupleTag<KisRow> KIS = new TupleTag<>() {};
  public static final TupleTag<PopulationRow> POPULATION = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<FileInfo> FILES = new TupleTag<>() {};
  /** Municipality codes of accepted kis, income-support and allowances rows, distinct. */
  public static final TupleTag<String> MUNICIPALITIES = new TupleTag<>() {};
  /** The months of {@code payment_date} of accepted payments, distinct. */
  public static final TupleTag<YearMonth> PAYMENT_MONTHS = new TupleTag<>() {};

  /** The input files in relative-path order; a file's number is its index here. */
  private final List<InputFile> files;
  private final Set<String> municipalities;

  public ReadInputs(List<InputFile> files, Set<String> municipalities) {
    this.files = new ArrayList<>(files);
    this.files.sort(Comparator.comparing((InputFile f) -> f.relativePath));
    this.municipalities = new HashSet<>(municipalities);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<KV<Integer, InputFile>> numbered = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      numbered.add(KV.of(i, files.get(i)));
    }
    PCollection<KV<Integer, InputFile>> spread = begin
        .apply("ListFiles", Create.of(numbered)
            .withCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(InputFile.class))))
        .apply("SpreadFiles", Reshuffle.viaRandomKey());

    List<String> displayPaths = new ArrayList<>();
    for (InputFile f : files) {
      displayPaths.add(IdentityNumbers.mask(f.relativePath));
    }
    PCollectionTuple decided = spread
        .apply("CheckRows", ParDo.of(new CheckRowsFn(municipalities)))
        .setCoder(KvCoder.of(BigEndianLongCoder.of(), Finding.FindingCoder.of()))
        .apply("GroupByRowKey", GroupByKey.create())
        .apply("ApplyDuplicateRule", ParDo.of(new ApplyDuplicateRuleFn(displayPaths))
            .withOutputTags(ApplyDuplicateRuleFn.LOSERS, TupleTagList.of(REJECTED).and(FILES)
                .and(MUNICIPALITIES).and(PAYMENT_MONTHS)));

    PCollection<KV<Integer, DuplicateRule.Loser>> losers = decided.get(ApplyDuplicateRuleFn.LOSERS)
        .setCoder(KvCoder.of(VarIntCoder.of(), DuplicateRule.LoserCoder.of()));
    PCollection<KV<Integer, Integer>> loserLineList = losers
        .apply("LoserLines", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.integers()))
            .via(kv -> KV.of(kv.getKey(), kv.getValue().line)));
    PCollectionView<Map<Integer, Iterable<Integer>>> loserLines = loserLinesByFile(loserLineList);

    PCollection<RejectedRow> duplicates = losers
        .apply("GroupLosersByFile", GroupByKey.create())
        .apply("ReportDuplicates", ParDo.of(new ReportDuplicatesFn(files, municipalities)));

    PCollection<AllowancePeriod> allowances = spread.apply("ReadAllowancePeriods", new ReadAcceptedRows<>(
        Dataset.ALLOWANCES, r -> CanonicalRows.allowance(r.canonical), loserLines, municipalities))
        .setCoder(RecordCoders.AllowanceCoder.of());
    PCollection<KisRow> kis = spread.apply("ReadKisRows", new ReadAcceptedRows<>(
        Dataset.KIS, r -> CanonicalRows.kis(r.canonical), loserLines, municipalities))
        .setCoder(RecordCoders.KisCoder.of());
    PCollection<PopulationRow> population = spread.apply("ReadPopulationRows", new ReadAcceptedRows<>(
        Dataset.POPULATION, r -> CanonicalRows.population(r.canonical), loserLines, municipalities))
        .setCoder(RecordCoders.PopulationCoder.of());

    PCollection<RejectedRow> rejected = PCollectionList.of(decided.get(REJECTED)).and(duplicates)
        .apply("AllRejects", Flatten.pCollections());
    PCollection<String> inBatch = decided.get(MUNICIPALITIES).setCoder(StringUtf8Coder.of())
        .apply("DistinctMunicipalities", Distinct.create());
    PCollection<YearMonth> months = decided.get(PAYMENT_MONTHS)
        .setCoder(RecordCoders.YearMonthCoder.of())
        .apply("DistinctPaymentMonths", Distinct.create());

    return PCollectionTuple.of(FILES_TO_READ, spread)
        .and(LOSER_LINES, loserLineList)
        .and(ALLOWANCES, allowances)
        .and(KIS, kis)
        .and(POPULATION, population)
        .and(REJECTED, rejected)
        .and(FILES, decided.get(FILES).setCoder(SerializableCoder.of(FileInfo.class)))
        .and(MUNICIPALITIES, inBatch)
        .and(PAYMENT_MONTHS, months);
  }

  static byte[] readBytes(InputFile file) throws IOException {
    try (InputStream in = Channels.newInputStream(
        FileSystems.open(FileSystems.matchSingleFileSpec(file.location).resourceId()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IOException("cannot read input file " + IdentityNumbers.mask(file.relativePath) + ": "
          + IdentityNumbers.mask(String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * First reading: every data line of a file as a finding, and the file's description. The
   * fingerprints are packed per bucket and leave in batches of about {@link #BATCH_BYTES}.
   */
  static final class CheckRowsFn extends DoFn<KV<Integer, InputFile>, KV<Long, Finding>> {
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
      FileInfo info = FileParser.parse(file.dataset, file.relativePath, readBytes(file), municipalities,
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

  /**
   * The duplicate rule per key group; rejected rows and file descriptions pass through. The
   * municipalities and payment months of accepted rows are gathered per bundle (few distinct
   * values) and emitted when the bundle finishes.
   */
  static final class ApplyDuplicateRuleFn extends DoFn<KV<Long, Iterable<Finding>>, KV<Integer, DuplicateRule.Loser>> {
    private static final long serialVersionUID = 1L;
    static final TupleTag<KV<Integer, DuplicateRule.Loser>> LOSERS = new TupleTag<>() {};
    private final List<String> displayPaths;
    private transient Set<String> municipalities;
    private transient Set<Integer> months;

    ApplyDuplicateRuleFn(List<String> displayPaths) {
      this.displayPaths = displayPaths;
    }

    @StartBundle
    public void startBundle() {
      municipalities = new HashSet<>();
      months = new HashSet<>();
    }

    @ProcessElement
    public void process(@Element KV<Long, Iterable<Finding>> group, MultiOutputReceiver out) throws IOException {
      List<RowFingerprint> rows = new ArrayList<>();
      for (Finding f : group.getValue()) {
        switch (f.kind) {
          case ROWS:
            rows.addAll(f.fingerprints());
            break;
          case REJECTED:
            out.get(REJECTED).output(f.rejected);
            break;
          default:
            out.get(FILES).output(f.file);
        }
      }
      for (DuplicateRule.Decision d : DuplicateRule.decideEachKey(rows, displayPaths::get)) {
        record(d, out);
      }
    }

    private void record(DuplicateRule.Decision d, MultiOutputReceiver out) {
      if (d.accepted != null) {
        if (!d.accepted.municipality.isEmpty()) {
          municipalities.add(d.accepted.municipality);
        }
        if (d.accepted.paymentMonth != RowFingerprint.NO_MONTH) {
          months.add(d.accepted.paymentMonth);
        }
      }
      for (DuplicateRule.Loser l : d.losers) {
        out.get(LOSERS).output(KV.of(l.file, l));
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      for (String m : municipalities) {
        c.output(MUNICIPALITIES, m, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      for (int m : months) {
        c.output(PAYMENT_MONTHS, YearMonth.of(m / 12, m % 12 + 1), GlobalWindow.INSTANCE.maxTimestamp(),
            GlobalWindow.INSTANCE);
      }
    }
  }

  /** Re-reads a file that holds duplicate losers and reports each with its masked raw line. */
  static final class ReportDuplicatesFn extends DoFn<KV<Integer, Iterable<DuplicateRule.Loser>>, RejectedRow> {
    private static final long serialVersionUID = 1L;
    private final List<InputFile> files;
    private final Set<String> municipalities;

    ReportDuplicatesFn(List<InputFile> files, Set<String> municipalities) {
      this.files = files;
      this.municipalities = municipalities;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<DuplicateRule.Loser>> group, OutputReceiver<RejectedRow> out)
        throws IOException {
      InputFile file = files.get(group.getKey());
      Map<Integer, DuplicateRule.Loser> byLine = new HashMap<>();
      for (DuplicateRule.Loser l : group.getValue()) {
        byLine.put(l.line, l);
      }
      FileParser.parseRows(file.dataset, file.relativePath, readBytes(file), municipalities, new FileParser.Sink() {
        @Override
        public void accepted(ParsedRow row) {
          DuplicateRule.Loser l = byLine.remove(row.line);
          if (l != null) {
            out.output(new RejectedRow(row.dataset.folder, row.file, row.line, l.reason, null, l.message,
                IdentityNumbers.mask(row.rawLine)));
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

  /** The duplicates' lines as a side input: file number → lines to skip. */
  public static PCollectionView<Map<Integer, Iterable<Integer>>> loserLinesByFile(
      PCollection<KV<Integer, Integer>> loserLines) {
    return loserLines.apply("LoserLinesByFile", View.asMultimap());
  }

  /**
   * The second reading of one file: every row that passes the per-row checks, except the lines in
   * {@code skip}, as a typed record. Rejected rows were reported by the first reading.
   */
  public static <T> void readAccepted(InputFile file, Set<String> municipalities, Set<Integer> skip,
      SerializableFunction<ParsedRow, T> toRecord, Consumer<T> out) throws IOException {
    FileParser.parseRows(file.dataset, file.relativePath, readBytes(file), municipalities, new FileParser.Sink() {
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

  /**
   * Second reading of one dataset's files: the typed accepted rows, duplicates' losers left out.
   * Rejected rows were reported by the first reading.
   */
  public static final class ReadAcceptedRows<T> extends PTransform<PCollection<KV<Integer, InputFile>>, PCollection<T>> {
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
  }

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
