package org.zengzhi.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling, with a deadline: the tests' only way to wait (no bare sleeps). */
final class Await {
    private Await() {
    }

    /** Returns the nanoseconds it took; throws naming {@code what} if the deadline passes first. */
    static long until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(10);
        }
        return System.nanoTime() - start;
    }
}
