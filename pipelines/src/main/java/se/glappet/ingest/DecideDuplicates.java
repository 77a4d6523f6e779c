package se.glappet.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import se.glappet.privacy.IdentityNumbers;
import se.glappet.records.Payment;
import se.glappet.records.RecordCoders;

/**
 * The duplicate rule (contract 2.7) over the findings of a first reading ({@link CheckFile}): the
 * fingerprints are grouped by key across all files and decided ({@link DuplicateRule}); the files
 * that hold losers are read again to report each loser with its masked raw line.
 *
 * <p>Input: findings keyed as {@link Finding} keys them. Output, under {@link ReadInputs}' tags:
 * {@link ReadInputs#REJECTED} (the rows the per-row checks rejected and the duplicates' losers),
 * {@link ReadInputs#FILES}, {@link ReadInputs#MUNICIPALITIES} and {@link ReadInputs#PAYMENT_MONTHS}
 * (of accepted rows; a value may repeat), {@link #LOSER_LINES} (file number, line) and, for payments,
 * {@link #LOSER_PAYMENTS}.
 */
public final class DecideDuplicates extends PTransform<PCollection<KV<Long, Finding>>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  /** (file number, line) of every row the rule rejected. */
  public static final TupleTag<KV<Integer, Integer>> LOSER_LINES = new TupleTag<>() {};
  /** The payments the rule rejected, as typed records (empty for the other datasets). */
  public static final TupleTag<Payment> LOSER_PAYMENTS = ReportDuplicatesFn.LOSER_PAYMENTS;

  private final List<InputFile> files;
  private final Set<String> municipalities;

  /** {@code files}: every input file, numbered by its index ({@link ReadInputs#numbered}). */
  DecideDuplicates(List<InputFile> files, Set<String> municipalities) {
    this.files = files;
    this.municipalities = municipalities;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Long, Finding>> findings) {
    List<String> displayPaths = new ArrayList<>();
    for (InputFile f : files) {
      displayPaths.add(IdentityNumbers.mask(f.relativePath));
    }
    PCollectionTuple decided = findings
        .apply("GroupByRowKey", GroupByKey.create())
        .apply("ApplyDuplicateRule", ParDo.of(new ApplyDuplicateRuleFn(displayPaths))
            .withOutputTags(ApplyDuplicateRuleFn.LOSERS, TupleTagList.of(ReadInputs.REJECTED).and(ReadInputs.FILES)
                .and(ReadInputs.MUNICIPALITIES).and(ReadInputs.PAYMENT_MONTHS)));

    PCollection<KV<Integer, DuplicateRule.Loser>> losers = decided.get(ApplyDuplicateRuleFn.LOSERS)
        .setCoder(KvCoder.of(VarIntCoder.of(), DuplicateRule.LoserCoder.of()));
    PCollection<KV<Integer, Integer>> loserLines = losers
        .apply("LoserLines", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.integers()))
            .via(kv -> KV.of(kv.getKey(), kv.getValue().line)));
    PCollectionTuple reported = losers
        .apply("GroupLosersByFile", GroupByKey.create())
        .apply("ReportDuplicates", ParDo.of(new ReportDuplicatesFn(files, municipalities))
            .withOutputTags(ReportDuplicatesFn.DUPLICATES, TupleTagList.of(LOSER_PAYMENTS)));
    PCollection<RejectedRow> duplicates = reported.get(ReportDuplicatesFn.DUPLICATES)
        .setCoder(RejectedRow.RejectCoder.of());

    PCollection<RejectedRow> rejected = PCollectionList.of(decided.get(ReadInputs.REJECTED)
            .setCoder(RejectedRow.RejectCoder.of())).and(duplicates)
        .apply("AllRejects", Flatten.pCollections());
    // Municipalities and months come distinct per bundle (few values); ReadInputs.withPayments
    // makes the municipalities distinct over all datasets, and a month range needs no distinct months.
    PCollection<String> inBatch = decided.get(ReadInputs.MUNICIPALITIES).setCoder(StringUtf8Coder.of());
    PCollection<java.time.YearMonth> months = decided.get(ReadInputs.PAYMENT_MONTHS)
        .setCoder(RecordCoders.YearMonthCoder.of());
    return PCollectionTuple.of(ReadInputs.REJECTED, rejected)
        .and(ReadInputs.FILES, decided.get(ReadInputs.FILES).setCoder(FileInfo.FileInfoCoder.of()))
        .and(ReadInputs.MUNICIPALITIES, inBatch)
        .and(ReadInputs.PAYMENT_MONTHS, months)
        .and(LOSER_LINES, loserLines)
        .and(LOSER_PAYMENTS, reported.get(LOSER_PAYMENTS).setCoder(RecordCoders.PaymentCoder.of()));
  }
}
