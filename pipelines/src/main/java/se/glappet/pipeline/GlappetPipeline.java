package se.glappet.pipeline;

import se.glappet.model.MonthRange;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import se.glappet.figures.CellKey;
import se.glappet.figures.GapCell;
import se.glappet.figures.IncomeSupportTotals;
import se.glappet.gap.PersonGap;
import se.glappet.gap.PersonGapCoder;
import se.glappet.ingest.DecideDuplicates;
import se.glappet.ingest.Finding;
import se.glappet.ingest.RowFingerprint;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
import se.glappet.records.PopulationRow;
import se.glappet.records.RecordCoders;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import se.glappet.figures.ComputeFigures;
import se.glappet.figures.ReadPayments;
import se.glappet.figures.SummarisePayments;
import se.glappet.gap.BuildPersonGaps;
import se.glappet.ingest.FileInfo;
import se.glappet.ingest.ReadInputs;
import se.glappet.ingest.RejectedRow;
import se.glappet.model.RunCounter;
import se.glappet.publish.RunStats;
import se.glappet.publish.WriteMonthFiles;
import se.glappet.publish.WriteRejects;
import se.glappet.publish.WriteRunStats;
import se.glappet.records.Payment;

/**
 * The whole batch as one Beam graph, built by {@link #build} so that tests and every runner use the
 * same graph: ReadInputs (the small datasets) → ReadPayments (the payments, read once) →
 * DecidePaymentDuplicates → ComputeMonthRange, BuildPersonGaps → SummarisePayments (the exact
 * sums) → ComputeFigures (every table's figures, in one place) → SuppressAndWriteMonthFiles
 * (disclosure control and the month files of every dataset, one grouping),
 * plus the rejected rows and the run statistics (with the municipality-months that did not report),
 * all into the staging folder.
 */
public final class GlappetPipeline {
  private GlappetPipeline() {}

