package se.glappet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.glappet.ingest.CsvDialect;
import se.glappet.ingest.FieldRules;
import se.glappet.ingest.TextDecoding;
import se.glappet.privacy.Pseudonymiser;

/**
 * {@code glappet pseudonymise}: replaces personal identity numbers in the named columns of a CSV
 * file by keyed pseudonyms, in the municipality, before the data leaves it. Invalid numbers are
 * reported by line (never echoed) and their lines are left out of the output.
 */
final class PseudonymiseCommand {
  static final String HELP = String.join("\n",
      "Usage: glappet pseudonymise --key-file K --input raw.csv --output anon.csv --columns person_id,household_id",
      "                            [--force]",
      "",
      "Replaces the personal identity numbers (personnummer or samordningsnummer, 10 or 12 digits, with",
      "or without - or +) in the named columns by HMAC-SHA-256 pseudonyms under the secret key in K",
      "(at least 16 bytes that are not blanks, at least 8 different ones; keep it in the municipality).",
      "The same person gets the same pseudonym whichever way the number is written. Lines with an",
      "invalid number are reported by line number and left out of the output; the input is never",
      "changed, and the output may not be the input (nor the key file).",
      "",
      "  --force   replace an existing output file (without it, an existing output is refused)",
      "",
      "Exit codes: 0 done; 2 usage error; 1 failure; 3 some lines were left out.");

  private PseudonymiseCommand() {}

