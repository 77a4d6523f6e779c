package se.glappet.cli;

/** Bad arguments or a missing input folder: exit code 2. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
