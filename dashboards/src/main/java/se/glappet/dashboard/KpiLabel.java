package se.glappet.dashboard;

/**
 * What the page shows of one comparison KPI, handed in by the batch's own KPI declaration (this
 * module cannot read it): its code (the {@code kpi} column), its Swedish heading, its unit (the
 * page formats values by it: {@code SEK}, {@code SEK_PER_INHABITANT}, {@code PER_1000_INHABITANTS},
 * {@code SHARE} or {@code DAYS}), and whether it rests on payments (a municipality that did not
 * report the month has no value for it). The page lists the KPIs in the order given.
 */
public record KpiLabel(String code, String label, String unit, boolean restsOnPayments) {}
