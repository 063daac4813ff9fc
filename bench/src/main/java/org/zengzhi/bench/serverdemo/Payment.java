package org.zengzhi.bench.serverdemo;

import org.zengzhi.cluster.demo.DemoPayments;

/**
 * Payment {@code number} of a tenant: a settled order ({@code order}, the operator's command of the log format,
 * docs/replay.md) of a known amount whose pool share is 30% of it — the light demo's amounts
 * ({@link DemoPayments#amountFen}), so a tenant's pool cash is the sum of its acknowledged payments' pool shares.
 */
record Payment(String tenant, long number) {

    String orderId() {
        return tenant + "-o" + number;
    }

    /** The Idempotency-Key: one per payment, the same on every retry and redirect. */
    String key() {
        return "pay-" + orderId();
    }

    long amountFen() {
        return DemoPayments.amountFen(number);
    }

    long poolShareFen() {
        return DemoPayments.poolShareFen(number);
    }

    String user() {
        return "u" + Math.floorMod(number * 7_919L, 200);
    }

    String json() {
        return "{\"type\":\"order\",\"id\":\"" + orderId() + "\",\"user\":\"" + user() + "\",\"amount\":\""
                + yuan(amountFen()) + "\",\"poolShare\":\"" + yuan(poolShareFen()) + "\"}";
    }

    /** Fen as the API's exact decimal of yuan ("12.05"). */
    static String yuan(long fen) {
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }

    /** The API's decimal of yuan ("160.00", "-3.5") as fen, exactly; anything with more than 2 decimals is refused. */
    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
