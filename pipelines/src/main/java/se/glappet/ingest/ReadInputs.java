package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import se.glappet.records.AllowancePeriod;
import se.glappet.records.KisRow;
import se.glappet.records.Payment;
import se.glappet.records.PopulationRow;

/**
 * Reads every input file (contract section 2): parses each file in one pass, applies the per-row
 * checks, then the duplicate rule per key, and yields the typed accepted rows of the four
 * datasets, every rejected row, what was read per file, and the municipalities in the batch.
 */
public final class ReadInputs extends PTransform<PBegin, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  public static final TupleTag<Payment> PAYMENTS = new TupleTag<>() {};
  public static final TupleTag<AllowancePeriod> ALLOWANCES = new TupleTag<>() {};
  public static final TupleTag<KisRow> KIS = new TupleTag<>() {};
  public static final TupleTag<PopulationRow> POPULATION = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<FileInfo> FILES = new TupleTag<>() {};
  /** Municipality codes of accepted kis, income-support and allowances rows, distinct. */
  public static final TupleTag<String> MUNICIPALITIES = new TupleTag<>() {};

  private final List<InputFile> files;
  private final Set<String> municipalities;

  public ReadInputs(List<InputFile> files, Set<String> municipalities) {
    this.files = new ArrayList<>(files);
    this.municipalities = new HashSet<>(municipalities);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple parsed =
        begin
            .apply("ListFiles", Create.of(files).withCoder(SerializableCoder.of(InputFile.class)))
            .apply("SpreadFiles", Reshuffle.viaRandomKey())
            .apply("ParseFiles", ParDo.of(new ParseFilesFn(municipalities))
                .withOutputTags(ParseFilesFn.ROWS, TupleTagList.of(REJECTED).and(FILES)));

    PCollectionTuple deduplicated =
        parsed.get(ParseFilesFn.ROWS).apply("DeduplicateRows", new DeduplicateRows());
    PCollection<ParsedRow> accepted = deduplicated.get(DeduplicateRows.ACCEPTED);

    PCollectionList<ParsedRow> byDataset = accepted.apply("SplitByDataset",
        Partition.of(Dataset.values().length, (row, n) -> row.dataset.ordinal()));

    PCollection<Payment> payments = byDataset.get(Dataset.INCOME_SUPPORT.ordinal())
        .apply("ToPayments", MapElements.into(TypeDescriptor.of(Payment.class))
            .via(r -> CanonicalRows.payment(r.canonical)));
    PCollection<AllowancePeriod> allowances = byDataset.get(Dataset.ALLOWANCES.ordinal())
        .apply("ToAllowancePeriods", MapElements.into(TypeDescriptor.of(AllowancePeriod.class))
            .via(r -> CanonicalRows.allowance(r.canonical)));
    PCollection<KisRow> kis = byDataset.get(Dataset.KIS.ordinal())
        .apply("ToKisRows", MapElements.into(TypeDescriptor.of(KisRow.class))
            .via(r -> CanonicalRows.kis(r.canonical)));
    PCollection<PopulationRow> population = byDataset.get(Dataset.POPULATION.ordinal())
        .apply("ToPopulationRows", MapElements.into(TypeDescriptor.of(PopulationRow.class))
            .via(r -> CanonicalRows.population(r.canonical)));

    PCollection<String> inBatch = accepted
        .apply("WithoutPopulation", Filter.by(r -> r.dataset != Dataset.POPULATION))
        .apply("MunicipalityOfRow", MapElements.into(TypeDescriptors.strings())
            .via(r -> CanonicalRows.municipality(r.dataset, r.canonical)))
        .setCoder(StringUtf8Coder.of())
        .apply("DistinctMunicipalities", Distinct.create());

    PCollection<RejectedRow> rejected = PCollectionList.of(parsed.get(REJECTED))
        .and(deduplicated.get(DeduplicateRows.REJECTED))
        .apply("AllRejects", org.apache.beam.sdk.transforms.Flatten.pCollections());

    return PCollectionTuple.of(PAYMENTS, payments)
        .and(ALLOWANCES, allowances)
        .and(KIS, kis)
        .and(POPULATION, population)
        .and(REJECTED, rejected)
        .and(FILES, parsed.get(FILES).setCoder(SerializableCoder.of(FileInfo.class)))
        .and(MUNICIPALITIES, inBatch);
  }

  /** Reads and checks one whole file. */
  static final class ParseFilesFn extends DoFn<InputFile, ParsedRow> {
    private static final long serialVersionUID = 1L;
    static final TupleTag<ParsedRow> ROWS = new TupleTag<>() {};
    private final Set<String> municipalities;

    ParseFilesFn(Set<String> municipalities) {
      this.municipalities = municipalities;
    }

    @ProcessElement
    public void process(@Element InputFile file, MultiOutputReceiver out) throws IOException {
      byte[] bytes;
      try (InputStream in = Channels.newInputStream(
          FileSystems.open(FileSystems.matchSingleFileSpec(file.location).resourceId()))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new IOException("cannot read input file " + file.relativePath + ": " + e.getMessage(), e);
      }
      FileInfo info = FileParser.parse(file.dataset, file.relativePath, bytes, municipalities,
          new FileParser.Sink() {
            @Override
            public void accepted(ParsedRow row) {
              out.get(ROWS).output(row);
            }

            @Override
            public void rejected(RejectedRow row) {
              out.get(REJECTED).output(row);
            }
          });
      out.get(FILES).output(info);
    }
  }

  /** The duplicate check of contract section 2.7 across all files of a dataset. */
  static final class DeduplicateRows extends PTransform<PCollection<ParsedRow>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;
    static final TupleTag<ParsedRow> ACCEPTED = new TupleTag<>() {};
    static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};

    @Override
    public PCollectionTuple expand(PCollection<ParsedRow> rows) {
      return rows
          .apply("KeyByDatasetAndKey", WithKeys.of((ParsedRow r) -> r.dataset.ordinal() + "|" + r.key)
              .withKeyType(TypeDescriptors.strings()))
          .apply("GroupByKey", GroupByKey.create())
          .apply("ApplyDuplicateRule", ParDo.of(new DoFn<KV<String, Iterable<ParsedRow>>, ParsedRow>() {
            private static final long serialVersionUID = 1L;

            @ProcessElement
            public void process(@Element KV<String, Iterable<ParsedRow>> group, MultiOutputReceiver out) {
              DuplicateRule.Decision d = DuplicateRule.decide(group.getValue());
              if (d.accepted != null) {
                out.get(ACCEPTED).output(d.accepted);
              }
              for (RejectedRow r : d.rejected) {
                out.get(REJECTED).output(r);
              }
            }
          }).withOutputTags(ACCEPTED, TupleTagList.of(REJECTED)));
    }
  }
}
