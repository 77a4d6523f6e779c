package se.glappet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expert peer's grouping: by header line, dialect decided per group. */
class CsvHeaderGroupsTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  private Path write(String name, byte[]... parts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p);
    }
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  @Test
  void filesWithTheSameHeaderFormOneGroupWhoseEncodingOneFileDecides() throws Exception {
    // a: pure ASCII; b: a Windows-1252 no-break space in an amount. Same header, so one group,
    // and b (the first file with a byte above 0x7F) makes it Windows-1252.
    Path a = write("a.csv", "municipality_code;amount_sek\r\n0114;12,50\r\n".getBytes(StandardCharsets.US_ASCII));
    Path b = write("b.csv", "municipality_code;amount_sek\r\n0114;1\u00a0234,50\r\n".getBytes(CP1252));
    // c: byte-order mark, other order, comma separated, mixed letter case.
    Path c = write("c.CSV", BOM, " Amount_Sek ,Municipality_Code\n1234.5,0180\n".getBytes(StandardCharsets.UTF_8));
    // d: a separators-only line before the same header as a: a group of its own (skip 1).
    Path d = write("d.csv", ";;\nmunicipality_code;amount_sek\n0114;1\n".getBytes(StandardCharsets.US_ASCII));
    write("e.csv"); // empty: contributes nothing
    write("f.txt", "municipality_code;amount_sek\n".getBytes(StandardCharsets.US_ASCII)); // not .csv

    List<Path> files = CsvHeaderGroups.listCsv(dir);
    assertEquals(List.of(a, b, c, d, dir.resolve("e.csv")), files);

    List<CsvHeaderGroups.Group> groups = CsvHeaderGroups.byHeader(files);
    assertEquals(3, groups.size());
    assertEquals(new CsvHeaderGroups.Group(List.of(a, b), "windows-1252", ';', 0,
        List.of("municipality_code", "amount_sek")), groups.get(0));
    assertEquals("latin-1", groups.get(0).duckDbEncoding());
    assertEquals(new CsvHeaderGroups.Group(List.of(c), "UTF-8", ',', 0,
        List.of("amount_sek", "municipality_code")), groups.get(1));
    assertEquals("utf-8", groups.get(1).duckDbEncoding());
    assertEquals(new CsvHeaderGroups.Group(List.of(d), "UTF-8", ';', 1,
        List.of("municipality_code", "amount_sek")), groups.get(2));
  }

  @Test
  void theFallbackSplitsAGroupByEachFilesOwnEncoding() throws Exception {
    // Same header; x is valid UTF-8 with a non-ASCII character, y is Windows-1252.
    Path x = write("x.csv", "kommentar;amount_sek\n\u00d6vrigt;1\n".getBytes(StandardCharsets.UTF_8));
    Path y = write("y.csv", "kommentar;amount_sek\n\u00d6vrigt;2\n".getBytes(CP1252));
    List<Path> files = List.of(x, y);

    // Per group, the first file decides: UTF-8 (DuckDB would then refuse y).
    assertEquals(List.of("UTF-8"), CsvHeaderGroups.byHeader(files).stream().map(CsvHeaderGroups.Group::encoding).toList());

    List<CsvHeaderGroups.Group> perFile = CsvHeaderGroups.perFile(files);
    assertEquals(2, perFile.size());
    assertEquals(List.of(x), perFile.get(0).files());
    assertEquals("UTF-8", perFile.get(0).encoding());
    assertEquals(List.of(y), perFile.get(1).files());
    assertEquals("windows-1252", perFile.get(1).encoding());
  }

  @Test
  void theSeparatorIsTheMostFrequentOfTheThreeTiesInContractOrder() {
    assertEquals(';', CsvHeaderGroups.separator("a;b,c;d"));
    assertEquals(',', CsvHeaderGroups.separator("a,b,c;d"));
    assertEquals('\t', CsvHeaderGroups.separator("a\tb\tc,d"));
    assertEquals(';', CsvHeaderGroups.separator("a;b,c"));
    assertEquals(',', CsvHeaderGroups.separator("a,b\tc"));
  }
}