  static int run(String[] argv) {
    Args a;
    try {
      a = Args.parse(argv, Set.of("key-file", "input", "output", "columns"), Set.of("help", "force"), false);
      if (a.has("help")) {
        System.out.println(HELP);
        return 0;
      }
      a.require("key-file");
      a.require("input");
      a.require("output");
      a.require("columns");
    } catch (UsageException e) {
      return usage(e.getMessage() + ". Run 'glappet pseudonymise --help' for the options");
    }
    Path keyFile = Paths.get(a.get("key-file"));
    Path input = Paths.get(a.get("input"));
    Path output = Paths.get(a.get("output"));
    List<String> columns = new ArrayList<>();
    for (String col : a.get("columns").split(",", -1)) {
      String c = col.trim().toLowerCase(Locale.ROOT);
      if (c.isEmpty()) {
        return usage("--columns has an empty column name: give names separated by commas, such as "
            + "person_id,household_id");
      }
      if (columns.contains(c)) {
        return usage("--columns names " + c + " twice (names match in any letter case); name each column once");
      }
      columns.add(c);
    }
    String unusable = checkFiles(keyFile, input, output, a.has("force"));
    if (unusable != null) {
      return usage(unusable);
    }
    byte[] key;
    try {
      key = Files.readAllBytes(keyFile);
    } catch (IOException e) {
      System.err.println("glappet pseudonymise: cannot read the key file " + keyFile + "; there is no run without a key");
      return 2;
    }
    int end = key.length;
    while (end > 0 && (key[end - 1] == '\n' || key[end - 1] == '\r')) {
      end--;
    }
    key = java.util.Arrays.copyOf(key, end);
    Pseudonymiser p;
    try {
      p = new Pseudonymiser(key, LocalDate.now());
    } catch (IllegalArgumentException e) {
      return usage("the key file " + keyFile + " is not a usable key: " + e.getMessage()
          + ". Make a random one, for example with 'openssl rand -hex 32 > " + keyFile + "'");
    }
    Path tmp = null;
    try {
      byte[] bytes = Files.readAllBytes(input);
      String encoding = TextDecoding.detect(bytes);
      if (TextDecoding.looksLikeUtf16(encoding)) {
        return usage(input + " looks like UTF-16 (Excel's \"Unicode text\"), which is not read: save it as "
            + "\"CSV UTF-8\" and run again");
      }
      String text = TextDecoding.decode(bytes);
      String[] lines = text.split("\r?\n", -1);
      int headerIndex = 0;
      while (headerIndex < lines.length && CsvDialect.isSkippable(lines[headerIndex])) {
        headerIndex++;
      }
      if (headerIndex == lines.length) {
        System.err.println("glappet pseudonymise: " + input + " has no header line");
        return 2;
      }
      char sep = CsvDialect.detectSeparator(lines[headerIndex]);
      List<String> header = CsvDialect.split(lines[headerIndex], sep);
      List<Integer> targets = new ArrayList<>();
      for (String col : columns) {
        int idx = -1;
        for (int i = 0; i < header.size(); i++) {
          if (FieldRules.trim(header.get(i)).equalsIgnoreCase(col)) {
            if (idx >= 0) {
              return usage("the header of " + input + " has the column " + col + " twice; keep one of them");
            }
            idx = i;
          }
        }
        if (idx < 0) {
          return usage("the input has no column '" + col + "'");
        }
        targets.add(idx);
      }
      StringBuilder out = new StringBuilder();
      out.append(lines[headerIndex]).append("\r\n");
      int done = 0;
      int left = 0;
      for (int n = headerIndex + 1; n < lines.length; n++) {
        String line = lines[n];
        if (CsvDialect.isSkippable(line)) {
          continue;
        }
        List<String> fields = CsvDialect.split(line, sep);
        String problem = fields == null ? "the line cannot be split into fields" : null;
        if (problem == null) {
          for (int t : targets) {
            String v = t < fields.size() ? FieldRules.trim(fields.get(t)) : "";
            String pseudo = p.pseudonym(v);
            if (pseudo == null) {
              problem = "column " + FieldRules.trim(header.get(t)).toLowerCase(Locale.ROOT)
                  + " is not a valid personal identity number";
              break;
            }
            fields.set(t, pseudo);
          }
        }
        if (problem != null) {
          System.err.println("line " + (n + 1) + ": " + problem + "; the line is left out");
          left++;
          continue;
        }
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            l.append(sep);
          }
          String f = fields.get(i);
          l.append(f.indexOf(sep) >= 0 || f.indexOf('"') >= 0 ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        out.append(l).append("\r\n");
        done++;
      }
      Path abs = output.toAbsolutePath();
      tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      Files.writeString(tmp, out.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      System.out.println("Pseudonymised " + done + " lines into " + output + (left > 0 ? "; " + left
          + " lines with an invalid number were left out (see above)" : ""));
      return left > 0 ? 3 : 0;
    } catch (IOException e) {
      System.err.println("glappet pseudonymise: " + BatchCommand.reason(e) + "; the output was not written");
      return 1;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          System.err.println("glappet pseudonymise: could not remove the temporary file " + tmp);
        }
      }
    }
  }

  private static int usage(String message) {
    System.err.println("glappet pseudonymise: " + message + ".");
    return 2;
  }

  /**
   * Why the files cannot be used, or null: the input must be a file; the output may not be a
   * folder, nor the input or the key file (also through a link), and an existing one is replaced
   * only with --force.
   */
  static String checkFiles(Path keyFile, Path input, Path output, boolean force) {
    if (!Files.exists(input)) {
      return "the input file " + input + " does not exist";
    }
    if (!Files.isRegularFile(input)) {
      return "the input " + input + " is not a regular file";
    }
    if (Files.isDirectory(output)) {
      return "the output " + output + " is a folder: name the file to write, such as " + output.resolve("anon.csv");
    }
    if (Files.exists(output)) {
      try {
        if (Files.isSameFile(input, output)) {
          return "the output " + output + " is the input file: write the pseudonymised file beside it under "
              + "another name (the input is never changed)";
        }
        if (Files.exists(keyFile) && Files.isSameFile(keyFile, output)) {
          return "the output " + output + " is the key file: name another output file";
        }
      } catch (IOException e) {
        return "cannot compare the output " + output + " with the input: " + BatchCommand.reason(e);
      }
      if (!force) {
        return "the output file " + output + " exists: give --force to replace it, or name another file";
      }
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return "the folder of the output file " + output + " does not exist";
    }
    return null;
  }
}
