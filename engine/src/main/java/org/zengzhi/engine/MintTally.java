package org.zengzhi.engine;

/**
 * Sums of the points minted at settlement: what a caller that only adds minted points up (the
 * simulator's minted series and its count of orders that minted nothing) reads instead of one
 * {@link Event.PointsMinted} per settled order. Given to {@link EngineOutput#streaming(java.util.function.Consumer,
 * java.util.Set, RewardTally, MintTally)}; the engine adds each mint here, so it builds no event and does not look
 * up the buyer's id.
 */
public final class MintTally {
    private long pointsMicro;
    private long count;
    private long poolShareFen;
    private long unmintedCount;
    private long unmintedPoolShareFen;

    /** Points minted (micro-points) since the last {@link #clear()}. */
    public long pointsMicro() {
        return pointsMicro;
    }

    /** How many mints (settled orders' pool steps) were summed since the last {@link #clear()}. */
    public long count() {
        return count;
    }

    /** Fen the summed mints moved into the pool. */
    public long poolShareFen() {
        return poolShareFen;
    }

    /** How many of them put cash into the pool and minted no point (their share bought less than 10⁻⁶ point). */
    public long unmintedCount() {
        return unmintedCount;
    }

    /** The pool cash of those that minted no point, in fen. */
    public long unmintedPoolShareFen() {
        return unmintedPoolShareFen;
    }

    public void clear() {
        pointsMicro = 0;
        count = 0;
        poolShareFen = 0;
        unmintedCount = 0;
        unmintedPoolShareFen = 0;
    }

    void add(long poolShareFen, long mintedMicro) {
        pointsMicro = Math.addExact(pointsMicro, mintedMicro);
        this.poolShareFen = Math.addExact(this.poolShareFen, poolShareFen);
        count++;
        if (mintedMicro == 0 && poolShareFen > 0) {
            unmintedCount++;
            unmintedPoolShareFen = Math.addExact(unmintedPoolShareFen, poolShareFen);
        }
    }
}
