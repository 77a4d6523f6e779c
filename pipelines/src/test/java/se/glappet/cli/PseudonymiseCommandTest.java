package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiseCommandTest {
  @TempDir Path tmp;

  @Test
  void replacesNumbersReportsInvalidLinesAndNeverEchoesThem() throws Exception {
    Path key = tmp.resolve("key");
    Files.writeString(key, "a-secret-key-of-the-municipality\n");
    Path in = tmp.resolve("raw.csv");
    Files.write(in, List.of("person_id;household_id;amount", "811218-9876;19811218-9876;100",
        "198112189876;811218-9875;200", "8112189876;8112189876;300"), StandardCharsets.UTF_8);
    Path out = tmp.resolve("anon.csv");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Glappet.run(new String[] {"pseudonymise", "--key-file", key.toString(), "--input", in.toString(),
          "--output", out.toString(), "--columns", "person_id,household_id"});
    } finally {
      System.setErr(old);
    }
    assertEquals(3, code, "one line was left out");
    List<String> lines = Files.readAllLines(out);
    assertEquals(3, lines.size());
    String[] first = lines.get(1).split(";");
    String[] third = lines.get(2).split(";");
    assertTrue(first[0].matches("[0-9a-f]{64}"));
    assertEquals(first[0], first[1], "one person, two written forms, one pseudonym");
    assertEquals(first[0], third[0]);
    assertEquals("300", third[2]);
    String report = err.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("line 3:"), report);
    assertFalse(report.contains("9875") || report.contains("9876"), "no number is echoed: " + report);
    String all = Files.readString(out);
    assertFalse(all.contains("9876"), all);
    assertFalse(all.contains("a-secret-key"), "the key never appears");
  }

  @Test
  void noKeyFileNoRun() throws Exception {
    Path in = tmp.resolve("raw.csv");
    Files.write(in, List.of("person_id", "811218-9876"));
    assertEquals(2, Glappet.run(new String[] {"pseudonymise", "--key-file", tmp.resolve("none").toString(),
        "--input", in.toString(), "--output", tmp.resolve("o.csv").toString(), "--columns", "person_id"}));
    assertFalse(Files.exists(tmp.resolve("o.csv")));
  }
}
