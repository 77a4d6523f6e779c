package se.glappet.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code generate} subcommand: writes a deterministic synthetic input folder in the contract's format. */
public final class GenerateCommand {
  static final String HELP =
      String.join(
          "\n",
          "Usage: glappet generate --output DIR --from YYYY-MM --to YYYY-MM",
          "                        [--municipalities sodertorn|all] [--seed N] [--scale X] [--clean]",
          "",
          "Writes a synthetic input folder (kis/, income-support/, allowances/, population/) in the",
          "format of the data contract. Nothing in it is about real persons: pseudonyms are random.",
          "The same arguments always give byte-identical files.",
          "",
          "  --output DIR            folder to write; must be new, empty, or written by generate before",
          "                          (its .csv files are then replaced)",
          "  --from YYYY-MM          first month of income-support payments",
          "  --to YYYY-MM            last month; facts after it are not yet known",
          "  --municipalities SET    sodertorn (the eight Sodertorn municipalities, default) or all (290)",
          "  --seed N                random seed (default 1)",
          "  --scale X               volume, 1 = roughly real national volume: about 200 000 households",
          "                          on income support a month and 40 000 newcomers a year in Sweden,",
          "                          each municipality its share (0.001 to 4, default 1)",
          "  --clean                 no deliberate dirt (duplicates, bad values, blank lines, resent",
          "                          files, Excel's trailing empty cells)",
          "  --help                  this text",
          "",
          "Options also take the form --option=value. Exit codes: 0 written, 2 usage error, 1 failure.",
          "");

  private GenerateCommand() {}

  /**
   * Runs {@code generate} with the arguments after the subcommand word; returns the process exit code (0
   * ok, 2 usage error, 1 other failure). Prints help for {@code --help}.
   */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    GenerateOptions options;
    try {
      options = GenerateOptions.parse(args);
    } catch (UsageException e) {
      err.println("generate: " + e.getMessage());
      err.println("Run 'glappet generate --help' for usage.");
      return 2;
    }
    if (options.help) {
      out.print(HELP);
      return 0;
    }
    long start = System.nanoTime();
    try {
      List<Municipality> reference = Municipality.loadReference();
      Generator g = new Generator(options, reference);
      Generator.Summary s = g.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      MunicipalityFiles.Counts c = s.counts;
      out.println(
          "generate: wrote " + options.output + ": " + s.municipalities + " municipalities, "
              + Days.monthText(options.fromMonth) + ".." + Days.monthText(options.toMonth) + ", seed "
              + options.seed + ", scale " + options.scale + (options.clean ? ", clean" : ", with deliberate dirt"));
      out.println(
          "  rows: income-support " + c.paymentRows + ", allowances " + c.allowanceRows + ", kis " + c.kisRows
              + ", population " + s.populationRows + "; newcomers settled " + s.newcomers
              + ", asylum seekers on LMA " + s.asylumSeekers);
      StringBuilder sizes = new StringBuilder("  files:");
      for (Map.Entry<String, long[]> e : g.folderSizes().entrySet()) {
        sizes.append(' ').append(e.getKey()).append(' ').append(e.getValue()[0]).append(" (")
            .append(String.format(Locale.ROOT, "%.1f MB", e.getValue()[1] / 1e6)).append(')');
      }
      out.println(sizes);
      out.println(String.format(Locale.ROOT, "  in %.1f s", seconds));
      return 0;
    } catch (UsageException e) {
      err.println("generate: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("generate: failed: " + e);
      err.println("The output folder may be incomplete; run the same command again to rewrite it.");
      return 1;
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
