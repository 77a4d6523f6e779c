package se.glappet.generate;

/** TEMPORARY stand-in until the generate branch lands. */
public final class GenerateCommand {
  private GenerateCommand() {}

  public static int run(String[] args) {
    System.err.println("generate: not yet available");
    return 1;
  }
}