  /** Adds the batch to {@code p}. */
  public static void build(Pipeline p, BatchSpec spec) {
    registerCoders(p.getCoderRegistry());
    ReadInputs reading = new ReadInputs(spec.inputFiles, spec.municipalities.byCode().keySet());
    PCollectionTuple small = p.apply("ReadInputs", reading);
    PCollectionTuple payments = small.get(ReadInputs.PAYMENT_FILES).apply("ReadPayments",
        new ReadPayments(ReadPayments.personsWithAllowances(small.get(ReadInputs.ALLOWANCE_PERSONS)), spec.from, spec.to, spec.municipalities.byCode().keySet()));
    PCollectionTuple paymentChecks = payments.get(ReadPayments.FINDINGS)
        .apply("DecidePaymentDuplicates", reading.decidePaymentDuplicates());
    PCollectionTuple inputs = ReadInputs.withPayments(small, paymentChecks);
    PCollectionView<MonthRange> range = inputs.get(ReadInputs.PAYMENT_MONTHS).apply("ComputeMonthRange",
        new ComputeMonthRange(spec.from, spec.to));

    List<PCollection<KV<RunCounter, Long>>> counters = new ArrayList<>();

    PCollection<PersonGap> gaps = inputs.get(ReadInputs.ALLOWANCES).apply("BuildPersonGaps", new BuildPersonGaps(range));
    PCollectionView<Map<String, PersonGap>> gapOf = BuildPersonGaps.byPerson(gaps);
    PCollectionTuple summaries = PCollectionTuple
        .of(ReadPayments.PARTIALS_AND_CANDIDATES, payments.get(ReadPayments.PARTIALS_AND_CANDIDATES))
        .and(DecideDuplicates.LOSER_PAYMENTS, paymentChecks.get(DecideDuplicates.LOSER_PAYMENTS))
        .and(DecideDuplicates.LOSER_LINES, paymentChecks.get(DecideDuplicates.LOSER_LINES))
        .apply("SummarisePayments", new SummarisePayments(range, gapOf, spec.from, spec.to));

    PCollectionTuple figures = summaries
        .and(ComputeFigures.PERSON_GAPS, gaps)
        .and(ReadInputs.KIS, inputs.get(ReadInputs.KIS))
        .and(ReadInputs.MUNICIPALITIES, inputs.get(ReadInputs.MUNICIPALITIES))
        .and(ReadInputs.POPULATION, inputs.get(ReadInputs.POPULATION))
        .apply("ComputeFigures", new ComputeFigures(range, spec.municipalities));
    counters.add(figures.get(ComputeFigures.CELLS_NULLED));

    // Disclosure control and the month files of every dataset in one step (one grouping by month
    // file), the rejects in another; what they count goes to the run statistics.
    counters.add(figures.get(ComputeFigures.MONTH_FILES)
        .apply("SuppressAndWriteMonthFiles", new WriteMonthFiles(spec.stagingDir)));
    counters.add(inputs.get(ReadInputs.REJECTED).apply("WriteRejects", new WriteRejects(spec.rejectsFile())));

    PCollection<String> fileLines = inputs.get(ReadInputs.FILES)
        .apply("FileLines", ParDo.of(new FileInfoJson()));
    PCollection<String> nonResponseLines = figures.get(ComputeFigures.CELLS)
        .apply("ListNonResponse", ParDo.of(new NonResponseLines()));
    PCollection<String> dataLine = inputs.apply("FindDataMonths", new FindDataMonths())
        .apply("DataMonthsLine", MapElements.into(TypeDescriptors.strings())
            .via(r -> "data\t" + r.from + "\t" + r.to));
    PCollectionTuple
        .of(WriteRunStats.COUNTERS, PCollectionList.of(counters).apply("AllCounters", Flatten.pCollections())
            .setCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of())))
        .and(WriteRunStats.LINES, PCollectionList.of(fileLines).and(nonResponseLines).and(dataLine)
            .apply("AllStatsLines", Flatten.pCollections()))
        .apply("WriteRunStats", new WriteRunStats(spec.statsFile(), range));
  }

  /**
   * The compact coders of the records that travel in volume. Registered explicitly: without it the
   * registry fell back to Java serialization for these Serializable classes, which dominated the
   * profile.
   */
  public static void registerCoders(CoderRegistry r) {
    r.registerCoderForClass(RowFingerprint.class, RowFingerprint.FingerprintCoder.of());
    r.registerCoderForClass(Finding.class, Finding.FindingCoder.of());
    r.registerCoderForClass(RejectedRow.class, RejectedRow.RejectCoder.of());
    r.registerCoderForClass(FileInfo.class, FileInfo.FileInfoCoder.of());
    r.registerCoderForClass(se.glappet.ingest.InputFile.class, se.glappet.ingest.InputFile.InputFileCoder.of());
    r.registerCoderForClass(Payment.class, RecordCoders.PaymentCoder.of());
    r.registerCoderForClass(AllowancePeriod.class, RecordCoders.AllowanceCoder.of());
    r.registerCoderForClass(KisRow.class, RecordCoders.KisCoder.of());
    r.registerCoderForClass(PopulationRow.class, RecordCoders.PopulationCoder.of());
    r.registerCoderForClass(PersonGap.class, PersonGapCoder.of());
    r.registerCoderForClass(GapCell.class, GapCell.CellCoder.of());
    r.registerCoderForClass(CellKey.class, CellKey.CellKeyCoder.of());
    r.registerCoderForClass(RunCounter.class, RunCounter.RunCounterCoder.of());
    r.registerCoderForClass(IncomeSupportTotals.class, IncomeSupportTotals.TotalsCoder.of());
  }

  /**
   * One line per municipality in the batch and month that it did not report (contract section 4),
   * read back by {@link se.glappet.publish.RunStats}.
   */
  static final class NonResponseLines extends DoFn<KV<CellKey, GapCell>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<CellKey, GapCell> cell, OutputReceiver<String> out) {
      if (!cell.getValue().incomeSupportReported) {
        CellKey k = cell.getKey();
        out.output(RunStats.NON_RESPONSE + "\t" + k.period + "\t" + k.municipality);
      }
    }
  }

  /** One JSON line per input file. */
  static final class FileInfoJson extends DoFn<FileInfo, String> {
    private static final long serialVersionUID = 1L;
    private transient ObjectMapper json;

    @Setup
    public void setup() {
      json = new ObjectMapper();
    }

    @ProcessElement
    public void process(@Element FileInfo f, OutputReceiver<String> out) throws Exception {
      out.output("file\t" + json.writeValueAsString(f));
    }
  }
}
