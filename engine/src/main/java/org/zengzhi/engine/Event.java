package org.zengzhi.engine;

import java.time.Instant;

/**
 * What happened, in the order it happened. {@code command} is the id of the command that caused the
 * event (for exits: the command that set the cascade off).
 */
public sealed interface Event permits Event.PointsMinted, Event.PointsSold, Event.ParticipantExited,
        Event.SubsidyInjected, Event.PriceChanged, Event.CommandRejected {

    String command();

    EventType type();

    /** An order settled: its pool contribution entered the pool and points were minted for the buyer. */
    record PointsMinted(String command, String participant, long amountFen, long poolShareFen, long pointsMicro)
            implements Event {
        public EventType type() {
            return EventType.POINTS_MINTED;
        }
    }

    /** A holder sold points: {@code grossFen} is their value at the price before the sale. */
    record PointsSold(String command, String participant, long pointsMicro, long grossFen, long payoutFen)
            implements Event {
        public EventType type() {
            return EventType.POINTS_SOLD;
        }
    }

    /**
     * A holder reached the exit multiple (强制出局): every point was sold at the payout ratio and the cycle
     * closed. {@code exits} counts this participant's exits, this one included.
     */
    record ParticipantExited(String command, String participant, long pointsMicro, long grossFen, long payoutFen,
            long cycleSpendFen, int exits) implements Event {
        public EventType type() {
            return EventType.PARTICIPANT_EXITED;
        }
    }

    /** Cash entered the pool without any point minted. */
    record SubsidyInjected(String command, long amountFen) implements Event {
        public EventType type() {
            return EventType.SUBSIDY_INJECTED;
        }
    }

    /** The pool's price moved: the new price is exactly {@code poolCashFen / circulatingPointsMicro}. */
    record PriceChanged(String command, Instant at, long poolCashFen, long circulatingPointsMicro)
            implements Event {
        public EventType type() {
            return EventType.PRICE_CHANGED;
        }

        public Price price() {
            return new Price(poolCashFen, circulatingPointsMicro);
        }
    }

    /** The command was refused and changed nothing. {@code field} names the offending field. */
    record CommandRejected(String command, RejectionCode code, String field) implements Event {
        public EventType type() {
            return EventType.COMMAND_REJECTED;
        }
    }
}
