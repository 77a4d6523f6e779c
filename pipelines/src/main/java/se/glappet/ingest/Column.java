package se.glappet.ingest;

import java.io.Serializable;

/** One contract column of a dataset: its name, whether it is required, and how its value is read. */
public final class Column implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The field types of contract section 2. */
  public enum Type {
    MUNICIPALITY,
    MONTH,
    DATE,
    INTEGER,
    /** Four ASCII digits. */
    YEAR,
    AMOUNT,
    PSEUDONYM,
    PAYMENT_ID,
    RECEPTION_TYPE,
    REASON_CODE,
    ALLOWANCE_TYPE
  }

  public final String name;
  public final boolean required;
  public final Type type;
  /** Inclusive bounds for INTEGER columns. */
  final long min;
  final long max;

  private Column(String name, boolean required, Type type, long min, long max) {
    this.name = name;
    this.required = required;
    this.type = type;
    this.min = min;
    this.max = max;
  }

  static Column required(String name, Type type) {
    return new Column(name, true, type, 0, Long.MAX_VALUE);
  }

  static Column optional(String name, Type type) {
    return new Column(name, false, type, 0, Long.MAX_VALUE);
  }

  static Column integer(String name, boolean required, long min, long max) {
    return new Column(name, required, Type.INTEGER, min, max);
  }
}
