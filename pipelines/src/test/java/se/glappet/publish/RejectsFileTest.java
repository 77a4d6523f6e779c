package se.glappet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.ingest.RejectReason;
import se.glappet.ingest.RejectedRow;

/** rejected.parquet (contract section 4.7): what is written is read back, in report order. */
class RejectsFileTest {
  @TempDir Path tmp;

  static final RejectedRow KIS_7 = new RejectedRow("kis", "kis/0136.csv", 7, RejectReason.BAD_VALUE,
      "reception_type", "reception_type 'X' is not one of ...", "0136;2011-01;X;3");
  static final RejectedRow INCOME_2_DUP = new RejectedRow("income-support", "income-support/a.csv", 2,
      RejectReason.DUPLICATE_ROW, null, "same as line 1", "p1;0136;2011-01;1200,00");
  static final RejectedRow INCOME_2_MALFORMED = new RejectedRow("income-support", "income-support/a.csv", 2,
      RejectReason.MALFORMED_ROW, null, "3 fields, 4 expected", "åäö \"quoted\";x");
  static final RejectedRow INCOME_10 = new RejectedRow("income-support", "income-support/a.csv", 10,
      RejectReason.PII_DETECTED, "note", "an identity number", "[masked]");
  static final RejectedRow ALLOWANCES = new RejectedRow("allowances", "allowances/b.csv", 3,
      RejectReason.UNKNOWN_MUNICIPALITY, "municipality_code", "9999 is not a municipality", "9999;x");

  @Test
  void roundTripInReportOrder() throws Exception {
    Path f = tmp.resolve("quality/r1/rejected.parquet");
    RejectsFile.write(f, new ArrayList<>(List.of(KIS_7, INCOME_10, INCOME_2_MALFORMED, ALLOWANCES, INCOME_2_DUP)));
    // dataset, file, line, then reason (enum order: MALFORMED_ROW before DUPLICATE_ROW).
    assertEquals(List.of(ALLOWANCES, INCOME_2_MALFORMED, INCOME_2_DUP, INCOME_10, KIS_7),
        RejectsFile.first(f, 100));
    // Every field comes back, the null column included.
    RejectedRow back = RejectsFile.first(f, 100).get(2);
    assertEquals(null, back.column);
    assertEquals("p1;0136;2011-01;1200,00", back.rawLine);
    assertEquals("same as line 1", back.message);
  }

  @Test
  void firstReadsAtMostN() throws Exception {
    Path f = tmp.resolve("rejected.parquet");
    RejectsFile.write(f, new ArrayList<>(List.of(KIS_7, INCOME_10, ALLOWANCES)));
    assertEquals(List.of(ALLOWANCES, INCOME_10), RejectsFile.first(f, 2));
    assertEquals(List.of(), RejectsFile.first(f, 0));
  }

  @Test
  void anEmptyFileReadsAsNoRows() throws Exception {
    Path f = tmp.resolve("rejected.parquet");
    RejectsFile.write(f, new ArrayList<>());
    assertEquals(List.of(), RejectsFile.first(f, 20));
  }
}
