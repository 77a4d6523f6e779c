package se.glappet.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code generate} end to end on small Södertörn folders and checks what it wrote. */
class GenerateCommandTest {
  private static final String FROM = "2010-12";
  private static final String TO = "2011-06";
  private static final LocalDate OBS_END = LocalDate.of(2011, 7, 1);
  private static final Set<String> GAP_REASONS =
      Set.of("WAITING_PLAN", "WAITING_PAYMENT", "BELOW_NORM", "OUTSIDE_TARGET_GROUP", "FAMILY_REUNION",
          "ALLOWANCE_REDUCED", "PLAN_ENDED", "SECONDARY_MOVE");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,64}");
  private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  @TempDir static Path tmp;
  static Path dirty;
  static Path clean;

  @BeforeAll
  static void generate() {
    dirty = tmp.resolve("dirty");
    clean = tmp.resolve("clean");
    assertEquals(0, run("--output", dirty.toString(), "--from", FROM, "--to", TO, "--seed", "11", "--scale", "0.1"));
    assertEquals(0, run("--output", clean.toString(), "--from", FROM, "--to", TO, "--seed", "11", "--scale", "0.1",
        "--clean"));
  }

  private static int run(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return GenerateCommand.run(args, quiet, quiet);
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static List<ContractCsv> read(Path root, String folder) throws IOException {
    List<ContractCsv> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root.resolve(folder))) {
      for (Path p : s.sorted().collect(Collectors.toList())) {
        out.add(ContractCsv.read(p));
      }
    }
    return out;
  }

  private static List<Map<String, String>> rows(Path root, String folder) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    for (ContractCsv c : read(root, folder)) {
      rows.addAll(c.rows);
    }
    return rows;
  }

  private static LocalDate date(String s) {
    return s.isEmpty() ? null : LocalDate.parse(s);
  }

  @Test
  void sameArgumentsGiveIdenticalBytesInEitherOptionForm() throws IOException {
    Path again = tmp.resolve("again");
    assertEquals(0, run("--output=" + again, "--from=" + FROM, "--to=" + TO, "--seed=11", "--scale=0.1",
        "--municipalities=sodertorn"));
    Map<String, byte[]> a = contents(dirty);
    Map<String, byte[]> b = contents(again);
    assertEquals(a.keySet(), b.keySet());
    for (String f : a.keySet()) {
      assertArrayEquals(a.get(f), b.get(f), f);
    }
  }

  @Test
  void anotherSeedGivesOtherFiles() throws IOException {
    Path other = tmp.resolve("other-seed");
    assertEquals(0, run("--output", other.toString(), "--from", FROM, "--to", TO, "--seed", "12", "--scale", "0.1"));
    byte[] a = Files.readAllBytes(dirty.resolve("income-support/0181_2011-03.csv"));
    byte[] b = Files.readAllBytes(other.resolve("income-support/0181_2011-03.csv"));
    assertFalse(java.util.Arrays.equals(a, b));
  }

  @Test
  void everyFileDecodesAndTheThreeDialectsArePresent() throws IOException {
    boolean bom = false;
    boolean windows = false;
    boolean plain = false;
    for (String folder : new String[] {"kis", "income-support", "allowances", "population"}) {
      for (ContractCsv c : read(dirty, folder)) {
        assertEquals(0, c.malformedRows, c.file.toString());
        assertFalse(c.rows.isEmpty() && !folder.equals("allowances"), c.file + " is empty");
        if (c.byteOrderMark) {
          bom = true;
          assertEquals(';', c.separator);
          assertTrue(c.crlf);
        }
        if (c.encoding.equals("windows-1252")) {
          windows = true;
          assertEquals(';', c.separator);
          String all = String.join("\n", c.rawRows);
          assertTrue(all.matches("(?s).*[åäöÅÄÖ].*"), c.file + " has no Swedish letters");
        }
        if (!c.byteOrderMark && c.separator == ',') {
          plain = true;
          assertFalse(c.crlf);
        }
      }
    }
    assertTrue(bom, "a UTF-8 file with byte-order mark");
    assertTrue(windows, "a Windows-1252 file");
    assertTrue(plain, "a comma-separated UTF-8 file");
  }

  @Test
  void headersHoldTheContractsRequiredColumns() throws IOException {
    Map<String, List<String>> required = Map.of(
        "kis", List.of("municipality_code", "period", "reception_type", "newcomers_received", "with_plan",
            "awaiting_plan"),
        "income-support", List.of("municipality_code", "payment_id", "household_id", "person_id", "payment_date",
            "covers_from", "covers_to", "amount_sek", "reason_code", "adults", "children"),
        "allowances", List.of("person_id", "municipality_code", "allowance_type", "from_date", "daily_amount_sek"),
        "population", List.of("municipality_code", "year", "population"));
    for (Map.Entry<String, List<String>> e : required.entrySet()) {
      List<ContractCsv> files = read(dirty, e.getKey());
      assertFalse(files.isEmpty(), e.getKey());
      for (ContractCsv c : files) {
        assertTrue(c.header.containsAll(e.getValue()), c.file + ": " + c.header);
        String name = c.file.getFileName().toString();
        assertTrue(name.matches("(\\d{4}_\\d{4}(-\\d{2})?(_resent)?|population)\\.csv"), name);
      }
    }
    // 8 municipalities, 7 months, 4 reception types.
    assertEquals(8 * 7 * 4, rows(dirty, "kis").size());
    assertEquals(8 * 7, read(clean, "income-support").size());
  }

  @Test
  void cleanDataKeepsTheContractsRulesAndLinksPersons() throws IOException {
    Map<String, List<Map<String, String>>> byPerson = new HashMap<>();
    for (Map<String, String> a : rows(clean, "allowances")) {
      byPerson.computeIfAbsent(a.get("person_id").toLowerCase(), k -> new ArrayList<>()).add(a);
    }
    int establishment = 0;
    int ongoingLma = 0;
    int ongoingEstablishment = 0;
    int unpaid = 0;
    for (List<Map<String, String>> periods : byPerson.values()) {
      LocalDate lmaEnd = null;
      for (Map<String, String> a : periods) {
        assertTrue(HEX.matcher(a.get("person_id")).matches());
        LocalDate from = date(a.get("from_date"));
        LocalDate to = date(a.get("to_date"));
        assertTrue(from.isBefore(OBS_END));
        assertTrue(to == null || !to.isBefore(from));
        long daily = ContractCsv.amountOre(a.get("daily_amount_sek"));
        if (a.get("allowance_type").equalsIgnoreCase("LMA")) {
          assertTrue(daily == 6_100 || daily == 7_100, "LMA " + daily);
          ongoingLma += to == null ? 1 : 0;
          if (to != null && (lmaEnd == null || to.isAfter(lmaEnd))) {
            lmaEnd = to;
          }
        }
      }
      for (Map<String, String> a : periods) {
        if (!a.get("allowance_type").equalsIgnoreCase("ESTABLISHMENT")) {
          continue;
        }
        establishment++;
        LocalDate from = date(a.get("from_date"));
        LocalDate paid = date(a.get("first_payment_date"));
        assertTrue(lmaEnd == null || !from.isBefore(lmaEnd.plusDays(1)), "plan starts after LMA");
        assertTrue(lmaEnd == null || !from.isAfter(lmaEnd.plusDays(46)), "plan starts within 45 days");
        if (paid == null) {
          unpaid++;
        } else {
          assertTrue(!paid.isBefore(from.plusDays(5)) && !paid.isAfter(from.plusDays(70)), "first payment");
          assertTrue(paid.isBefore(OBS_END));
        }
        ongoingEstablishment += a.get("to_date").isEmpty() ? 1 : 0;
        assertTrue(ContractCsv.amountOre(a.get("daily_amount_sek")) <= 30_800);
      }
    }
    assertTrue(establishment > 50, "establishment rows " + establishment);
    assertTrue(ongoingLma > 0 && ongoingEstablishment > 0 && unpaid > 0);

    Map<String, Set<String>> ids = new HashMap<>();
    Map<String, Integer> reasons = new HashMap<>();
    int negative = 0;
    int gap = 0;
    int gapLinked = 0;
    List<Map<String, String>> payments = rows(clean, "income-support");
    for (Map<String, String> p : payments) {
      LocalDate paid = date(p.get("payment_date"));
      LocalDate from = date(p.get("covers_from"));
      LocalDate to = date(p.get("covers_to"));
      assertTrue(!paid.isBefore(LocalDate.of(2010, 12, 1)) && paid.isBefore(OBS_END), "payment date " + paid);
      assertTrue(!to.isBefore(from) && !to.isAfter(from.plusDays(92)), "covers " + from + ".." + to);
      long ore = ContractCsv.amountOre(p.get("amount_sek"));
      assertTrue(ore != 0 && Math.abs(ore) < 20_000_000L);
      negative += ore < 0 ? 1 : 0;
      int adults = Integer.parseInt(p.get("adults"));
      int children = Integer.parseInt(p.get("children"));
      assertTrue(adults >= 1 && adults <= 2 && children >= 0 && children <= 20);
      assertTrue(HEX.matcher(p.get("household_id")).matches() && HEX.matcher(p.get("person_id")).matches());
      assertTrue(PAYMENT_ID.matcher(p.get("payment_id")).matches());
      assertTrue(p.get("municipality_code").matches("\\d{4}"));
      assertTrue(ids.computeIfAbsent(p.get("municipality_code"), k -> new HashSet<>()).add(p.get("payment_id")),
          "payment id unique per municipality");
      String reason = p.get("reason_code");
      reasons.merge(reason, 1, Integer::sum);
      boolean linked = byPerson.containsKey(p.get("person_id").toLowerCase());
      if (GAP_REASONS.contains(reason)) {
        gap++;
        gapLinked += linked ? 1 : 0;
      } else {
        assertFalse(linked, "a regular household is no newcomer");
      }
      for (String v : p.values()) {
        assertFalse(v.matches("\\d{10}|\\d{12}"), "never a personal-identity-number-like field");
      }
    }
    for (String r : List.of("WAITING_PLAN", "WAITING_PAYMENT", "OUTSIDE_TARGET_GROUP", "UNEMPLOYED", "SICK",
        "OTHER")) {
      assertTrue(reasons.getOrDefault(r, 0) > 0, r);
    }
    assertTrue(negative > 0 && negative < payments.size() / 20, "a few corrections: " + negative);
    // Quota refugees and family members outside the target group never had LMA: no allowance rows.
    assertTrue(gapLinked > 0.8 * gap, "gap payments link to allowances: " + gapLinked + " of " + gap);
  }

  @Test
  void dirtIsSmallDeliberateAndSwitchable() throws IOException {
    Map<String, Set<String>> cleanKeys = keysAndCountDirt(clean, new int[4]);
    int[] dirt = new int[4];
    Map<String, Set<String>> dirtyKeys = keysAndCountDirt(dirty, dirt);
    int duplicates = dirt[0];
    int bad = dirt[1];
    int blank = dirt[2];
    int rows = dirt[3];
    assertTrue(duplicates > 0 && bad > 0 && blank > 0, "dirt present: " + java.util.Arrays.toString(dirt));
    assertTrue(bad < rows / 200.0 && duplicates < rows / 100.0, "dirt stays small");
    assertEquals(cleanKeys, dirtyKeys, "dirt adds rows, never payments");
    try (Stream<Path> s = Files.list(dirty.resolve("income-support"))) {
      assertTrue(s.anyMatch(p -> p.toString().endsWith("_resent.csv")));
    }
    try (Stream<Path> s = Files.list(clean.resolve("income-support"))) {
      assertTrue(s.noneMatch(p -> p.toString().endsWith("_resent.csv")));
    }
  }

  /** Payment keys per municipality; counts [duplicate rows, bad dates, skipped lines, rows] into dirt. */
  private static Map<String, Set<String>> keysAndCountDirt(Path root, int[] dirt) throws IOException {
    Map<String, Set<String>> keys = new TreeMap<>();
    Map<String, String> seen = new HashMap<>();
    for (ContractCsv c : read(root, "income-support")) {
      dirt[2] += c.skippedLines;
      for (Map<String, String> p : c.rows) {
        dirt[3]++;
        String key = p.get("municipality_code") + "/" + p.get("payment_id");
        keys.computeIfAbsent(p.get("municipality_code"), k -> new TreeSet<>()).add(p.get("payment_id"));
        try {
          String value = List.of(date(p.get("payment_date")), date(p.get("covers_from")), date(p.get("covers_to")),
              ContractCsv.amountOre(p.get("amount_sek")), p.get("person_id").toLowerCase()).toString();
          String before = seen.put(key, value);
          if (before != null) {
            assertEquals(before, value, "a repeated payment is identical: " + key);
            dirt[0]++;
          }
        } catch (java.time.format.DateTimeParseException e) {
          dirt[1]++;
        }
      }
    }
    return keys;
  }

  @Test
  void volumeFollowsTheScale() throws IOException {
    Path twice = tmp.resolve("twice");
    assertEquals(0, run("--output", twice.toString(), "--from", FROM, "--to", TO, "--seed", "11", "--scale", "0.2",
        "--clean"));
    double ratio = (double) rows(twice, "income-support").size() / rows(clean, "income-support").size();
    assertTrue(ratio > 1.7 && ratio < 2.3, "payment rows ×" + ratio);
    double newcomers = (double) rows(twice, "allowances").size() / rows(clean, "allowances").size();
    assertTrue(newcomers > 1.4 && newcomers < 2.8, "allowance rows ×" + newcomers);
  }

  @Test
  void usageErrorsReturnTwo() throws IOException {
    String out = tmp.resolve("never").toString();
    assertEquals(2, run());
    assertEquals(2, run("--from", FROM, "--to", TO));
    assertEquals(2, run("--output", out, "--to", TO));
    assertEquals(2, run("--output", out, "--from", "2011-13", "--to", TO));
    assertEquals(2, run("--output", out, "--from", "2011-6", "--to", TO));
    assertEquals(2, run("--output", out, "--from", TO, "--to", FROM));
    assertEquals(2, run("--output", out, "--from", FROM, "--to", TO, "--scale", "0"));
    assertEquals(2, run("--output", out, "--from", FROM, "--to", TO, "--scale", "five"));
    assertEquals(2, run("--output", out, "--from", FROM, "--to", TO, "--seed", "1.5"));
    assertEquals(2, run("--output", out, "--from", FROM, "--to", TO, "--municipalities", "stockholm"));
    assertEquals(2, run("--output", out, "--from", FROM, "--to", TO, "--colour", "blue"));
    assertEquals(2, run("--output", out, "--from", FROM, "--to", TO, "--seed", "1", "--seed", "2"));
    assertEquals(2, run("--output", out, "--from", FROM, "--to", TO, "stray"));
    assertEquals(2, run("--output", out, "--from"));
    assertFalse(Files.exists(Path.of(out)));
    Path someoneElses = Files.createDirectories(tmp.resolve("someone-elses"));
    Files.writeString(someoneElses.resolve("notes.txt"), "keep me");
    assertEquals(2, run("--output", someoneElses.toString(), "--from", FROM, "--to", FROM));
    assertEquals("keep me", Files.readString(someoneElses.resolve("notes.txt")));
    assertEquals(0, run("--help"));
    assertNotEquals(0, GenerateCommand.HELP.indexOf("--municipalities"));
  }
}
