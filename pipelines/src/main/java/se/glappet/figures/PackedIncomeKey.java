package se.glappet.figures;

import java.time.YearMonth;

/**
 * An income-support key (month, municipality) packed in one {@code long}, as {@link ReadPayments}
 * keeps its per-bundle totals: no text and no object is built per payment, which the profile
 * showed mattered. {@code month index << 16 | code}; the municipality code has four digits
 * (contract section 2).
 */
final class PackedIncomeKey {
  private PackedIncomeKey() {}

  static long pack(YearMonth m, String municipalityCode) {
    long month = m.getYear() * 12L + m.getMonthValue() - 1;
    return month << 16 | Integer.parseInt(municipalityCode);
  }

  /** The typed key of a packed one. */
  static CellKey cellKey(long key) {
    int month = (int) (key >>> 16);
    return CellKey.of(YearMonth.of(month / 12, month % 12 + 1), String.format("%04d", key & 0xFFFF));
  }
}
