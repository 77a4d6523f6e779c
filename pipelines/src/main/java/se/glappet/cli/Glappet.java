package se.glappet.cli;

import java.util.Arrays;

/** Entry point: {@code glappet batch|generate|dashboard ...}. Thin: dispatches to a command. */
public final class Glappet {
  static final String HELP = String.join("\n",
      "Usage: glappet <command> [options]",
      "",
      "Commands:",
      "  batch       run the monthly batch on an input folder and publish the figures",
      "  generate    write a synthetic input folder (deterministic for a seed)",
      "  dashboard   rebuild OUT/dashboard/index.html from the published files",
      "  verify      check the published files against the manifest; complete an interrupted publication",
      "  pseudonymise  replace identity numbers in a CSV file by keyed pseudonyms (in the municipality)",
      "",
      "Run 'glappet <command> --help' for a command's options.");

  private Glappet() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      System.out.println(HELP);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "batch":
        return BatchCommand.run(rest);
      case "generate":
        return se.glappet.generate.GenerateCommand.run(rest);
      case "dashboard":
        return DashboardCommand.run(rest);
      case "verify":
        return VerifyCommand.run(rest);
      case "pseudonymise":
        return PseudonymiseCommand.run(rest);
      default:
        System.err.println("glappet: unknown command '" + args[0] + "'\n\n" + HELP);
        return 2;
    }
  }
}
