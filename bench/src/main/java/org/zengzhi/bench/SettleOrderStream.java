package org.zengzhi.bench;

/**
 * The orders every durable benchmark sends, the same for the gateway and the naive baseline: order
 * {@code i} is by participant {@code u(i·7919 mod participants)}, for 10.00 to 2,000.00 CNY (a fixed
 * function of {@code i}), with a pool share of 30%. Pure functions of the index, so any thread can make
 * any order and both systems see the same set.
 */
final class SettleOrderStream {
    static final long POOL_SHARE_PERCENT = 30;
    private final int participants;

    SettleOrderStream(int participants) {
        this.participants = participants;
    }

    String orderId(long i) {
        return "o" + i;
    }

    String participant(long i) {
        return "u" + Math.floorMod(i * 7919L, participants);
    }

    long amountFen(long i) {
        return 1_000 + Math.floorMod(i * 2_654_435_761L, 199_001L);
    }

    long poolShareFen(long i) {
        return amountFen(i) * POOL_SHARE_PERCENT / 100;
    }

    /** The sum of the pool shares of orders 0 … count−1. */
    long poolSharesFen(long count) {
        long sum = 0;
        for (long i = 0; i < count; i++) {
            sum += poolShareFen(i);
        }
        return sum;
    }
}
