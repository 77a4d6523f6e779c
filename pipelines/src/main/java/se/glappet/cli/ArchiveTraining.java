package se.glappet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The run the launcher records its class-data archive on ({@code ./glappet}, once after each build,
 * with {@code -XX:ArchiveClassesAtExit}): the classes one JVM loads are the ones the archive holds,
 * so this JVM takes both paths a batch can take.
 *
 * <ol>
 *   <li>A batch on the generated input given as the first argument (larger than
 *       {@link RunnerChoice#SMALL_INPUT_BYTES}): the embedded Flink.
 *   <li>A batch on a 2-row input written here ({@link #writeTinyInput}, the same rows as
 *       {@code bench/run.sh}'s {@code tiny}): the DirectRunner, which small inputs run on.
 * </ol>
 *
 * <p>Before, the archive was recorded on the first batch alone, and a 2-row run loaded the
 * DirectRunner's classes (and the parts of Beam and Guava only it uses) from the jars.
 *
 * <p>The batches the launcher expects to run on the DirectRunner (its {@code runner-guess}) map an
 * archive of their own, recorded on the 2-row batch alone (half the size): the JVM relocates an
 * archive to a random address at every start, which takes time in proportion to its size
 * (bench/README.md, fourteenth session).
 *
 * <p>Usage: {@code ArchiveTraining GENERATED_INPUT WORK_DIR} (both batches) or
 * {@code ArchiveTraining WORK_DIR} (the 2-row batch only); exit 0 when every batch published.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 && args.length != 2) {
      System.err.println("usage: ArchiveTraining [GENERATED_INPUT] WORK_DIR");
      System.exit(2);
    }
    Glappet.silenceLibraryLogs();
    Warmup.start(); // its classes too
    Warmup.argumentsAccepted();
    int code = 0;
    List<String[]> commands = args.length == 2 ? commands(Paths.get(args[0]), Paths.get(args[1]))
        : commands(null, Paths.get(args[0]));
    for (String[] command : commands) {
      int c = Glappet.run(command);
      if (c != 0) {
        code = c;
      }
    }
    System.exit(code);
  }

  /**
   * The two batches, in order (the 2-row one alone when {@code generated} is null); writes the
   * 2-row input under {@code work} first.
   */
  static List<String[]> commands(Path generated, Path work) throws IOException {
    Path tiny = writeTinyInput(work.resolve("tiny"));
    String[] small = {"batch", "--input", tiny.toString(), "--output", work.resolve("out-tiny").toString(),
        "--from", "2011-01", "--to", "2011-01", "--quiet"};
    if (generated == null) {
      return List.<String[]>of(small);
    }
    return List.of(
        new String[] {"batch", "--input", generated.toString(), "--output", work.resolve("out-large").toString(),
            "--quiet"},
        small);
  }

  /**
   * One income-support payment of a person in the gap and that person's closed LMA period (and an
   * empty KIS file): the same 2-row input as {@code bench/run.sh}'s {@code tiny}.
   */
  static Path writeTinyInput(Path dir) throws IOException {
    String person = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
    String household = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    write(dir.resolve("income-support/0114_2011-01.csv"),
        "municipality_code;payment_id;household_id;person_id;payment_date;covers_from;covers_to;amount_sek;"
            + "reason_code;adults;children\n"
            + "0114;P1;" + household + ";" + person + ";2011-01-10;2011-01-01;2011-01-31;3100,00;WAITING_PLAN;1;0\n");
    write(dir.resolve("allowances/0114.csv"),
        "person_id;municipality_code;allowance_type;from_date;to_date;first_payment_date;daily_amount_sek\n"
            + person + ";0114;LMA;2010-06-01;2010-12-31;;71,00\n");
    write(dir.resolve("kis/0114.csv"),
        "municipality_code;period;reception_type;newcomers_received;with_plan;awaiting_plan\n");
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
