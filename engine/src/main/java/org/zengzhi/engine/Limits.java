package org.zengzhi.engine;

/** Named bounds of the engine (ARCHITECTURE rule 7). */
public final class Limits {
    /** One order, sale payout or subsidy: at most 10 billion CNY, so every product stays within 128 bits. */
    public static final long AMOUNT_FEN_MAX = 1_000_000_000_000L;
    /** Participants one engine holds; dense ids are ints. */
    public static final int PARTICIPANTS_MAX = 200_000_000;
    /** Length of a participant's external id. */
    public static final int PARTICIPANT_ID_LENGTH_MAX = 128;
    /** Length of an operator's reason or a payment provider's reference kept in the engine's state. */
    public static final int TEXT_LENGTH_MAX = 500;
    /** Parts per million: the unit of every rate. */
    public static final long PPM = 1_000_000L;

    private Limits() {
    }
}
