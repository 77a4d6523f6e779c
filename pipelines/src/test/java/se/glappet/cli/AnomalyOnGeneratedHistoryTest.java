package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated half year with one municipality's last monthly file removed is flagged. */
class AnomalyOnGeneratedHistoryTest {
  @TempDir Path tmp;

  @Test
  void aRemovedMonthlyFileIsFlaggedInTheReportAndTheManifest() throws Exception {
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    assertEquals(0, Glappet.run(new String[] {"generate", "--output", in.toString(), "--municipalities", "sodertorn",
        "--from", "2011-01", "--to", "2011-06", "--scale", "0.1", "--seed", "3", "--clean"}));
    Path removed = in.resolve("income-support/0127_2011-06.csv");
    assertTrue(Files.exists(removed), "the generator writes one file per municipality and month");
    Files.delete(removed);
    assertEquals(0, Glappet.run(new String[] {"batch", "--input", in.toString(), "--output", out.toString(),
        "--from", "2011-01", "--to", "2011-06", "--quiet", "--runner", "FlinkRunner"}));
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<String> flagged = new ArrayList<>();
    for (JsonNode a : m.get("anomalies")) {
      flagged.add(a.get("municipality_code").asText() + " " + a.get("period").asText());
    }
    assertTrue(flagged.contains("0127 2011-06"), flagged.toString());
    assertEquals(1, flagged.stream().filter(f -> f.endsWith("2011-06")).count(),
        "only the municipality whose file is missing is flagged in June: " + flagged);
    assertTrue(m.get("anomaly_cold_start").size() > 0, "January to April are cold starts");
    String report = Files.readString(out.resolve("quality").resolve(m.get("run_id").asText()).resolve("report.txt"));
    assertTrue(report.contains("0127 2011-06: no payments at all"), report);
  }
}
