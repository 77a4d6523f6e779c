package se.glappet.ingest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
import se.glappet.records.PopulationRow;
import se.glappet.records.RecordCoders;

/**
 * Reads the input files (contract section 2). The three small datasets are read twice, so that
 * their rows never travel through a shuffle before the duplicates are known:
 *
 * <ol>
 *   <li>{@code CheckRows} reads each file once and applies the per-row checks ({@link CheckFile}):
 *       every data line becomes a finding, a rejected row or the small fingerprint of an accepted
 *       one. {@code DecideDuplicates} groups the fingerprints by key across all files, decides the
 *       duplicates (the "losers") and reports them.
 *   <li>{@code Read<Dataset>} reads each file again, checks every line the same way, skips the
 *       losers and yields the typed accepted rows.
 * </ol>
 *
 * <p>The payments, the one large dataset, are read once, by the step that sums them
 * ({@code figures.ReadPayments}, from {@link #PAYMENT_FILES}); their findings go through
 * {@link #decidePaymentDuplicates()}, and {@link #withPayments} joins both halves into the tuple the
 * rest of the batch reads.
 *
 * <p>Outputs: the typed accepted rows of the three small datasets, the numbered payment files, and
 * for the small datasets every rejected row, what was read per file and the municipalities of
 * accepted rows.
 */
