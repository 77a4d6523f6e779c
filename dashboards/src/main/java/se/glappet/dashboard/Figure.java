package se.glappet.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One figure as the page shows it: a value, {@code ..} (suppressed), {@code –} (the municipality did
 * not report the month) or {@code –} (nothing to report). A total also says whether it leaves out
 * hidden or missing members ({@code partial}, shown with {@code *}) and which members it adds up.
 *
 * @param state how the page shows it
 * @param value the value when state is SHOWN, else null
 * @param partial true when the value omits a suppressed or non-reporting member (only on totals)
 * @param members the codes the value adds up (only on totals; empty otherwise)
 */
record Figure(State state, BigDecimal value, boolean partial, List<String> members) {

  /** How a figure is shown. */
  enum State {
    /** A published value. */
    SHOWN,
    /** {@code ..}: suppressed (contract §4.6), or a total that would rest only on zeros and hidden members. */
    SUPPRESSED,
    /** {@code –}: the municipality did not report income support for the month (non-response, §4). */
    NOT_REPORTED,
    /** {@code –}: nothing to report (no row, or no value such as a median without closed gaps). */
    ABSENT
  }

  static final Figure SUPPRESSED = new Figure(State.SUPPRESSED, null, false, List.of());
  static final Figure NOT_REPORTED = new Figure(State.NOT_REPORTED, null, false, List.of());
  static final Figure ABSENT = new Figure(State.ABSENT, null, false, List.of());

  Figure {
    Objects.requireNonNull(state, "state");
    members = List.copyOf(members);
    if ((state == State.SHOWN) != (value != null)) {
      throw new IllegalArgumentException("a value belongs to a SHOWN figure only: " + state + " " + value);
    }
  }

  static Figure shown(BigDecimal value) {
    return new Figure(State.SHOWN, Objects.requireNonNull(value, "value"), false, List.of());
  }
}
