package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.testing.Duck;
import se.glappet.testing.Fixtures;

/** The same fixture on the DirectRunner and on an embedded Flink publishes identical values. */
class RunnersAgreeTest {
  @TempDir Path tmp;

  @Test
  void directRunnerAndFlinkPublishTheSameValues() throws Exception {
    Path in = Fixtures.write(tmp.resolve("in"), 5, true);
    Path direct = tmp.resolve("direct");
    Path flink = tmp.resolve("flink");
    String[] common = {"--input", in.toString(), "--max-reject-rate", "0.2", "--quiet"};
    assertEquals(0, Glappet.run(concat(new String[] {"batch", "--output", direct.toString(), "--runner",
        "DirectRunner"}, common)));
    assertEquals(0, Glappet.run(concat(new String[] {"batch", "--output", flink.toString(), "--runner",
        "FlinkRunner", "--parallelism=2"}, common)));
    List<Path> files;
    try (Stream<Path> s = Files.walk(direct)) {
      files = s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("quality"))
          .map(direct::relativize).sorted().collect(Collectors.toList());
    }
    assertEquals(15, files.size()); // five datasets × three months
    for (Path rel : files) {
      List<?> a = Duck.read(direct.resolve(rel));
      List<?> b = Duck.read(flink.resolve(rel));
      assertEquals(a, b, rel.toString());
      if (rel.toString().startsWith("gap_monthly")) {
        assertFalse(a.isEmpty(), rel + " has rows");
      }
    }
    // The same non-response list (December: Haninge and Uppsala paid nothing; January: Uppsala) and
    // the same RIM export, – included.
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode d = json.readTree(direct.resolve("manifest.json").toFile());
    com.fasterxml.jackson.databind.JsonNode f = json.readTree(flink.resolve("manifest.json").toFile());
    assertEquals("[{\"municipality_code\":\"0136\",\"period\":\"2010-12\"},"
        + "{\"municipality_code\":\"0380\",\"period\":\"2010-12\"},"
        + "{\"municipality_code\":\"0380\",\"period\":\"2011-01\"}]", d.get("non_response").toString());
    assertEquals(d.get("non_response"), f.get("non_response"));
    String rim = "export/rim_2010-12_2011-02.csv";
    assertEquals(Files.readString(direct.resolve(rim)), Files.readString(flink.resolve(rim)));
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
