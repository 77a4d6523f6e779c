package se.glappet.figures;

import java.time.YearMonth;
import se.glappet.records.ReasonCode;

/**
 * An income-support key (month, municipality, reason or none) packed in one {@code long}, as
 * {@link SummarisePayments} keeps its per-bundle totals: no text and no object is built per
 * payment, which the profile showed mattered. {@code month index << 24 | code << 8 | reason
 * ordinal + 1}; the municipality code has four digits (contract section 2).
 */
final class PackedIncomeKey {
  private PackedIncomeKey() {}

  static long pack(YearMonth m, String municipalityCode, ReasonCode reason) {
    long month = m.getYear() * 12L + m.getMonthValue() - 1;
    return month << 24 | (long) Integer.parseInt(municipalityCode) << 8 | (reason == null ? 0 : reason.ordinal() + 1);
  }

  /** The typed key of a packed one. */
  static CellKey cellKey(long key) {
    int month = (int) (key >>> 24);
    YearMonth m = YearMonth.of(month / 12, month % 12 + 1);
    String code = String.format("%04d", (key >>> 8) & 0xFFFF);
    int reason = (int) (key & 0xFF);
    return reason == 0 ? CellKey.of(m, code) : CellKey.of(m, code, ReasonCode.values()[reason - 1]);
  }
}
