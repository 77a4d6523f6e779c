package se.glappet.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import se.glappet.privacy.IdentityNumbers;

/**
 * Entry point: {@code glappet batch|generate|dashboard ...}. Dispatches to a command, behind the
 * console's masking layer ({@link MaskingOutputStream}): no text that reaches stdout or stderr,
 * whoever writes it, holds a run of 10 or 12 digits. A failure is one line; the log lines and stack
 * traces of Beam, Flink and the other libraries are shown only with {@code GLAPPET_DEBUG=1}
 * (masked too).
 */
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

  /** The environment variable that shows library log lines and stack traces. */
  static final String DEBUG_VARIABLE = "GLAPPET_DEBUG";

  /** True with {@code GLAPPET_DEBUG=1} (or the system property {@code glappet.debug=true}). */
  static boolean debugging() {
    return "1".equals(System.getenv(DEBUG_VARIABLE)) || Boolean.getBoolean("glappet.debug");
  }

  public static void main(String[] args) {
    boolean debug = debugging();
    if (!debug) {
      silenceLibraryLogs();
    }
    PrintStream out = MaskingOutputStream.printStream(new FileOutputStream(FileDescriptor.out),
        MaskingOutputStream.consoleCharset("sun.stdout.encoding"));
    PrintStream err = MaskingOutputStream.printStream(new FileOutputStream(FileDescriptor.err),
        MaskingOutputStream.consoleCharset("sun.stderr.encoding"));
    System.setOut(out);
    System.setErr(err);
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
      if (debugging()) {
        e.printStackTrace();
      } else {
        System.err.println("glappet: unexpected failure in thread " + t.getName() + ": " + describe(e)
            + " (" + DEBUG_VARIABLE + "=1 shows the details)");
      }
    });
    if (Warmup.wanted(args, System.getenv(Warmup.VARIABLE))) {
      Warmup.start();
    }
    int code = run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * slf4j-simple reads its levels when the first logger is made: before that, every library logger
   * is turned off (the launcher's finer settings included), so that a failure inside Flink or Beam
   * is not followed by pages of log lines and traces. Glappet's own message says what failed.
   */
  static void silenceLibraryLogs() {
    String prefix = "org.slf4j.simpleLogger.log.";
    java.util.Set<String> names = new java.util.TreeSet<>(System.getProperties().stringPropertyNames());
    // A simplelogger.properties on the class path sets levels too; system properties override it.
    try (java.io.InputStream in = Glappet.class.getClassLoader().getResourceAsStream("simplelogger.properties")) {
      if (in != null) {
        java.util.Properties file = new java.util.Properties();
        file.load(in);
        names.addAll(file.stringPropertyNames());
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no file: only the system properties and the default level
    }
    for (String name : names) {
      if (name.startsWith(prefix)) {
        System.setProperty(name, "off");
      }
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
  }

  /** An exception as {@code SimpleClassName: message}, masked. */
  static String describe(Throwable e) {
    return IdentityNumbers.mask(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /**
   * Runs a command in this process. Everything written to {@code System.out} and {@code System.err}
   * meanwhile passes the masking layer; an unexpected exception is one line.
   */
  public static int run(String[] args) {
    try (MaskingOutputStream.Installed masked = MaskingOutputStream.install()) {
      try {
        return dispatch(args);
      } catch (RuntimeException | Error e) {
        if (debugging()) {
          e.printStackTrace();
        }
        System.err.println("glappet: unexpected failure: " + describe(e) + ". Run again with " + DEBUG_VARIABLE
            + "=1 for the details.");
        return 1;
      }
    }
  }

  private static int dispatch(String[] args) {
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
        System.err.println("glappet: unknown command '" + args[0] + "'; the commands are batch, generate, "
            + "dashboard and pseudonymise (run 'glappet --help').");
        return 2;
    }
  }
}
