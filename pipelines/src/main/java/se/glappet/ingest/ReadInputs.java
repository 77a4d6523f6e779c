package se.glappet.ingest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
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
    PCollectionView<Map<Integer, Iterable<Integer>>> loserLines = ReadAcceptedRows.loserLinesByFile(loserLineList);

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
}
