package org.zengzhi.engine.pool;

/**
 * A participant as the outside sees them: points held, cash wallet, the current exit cycle, exits so far
 * and everything paid out to them by sales and exits.
 */
public record Holder(String participant, long pointsMicro, long cashFen, long cycleSpendFen,
        long cycleRealizedFen, int exits, long paidOutFen) {
}
