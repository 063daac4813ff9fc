package org.zengzhi.engine;

import java.time.Instant;

/**
 * What the engine is asked to do. Every command carries its own id and timestamp; the engine never
 * reads a clock (SPEC ). Dispatch is a switch on {@link #type()}, kept exhaustive by the compiler.
 */
public sealed interface Command permits Command.SettleOrder, Command.SellPoints, Command.InjectSubsidy {

    String id();

    Instant at();

    CommandType type();

    /**
     * An order of {@code amountFen} by {@code participant} settled, contributing {@code poolShareFen} to
     * the pool (SPEC ). Registers the participant on first sight.
     */
    record SettleOrder(String id, Instant at, String participant, long amountFen, long poolShareFen)
            implements Command {
        public CommandType type() {
            return CommandType.SETTLE_ORDER;
        }
    }

    /** A holder sells {@code pointsMicro} points back to the pool (卖出, SPEC ). */
    record SellPoints(String id, Instant at, String participant, long pointsMicro) implements Command {
        public CommandType type() {
            return CommandType.SELL_POINTS;
        }
    }

    /** The operator injects cash into the pool with no points minted (融资补贴, SPEC ). */
    record InjectSubsidy(String id, Instant at, long amountFen) implements Command {
        public CommandType type() {
            return CommandType.INJECT_SUBSIDY;
        }
    }
}
