package se.glappet.gap;

import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import se.glappet.model.MonthRange;
import se.glappet.records.AllowancePeriod;

/**
 * Contract section 3.1: groups each person's allowance rows and keeps the persons in the gap, with
 * their windows as known at {@code obs_end}. Allowance rows are few, so this is cheap.
 */
public final class BuildPersonGaps extends PTransform<PCollection<AllowancePeriod>, PCollection<PersonGap>> {
  private static final long serialVersionUID = 1L;
  private final PCollectionView<MonthRange> range;

  public BuildPersonGaps(PCollectionView<MonthRange> range) {
    this.range = range;
  }

  /** The persons in the gap as a side input: person id → window. */
  public static PCollectionView<Map<String, PersonGap>> byPerson(PCollection<PersonGap> gaps) {
    return gaps
        .apply("KeyGapByPerson", WithKeys.of((PersonGap g) -> g.personId()).withKeyType(TypeDescriptors.strings()))
        .apply("GapsAsMap", View.asMap());
  }

  @Override
  public PCollection<PersonGap> expand(PCollection<AllowancePeriod> rows) {
    PCollectionView<MonthRange> rangeView = range;
    return rows
        .apply("KeyByPerson", WithKeys.of((AllowancePeriod a) -> a.personId).withKeyType(TypeDescriptors.strings()))
        .apply("GroupPerson", GroupByKey.create())
        .apply("GapOfPerson", ParDo.of(new DoFn<KV<String, Iterable<AllowancePeriod>>, PersonGap>() {
          private static final long serialVersionUID = 1L;
          private transient MonthRange range;

          @StartBundle
          public void startBundle() {
            range = null;
          }

          @ProcessElement
          public void process(ProcessContext c) {
            if (range == null) { // once per bundle: the Flink runner's side-input look-up is not cheap
              range = c.sideInput(rangeView);
            }
            if (range.isEmpty()) {
              return;
            }
            Optional<PersonGap> g = PersonGap.of(c.element().getKey(), c.element().getValue(), range.obsEnd());
            g.ifPresent(c::output);
          }
        }).withSideInputs(rangeView))
        .setCoder(PersonGapCoder.of());
  }
}
