package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

  /** Runs pseudonymise; returns {exit code, stderr}. */
  static Object[] pseudonymise(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 1];
      all[0] = "pseudonymise";
      System.arraycopy(args, 0, all, 1, args.length);
      return new Object[] {Glappet.run(all), err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(old);
    }
  }

  private Path raw() throws Exception {
    Path in = tmp.resolve("raw.csv");
    Files.write(in, List.of("person_id;household_id;amount", "811218-9876;19811218-9876;100",
        "198112189876;811218-9875;200"), StandardCharsets.UTF_8);
    return in;
  }

  private Path key() throws Exception {
    return Files.writeString(tmp.resolve("key"), "a-secret-key-of-the-municipality\n");
  }

  @Test
  void neverOverwritesItsInputNotEvenThroughALink() throws Exception {
    Path in = raw();
    byte[] before = Files.readAllBytes(in);
    Object[] r = pseudonymise("--key-file", key().toString(), "--input", in.toString(), "--output", in.toString(),
        "--columns", "person_id,household_id", "--force");
    assertEquals(2, r[0], (String) r[1]);
    assertTrue(((String) r[1]).contains("is the input"), (String) r[1]);
    Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), in);
    r = pseudonymise("--key-file", key().toString(), "--input", in.toString(), "--output", link.toString(),
        "--columns", "person_id,household_id", "--force");
    assertEquals(2, r[0], (String) r[1]);
    Path hard = Files.createLink(tmp.resolve("hard.csv"), in);
    r = pseudonymise("--key-file", key().toString(), "--input", hard.toString(), "--output", in.toString(),
        "--columns", "person_id,household_id", "--force");
    assertEquals(2, r[0], (String) r[1]);
    assertArrayEquals(before, Files.readAllBytes(in), "the raw file is untouched");
  }

  @Test
  void replacesAnExistingOutputOnlyWithForce() throws Exception {
    Path in = raw();
    Path out = Files.writeString(tmp.resolve("anon.csv"), "earlier work\n");
    Object[] r = pseudonymise("--key-file", key().toString(), "--input", in.toString(), "--output", out.toString(),
        "--columns", "person_id,household_id");
    assertEquals(2, r[0], (String) r[1]);
    assertTrue(((String) r[1]).contains("--force"), (String) r[1]);
    assertEquals("earlier work\n", Files.readString(out));
    r = pseudonymise("--key-file", key().toString(), "--input", in.toString(), "--output", out.toString(),
        "--columns", "person_id,household_id", "--force");
    assertEquals(3, r[0], (String) r[1]);
    assertEquals(2, Files.readAllLines(out).size(), "the header and the one valid line");
  }

  @Test
  void anOutputFolderIsRefusedAndLeavesNothingBehind() throws Exception {
    Path in = raw();
    Path dir = Files.createDirectories(tmp.resolve("folder"));
    Object[] r = pseudonymise("--key-file", key().toString(), "--input", in.toString(), "--output", dir.toString(),
        "--columns", "person_id,household_id", "--force");
    assertEquals(2, r[0], (String) r[1]);
    assertTrue(((String) r[1]).contains("is a folder"), (String) r[1]);
    try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
          .collect(java.util.stream.Collectors.toList()));
    }
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void aBlankOrRepetitiveKeyIsRefused() throws Exception {
    Path in = raw();
    for (String k : new String[] {"                \n", "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t", "aaaaaaaaaaaaaaaaaaaa"}) {
      Path key = Files.writeString(tmp.resolve("weak"), k);
      Object[] r = pseudonymise("--key-file", key.toString(), "--input", in.toString(), "--output",
          tmp.resolve("o.csv").toString(), "--columns", "person_id");
      assertEquals(2, r[0], (String) r[1]);
      assertFalse(Files.exists(tmp.resolve("o.csv")));
    }
  }

  @Test
  void aColumnNamedTwiceIsRefused() throws Exception {
    Path in = raw();
    Object[] r = pseudonymise("--key-file", key().toString(), "--input", in.toString(), "--output",
        tmp.resolve("o.csv").toString(), "--columns", "PERSON_ID,person_id");
    assertEquals(2, r[0], (String) r[1]);
    assertTrue(((String) r[1]).contains("twice"), (String) r[1]);
    assertFalse(Files.exists(tmp.resolve("o.csv")));
  }
}
