package se.glappet.model;

import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The two outputs of every step that applies disclosure control (contract section 4.6): the rows
 * as published and, per dataset, how many cells holding a value it nulled. Declared here, below
 * both the figures (national_comparison suppresses inside its own step) and the disclosure
 * package, so that neither imports the other.
 */
public final class DisclosedRows {
  private DisclosedRows() {}

  /** The rows after disclosure control. */
  public static final TupleTag<Row> ROWS = new TupleTag<>() {};
  /** Cells nulled, as {@link RunCounter#cellsSuppressed} counts. */
  public static final TupleTag<KV<RunCounter, Long>> CELLS = new TupleTag<>() {};
}
