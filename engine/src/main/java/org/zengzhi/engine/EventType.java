package org.zengzhi.engine;

/** The kinds of {@link Event}, for exhaustive switches. */
public enum EventType {
    POINTS_MINTED,
    POINTS_SOLD,
    PARTICIPANT_EXITED,
    SUBSIDY_INJECTED,
    PRICE_CHANGED,
    COMMAND_REJECTED
}
