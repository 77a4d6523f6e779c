package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.glappet.ingest.RowParserTest.IS_HEADER;
import static se.glappet.ingest.RowParserTest.IS_ROW;
import static se.glappet.ingest.RowParserTest.MUNICIPALITIES;
import static se.glappet.ingest.RowParserTest.POP_HEADER;
import static se.glappet.ingest.RowParserTest.POP_ROW;
import static se.glappet.ingest.RowParserTest.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.pipeline.GlappetPipeline;
import se.glappet.records.Payment;
import se.glappet.records.RecordCoders;

/**
 * ReadInputs end to end on the DirectRunner: both readings of the files, the duplicate rule across
 * files, and every row either accepted or reported.
 */
class ReadInputsTest {
  @TempDir
  Path dir;

  private InputFile write(Dataset dataset, String name, String text) throws IOException {
    Path p = dir.resolve(dataset.folder).resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    return new InputFile(dataset, dataset.folder + "/" + name, p.toString());
  }

  private static String payment(String... pairs) {
    return with(IS_HEADER, IS_ROW, pairs);
  }

  @Test
  void duplicatesAcrossFilesAreDecidedAndEveryRowIsAcceptedOrReported() throws IOException {
    String header = IS_HEADER + ";note";
    String p1 = payment("payment_id", "P-1") + ";call 0701234567";
    String p1Again = payment("payment_id", "P-1", "amount_sek", "1234.5") + ";call 0701234567"; // identical after parsing
    String p2 = payment("payment_id", "P-2", "payment_date", "2024-05-02") + ";";
    String p3a = payment("payment_id", "P-3", "amount_sek", "100") + ";";
    String p3b = payment("payment_id", "P-3", "amount_sek", "200") + ";";
    String unknown = payment("payment_id", "P-4", "municipality_code", "9999") + ";";
    List<InputFile> files = new ArrayList<>();
    // Listed out of order on purpose: the rule orders files by relative path.
    files.add(write(Dataset.INCOME_SUPPORT, "b.csv", header + "\n" + p1Again + "\n" + p3a + "\n" + p3b + "\n" + unknown + "\n"));
    files.add(write(Dataset.INCOME_SUPPORT, "a.csv", header + "\n" + p1 + "\n\n" + p2 + "\n"));
    files.add(write(Dataset.POPULATION, "pop.csv", POP_HEADER + "\n" + POP_ROW + "\n" + POP_ROW + "\n"));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    GlappetPipeline.registerCoders(p.getCoderRegistry());
    ReadInputs reading = new ReadInputs(files, MUNICIPALITIES);
    PCollectionTuple small = p.apply(reading);
    // The payments' first (and only) reading as the step that sums them does it: the same checks.
    PCollectionTuple paymentChecks = small.get(ReadInputs.PAYMENT_FILES)
        .apply("CheckPayments", ParDo.of(new CheckRowsFn(MUNICIPALITIES)))
        .setCoder(Finding.keyedCoder())
        .apply("DecidePaymentDuplicates", reading.decidePaymentDuplicates());
    PCollectionTuple out = ReadInputs.withPayments(small, paymentChecks);

    // The losers come back typed, so that sums made before the rule decided can take them out.
    PAssert.that(paymentChecks.get(DecideDuplicates.LOSER_PAYMENTS).apply("LosersAsText",
            MapElements.into(TypeDescriptors.strings())
                .via(x -> x.paymentId + " " + x.amountSek.toPlainString() + " " + x.paymentDate)))
        .containsInAnyOrder("P-1 1234.5 2024-03-05", "P-3 100 2024-03-05", "P-3 200 2024-03-05");
    PAssert.that(paymentChecks.get(DecideDuplicates.LOSER_LINES).apply("LoserLinesAsText",
            MapElements.into(TypeDescriptors.strings()).via(kv -> kv.getKey() + ":" + kv.getValue())))
        .containsInAnyOrder("1:2", "1:3", "1:4"); // b.csv is file 1 in path order (a.csv, b.csv, pop.csv)
    PAssert.that(out.get(ReadInputs.POPULATION).apply("PopulationAsText", MapElements.into(TypeDescriptors.strings())
            .via(x -> x.municipalityCode + " " + x.year + " " + x.population)))
        .containsInAnyOrder("0127 2023 112000");
    PAssert.that(out.get(ReadInputs.REJECTED).apply("RejectsAsText", MapElements.into(TypeDescriptors.strings())
            .via(r -> r.file + ":" + r.line + " " + r.reason + " " + r.message + " | " + r.rawLine)))
        .containsInAnyOrder(
            "income-support/b.csv:2 DUPLICATE_ROW identical to the accepted row at income-support/a.csv line 2 | "
                + p1Again.replace("0701234567", "**********"),
            "income-support/b.csv:3 CONFLICTING_DUPLICATE 2 rows share this key with different values; none is used | " + p3a,
            "income-support/b.csv:4 CONFLICTING_DUPLICATE 2 rows share this key with different values; none is used | " + p3b,
            "income-support/b.csv:5 UNKNOWN_MUNICIPALITY municipality_code: '9999' is not in the municipality reference list | "
                + unknown,
            "population/pop.csv:3 DUPLICATE_ROW identical to the accepted row at population/pop.csv line 2 | " + POP_ROW);
    PAssert.that(out.get(ReadInputs.FILES).apply("FilesAsText", MapElements.into(TypeDescriptors.strings())
            .via(f -> f.file + " " + f.rowsRead)))
        .containsInAnyOrder("income-support/a.csv 2", "income-support/b.csv 4", "population/pop.csv 2");
    PAssert.that(out.get(ReadInputs.MUNICIPALITIES)).containsInAnyOrder("0127");
    PAssert.that(out.get(ReadInputs.PAYMENT_MONTHS).apply("DistinctMonths", Distinct.create()))
        .containsInAnyOrder(YearMonth.of(2024, 3), YearMonth.of(2024, 5));
    assertEquals(org.apache.beam.sdk.PipelineResult.State.DONE, p.run().waitUntilFinish());
  }
}
