package se.glappet.testing;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.CoderProperties;

/** Beam's {@link CoderProperties}, applied the same way to every hand-written coder. */
public final class CoderChecks {
  private CoderChecks() {}

  /**
   * The coder is serializable, and every value comes back from encode → decode equal to itself
   * (by {@code equals}) and with the same encoding (its structural value), in every coder context.
   */
  @SafeVarargs
  public static <T> void roundTrips(Coder<T> coder, T... values) throws Exception {
    CoderProperties.coderSerializable(coder);
    for (T v : values) {
      CoderProperties.coderDecodeEncodeEqual(coder, v);
      CoderProperties.structuralValueDecodeEncodeEqual(coder, v);
    }
  }

  /**
   * For every pair of values: equal by {@code equals} exactly when their encodings (and structural
   * values) are equal. Only for coders whose types' {@code equals} is exact (amounts compared with
   * their scale).
   */
  @SafeVarargs
  public static <T> void consistentWithEquals(Coder<T> coder, T... values) throws Exception {
    for (T a : values) {
      for (T b : values) {
        CoderProperties.coderConsistentWithEquals(coder, a, b);
        CoderProperties.structuralValueConsistentWithEquals(coder, a, b);
      }
    }
  }
}
