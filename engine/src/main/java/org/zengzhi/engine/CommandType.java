package org.zengzhi.engine;

/** The kinds of {@link Command}, for exhaustive switches. */
public enum CommandType {
    SETTLE_ORDER,
    SELL_POINTS,
    INJECT_SUBSIDY
}
