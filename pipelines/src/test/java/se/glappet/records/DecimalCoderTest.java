package se.glappet.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class DecimalCoderTest {
  @Test
  void roundTripsKeepValueAndScale() throws Exception {
    for (String s : new String[] {"0", "1234.50", "-75", "-0.01", "1E+3", "-1E+5", "199999.99",
        "0.33333333333333333333", "123456789012345678901234567890.123456789012345678901234567890"}) {
      BigDecimal v = new BigDecimal(s);
      BigDecimal back = CoderUtils.decodeFromByteArray(DecimalCoder.of(),
          CoderUtils.encodeToByteArray(DecimalCoder.of(), v));
      assertEquals(v, back, s); // equals compares scale too
    }
  }
}