public final class ReadInputs extends PTransform<PBegin, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /**
   * The persons of allowance rows that pass the per-row checks (repeated per row), read straight
   * from the allowance files, before the duplicate rule: the payments' reading sets these persons'
   * payments aside as gap candidates without waiting for the small datasets' rule (a superset of
   * the persons with accepted rows, which is all it needs).
   */
  public static final TupleTag<String> ALLOWANCE_PERSONS = new TupleTag<>() {};
  /** The income-support files, numbered, for the payments' single reading. */
  public static final TupleTag<KV<Integer, InputFile>> PAYMENT_FILES = new TupleTag<>() {};
  public static final TupleTag<AllowancePeriod> ALLOWANCES = new TupleTag<>() {};
  public static final TupleTag<KisRow> KIS = new TupleTag<>() {};
  public static final TupleTag<PopulationRow> POPULATION = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<FileInfo> FILES = new TupleTag<>() {};
  /** Municipality codes of accepted kis, income-support and allowances rows (distinct after {@link #withPayments}). */
  public static final TupleTag<String> MUNICIPALITIES = new TupleTag<>() {};
  /** The months of {@code payment_date} of accepted payments (a month may repeat). */
  public static final TupleTag<YearMonth> PAYMENT_MONTHS = new TupleTag<>() {};

  /** The input files in relative-path order; a file's number is its index here. */
  private final List<InputFile> files;
  private final Set<String> municipalities;

  public ReadInputs(List<InputFile> files, Set<String> municipalities) {
    this.files = new ArrayList<>(files);
    this.files.sort(Comparator.comparing((InputFile f) -> f.relativePath));
    this.municipalities = new HashSet<>(municipalities);
  }

  /** The duplicate rule for the payments' findings, with the same file numbers as this reading. */
  public DecideDuplicates decidePaymentDuplicates() {
    return new DecideDuplicates(files, municipalities);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<KV<Integer, InputFile>> small = new ArrayList<>();
    List<KV<Integer, InputFile>> payments = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      (files.get(i).dataset == Dataset.INCOME_SUPPORT ? payments : small).add(KV.of(i, files.get(i)));
    }
    KvCoder<Integer, InputFile> numbered = KvCoder.of(VarIntCoder.of(), InputFile.InputFileCoder.of());
    PCollection<KV<Integer, InputFile>> spread = begin
        .apply("ListFiles", Create.of(small).withCoder(numbered))
        .apply("SpreadFiles", Reshuffle.viaRandomKey());
    PCollection<KV<Integer, InputFile>> paymentFiles = begin
        .apply("ListPaymentFiles", Create.of(payments).withCoder(numbered))
        .apply("SpreadPaymentFiles", Reshuffle.viaRandomKey());

    PCollectionTuple decided = spread
        .apply("CheckRows", ParDo.of(new CheckRowsFn(municipalities)))
        .setCoder(Finding.keyedCoder())
        .apply("DecideDuplicates", new DecideDuplicates(files, municipalities));
    PCollectionView<Map<Integer, Iterable<Integer>>> loserLines =
        ReadAcceptedRows.loserLinesByFile(decided.get(DecideDuplicates.LOSER_LINES));

    PCollection<AllowancePeriod> allowances = spread.apply("ReadAllowancePeriods", new ReadAcceptedRows<>(
        Dataset.ALLOWANCES, CanonicalRows::allowance, loserLines, municipalities))
        .setCoder(RecordCoders.AllowanceCoder.of());
    PCollection<KisRow> kis = spread.apply("ReadKisRows", new ReadAcceptedRows<>(
        Dataset.KIS, r -> CanonicalRows.kis(r.canonical()), loserLines, municipalities))
        .setCoder(RecordCoders.KisCoder.of());
    PCollection<PopulationRow> population = spread.apply("ReadPopulationRows", new ReadAcceptedRows<>(
        Dataset.POPULATION, r -> CanonicalRows.population(r.canonical()), loserLines, municipalities))
        .setCoder(RecordCoders.PopulationCoder.of());

    PCollection<String> persons = spread
        .apply("ReadAllowancePersons", ParDo.of(new ReadAllowancePersonsFn(municipalities)))
        .setCoder(StringUtf8Coder.of());

    return PCollectionTuple.of(PAYMENT_FILES, paymentFiles)
        .and(ALLOWANCE_PERSONS, persons)
        .and(ALLOWANCES, allowances)
        .and(KIS, kis)
        .and(POPULATION, population)
        .and(REJECTED, decided.get(REJECTED))
        .and(FILES, decided.get(FILES))
        .and(MUNICIPALITIES, decided.get(MUNICIPALITIES));
  }

  /**
   * The whole reading: the small datasets' tuple of this transform joined with what
   * {@link #decidePaymentDuplicates()} found in the payments. Rejected rows, files and municipalities
   * (made distinct here) cover every dataset; the payment months are the payments'.
   */
  public static PCollectionTuple withPayments(PCollectionTuple small, PCollectionTuple payments) {
    PCollection<RejectedRow> rejected = PCollectionList.of(small.get(REJECTED)).and(payments.get(REJECTED))
        .apply("AllRejectedRows", Flatten.pCollections());
    PCollection<FileInfo> fileInfos = PCollectionList.of(small.get(FILES)).and(payments.get(FILES))
        .apply("AllFiles", Flatten.pCollections());
    PCollection<String> inBatch = PCollectionList.of(small.get(MUNICIPALITIES)).and(payments.get(MUNICIPALITIES))
        .apply("AllMunicipalities", Flatten.pCollections())
        .apply("DistinctMunicipalities", Distinct.create());
    return PCollectionTuple.of(ALLOWANCES, small.get(ALLOWANCES))
        .and(KIS, small.get(KIS))
        .and(POPULATION, small.get(POPULATION))
        .and(REJECTED, rejected)
        .and(FILES, fileInfos)
        .and(MUNICIPALITIES, inBatch)
        .and(PAYMENT_MONTHS, payments.get(PAYMENT_MONTHS));
  }

  /** The person of every allowance row that passes the per-row checks ({@link #ALLOWANCE_PERSONS}). */
  static final class ReadAllowancePersonsFn extends DoFn<KV<Integer, InputFile>, String> {
    private static final long serialVersionUID = 1L;
    private final Set<String> municipalities;

    ReadAllowancePersonsFn(Set<String> municipalities) {
      this.municipalities = municipalities;
    }

    @ProcessElement
    public void process(@Element KV<Integer, InputFile> numbered, OutputReceiver<String> out) throws java.io.IOException {
      InputFile f = numbered.getValue();
      if (f.dataset != Dataset.ALLOWANCES) {
        return;
      }
      ReadAcceptedRows.readAccepted(f, municipalities, Set.of(), CanonicalRows::allowancePerson,
          out::output);
    }
  }
}
