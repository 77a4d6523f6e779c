package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import se.glappet.testing.CoderChecks;

/** Beam's coder properties for the ingest coders: rejected rows, fingerprints, findings, losers. */
class IngestCodersTest {
  static final RejectedRow BAD_VALUE = new RejectedRow("income-support", "income-support/a.csv", 7,
      RejectReason.BAD_VALUE, "amount_sek", "not a number: \"12,5x\"", "0127;P-1;…;12,5x;Övrigt");
  static final RejectedRow MALFORMED = new RejectedRow("kis", "kis/å ä ö.tsv", 1_000_000, RejectReason.MALFORMED_ROW,
      null, "3 cells, 7 expected", "");

  static RowFingerprint fingerprint(long keyHigh, int file, int line, String municipality, int month) {
    return new RowFingerprint(keyHigh, ~keyHigh, file, line, 0x0123456789abcdefL, -1L, municipality, month);
  }

  @Test
  void rejectedRowsRoundTripWithAndWithoutAColumn() throws Exception {
    CoderChecks.roundTrips(RejectedRow.RejectCoder.of(), BAD_VALUE, MALFORMED);
    CoderChecks.consistentWithEquals(RejectedRow.RejectCoder.of(), BAD_VALUE, MALFORMED);
  }

  @Test
  void fingerprintsRoundTripAndAreDeterministic() throws Exception {
    RowFingerprint payment = fingerprint(Long.MIN_VALUE, 0, 2, "0127", 2011 * 12);
    RowFingerprint population = fingerprint(Long.MAX_VALUE, 12, 1_234_567, "", RowFingerprint.NO_MONTH);
    RowFingerprint sameKeyOtherLine = fingerprint(Long.MIN_VALUE, 0, 3, "0127", 2011 * 12);
    CoderChecks.roundTrips(RowFingerprint.FingerprintCoder.of(), payment, population, sameKeyOtherLine);
    CoderChecks.consistentWithEquals(RowFingerprint.FingerprintCoder.of(), payment, population, sameKeyOtherLine);
    CoderProperties.coderDeterministic(RowFingerprint.FingerprintCoder.of(), payment,
        fingerprint(Long.MIN_VALUE, 0, 2, "0127", 2011 * 12));
    RowFingerprint back = CoderUtils.clone(RowFingerprint.FingerprintCoder.of(), population);
    assertEquals(RowFingerprint.NO_MONTH, back.paymentMonth);
    assertEquals(true, back.sameValuesAs(population));
  }

  @Test
  void findingsRoundTripInEachKind() throws Exception {
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    RowFingerprint a = fingerprint(5L, 1, 2, "0127", 2011 * 12 + 4);
    RowFingerprint b = fingerprint(6L, 1, 3, "0180", RowFingerprint.NO_MONTH);
    RowFingerprint.FingerprintCoder.of().encode(a, batch);
    RowFingerprint.FingerprintCoder.of().encode(b, batch);
    Finding rows = Finding.rows(17, batch.toByteArray()).getValue();
    Finding emptyBatch = Finding.rows(0, new byte[0]).getValue();
    Finding rejected = Finding.rejected(3, BAD_VALUE).getValue();
    Finding file = Finding.file(3, new FileInfo("kis", "kis/k.csv", 1234L, "ab".repeat(32), "UTF-8", ";", 17L,
        List.of("note", "(empty header cell)"))).getValue();
    Finding emptyFile = Finding.file(4, new FileInfo("population", "population/p.csv", 0L, "00".repeat(32),
        "windows-1252", "", 0L, List.of())).getValue();
    CoderChecks.roundTrips(Finding.FindingCoder.of(), rows, emptyBatch, rejected, file, emptyFile);
    assertEquals(List.of(a, b), CoderUtils.clone(Finding.FindingCoder.of(), rows).fingerprints());
  }

  @Test
  void losersRoundTripAndAreDeterministic() throws Exception {
    DuplicateRule.Loser duplicate = new DuplicateRule.Loser(0, 3, RejectReason.DUPLICATE_ROW,
        "identical to the accepted row at income-support/a.csv line 2");
    DuplicateRule.Loser conflicting = new DuplicateRule.Loser(41, 1_000_001, RejectReason.CONFLICTING_DUPLICATE,
        "2 rows share this key with different values; none is used");
    CoderChecks.roundTrips(DuplicateRule.LoserCoder.of(), duplicate, conflicting);
    CoderChecks.consistentWithEquals(DuplicateRule.LoserCoder.of(), duplicate, conflicting);
    CoderProperties.coderDeterministic(DuplicateRule.LoserCoder.of(), duplicate,
        new DuplicateRule.Loser(0, 3, RejectReason.DUPLICATE_ROW, duplicate.message));
  }

  @Test
  void inputFilesRoundTripInEveryDataset() throws Exception {
    InputFile[] files = new InputFile[Dataset.values().length];
    for (Dataset d : Dataset.values()) {
      files[d.ordinal()] = new InputFile(d, d.folder + "/å ä ö " + d.ordinal() + ".csv",
          "/in/" + d.folder + "/å ä ö " + d.ordinal() + ".csv");
    }
    CoderChecks.roundTrips(InputFile.InputFileCoder.of(), files);
    CoderChecks.consistentWithEquals(InputFile.InputFileCoder.of(), files);
    CoderProperties.coderDeterministic(InputFile.InputFileCoder.of(), files[0],
        new InputFile(files[0].dataset, files[0].relativePath, files[0].location));
  }

  @Test
  void fileDescriptionsRoundTripWithUnknownColumnsAndWithoutADigest() throws Exception {
    FileInfo described = new FileInfo("kis", "kis/k.csv", 1234L, "ab".repeat(32), "UTF-8", ";", 17L,
        List.of("note", "(empty header cell)"));
    FileInfo bare = new FileInfo("population", "population/p.csv", 0L, null, null, "", 0L, List.of());
    CoderChecks.roundTrips(FileInfo.FileInfoCoder.of(), described, bare);
    CoderChecks.consistentWithEquals(FileInfo.FileInfoCoder.of(), described, bare);
    assertEquals(List.of("note", "(empty header cell)"),
        CoderUtils.clone(FileInfo.FileInfoCoder.of(), described).unknownColumns);
  }
}
