package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
      files = s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("quality")
              && !p.toString().contains("revisions"))
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

    // Revisions included: both re-publish December and January as known at the end of January.
    String[] again = {"--from", "2010-12", "--to", "2011-01"};
    assertEquals(0, Glappet.run(concat(concat(new String[] {"batch", "--output", direct.toString(), "--runner",
        "DirectRunner"}, common), again)));
    assertEquals(0, Glappet.run(concat(concat(new String[] {"batch", "--output", flink.toString(), "--runner",
        "FlinkRunner", "--parallelism=2"}, common), again)));
    List<Map<String, Object>> a = revisionsWithoutRunIds(direct);
    assertFalse(a.isEmpty(), "January's figures change once February's corrections are unknown");
    assertEquals(a, revisionsWithoutRunIds(flink));
  }

  static List<Map<String, Object>> revisionsWithoutRunIds(Path out) throws Exception {
    String run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("manifest.json").toFile())
        .path("run_id").asText();
    List<Map<String, Object>> rows = Duck.read(out.resolve("revisions/" + run + ".parquet"));
    for (Map<String, Object> r : rows) {
      r.remove("run_id");
      r.remove("previous_run_id");
    }
    return rows;
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
