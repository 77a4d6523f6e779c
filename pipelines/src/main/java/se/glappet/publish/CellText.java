package se.glappet.publish;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;

/**
 * A published cell as text, the way the revisions file (contract section 4.8) writes it: decimals as
 * plain digits with a point ({@code 1234.50}), doubles as the shortest digits that read back to the
 * same double, always in positional notation with at least one digit after the point ({@code 0.5},
 * {@code 12.0}, {@code 10000000.0}, {@code 0.00012}; never {@code 1.0E7}), booleans
 * {@code true}/{@code false}, counts and text as they are, null for null.
 */
public final class CellText {
  private CellText() {}

  /** {@code value} as read by Avro from a Parquet column of schema {@code field} (may be a union with null). */
  public static String of(Object value, Schema field) {
    if (value == null) {
      return null;
    }
    if (value instanceof CharSequence) {
      return value.toString();
    }
    if (value instanceof Boolean) {
      return ((Boolean) value) ? "true" : "false";
    }
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Double) {
      return ofDouble((Double) value);
    }
    if (value instanceof Float) {
      return ofDouble(Double.parseDouble(value.toString()));
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof ByteBuffer || value instanceof GenericFixed) {
      LogicalType lt = field == null ? null : nonNull(field).getLogicalType();
      byte[] bytes;
      if (value instanceof ByteBuffer) {
        ByteBuffer bb = ((ByteBuffer) value).duplicate();
        bytes = new byte[bb.remaining()];
        bb.get(bytes);
      } else {
        bytes = ((GenericFixed) value).bytes();
      }
      if (lt instanceof LogicalTypes.Decimal) {
        return new BigDecimal(new BigInteger(bytes), ((LogicalTypes.Decimal) lt).getScale()).toPlainString();
      }
      return java.util.HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }

  static Schema nonNull(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      for (Schema t : s.getTypes()) {
        if (t.getType() != Schema.Type.NULL) {
          return t;
        }
      }
    }
    return s;
  }

  /**
   * The shortest decimal that reads back to {@code d}, written without exponent. Java 17's
   * {@code Double.toString} is neither always shortest (it gives {@code 0.0020} for 0.002) nor
   * positional ({@code 1.0E7}), so the digits are searched here: for 1, 2, ... 17 significant
   * digits, the nearest decimal of that length (and its two neighbours) is tried.
   */
  public static String ofDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal found = null;
    for (int p = 1; p <= 17 && found == null; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        found = r;
        break;
      }
      BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-r.scale());
      for (BigDecimal c : new BigDecimal[] {r.add(unit), r.subtract(unit)}) {
        if (c.precision() <= p && c.doubleValue() == d) {
          found = c;
          break;
        }
      }
    }
    if (found == null) {
      found = exact; // not reached: 17 digits always read back
    }
    String s = found.stripTrailingZeros().toPlainString();
    return s.indexOf('.') < 0 ? s + ".0" : s;
  }
}
