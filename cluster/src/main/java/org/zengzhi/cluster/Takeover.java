package org.zengzhi.cluster;

/**
 * When a node took a tenant over, phase by phase, in the node's own clock (epoch milliseconds; 0: not yet): the
 * group handed it the tenant ({@code assignedAtMs}, the rebalance listener ran), its snapshot was checked and decoded
 * ({@code restoredAtMs}), and it had replayed the tail up to the partition's end as of the assignment and so served
 * again ({@code servingAtMs}). The failover figures of issue 21 deliver 4 are read from these (the demo's
 * {@code GET /takeovers}).
 */
public record Takeover(String tenant, long assignedAtMs, long restoredAtMs, long servingAtMs, long restoredFrom,
        long servingFrom) {

    /** One line: {@code tenant assignedAtMs restoredAtMs servingAtMs restoredFrom servingFrom}. */
    public String line() {
        return tenant + " " + assignedAtMs + " " + restoredAtMs + " " + servingAtMs + " " + restoredFrom + " "
                + servingFrom;
    }

    public static Takeover parse(String line) {
        String[] f = line.trim().split(" ");
        return new Takeover(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]));
    }

    /** The times of one take-over as they happen (written by the tenant's thread, read by any). */
    static final class Clock {
        private final String tenant;
        private final long assignedAtMs;
        private final long restoredFrom;
        private final long servingFrom;
        private volatile long restoredAtMs;
        private volatile long servingAtMs;

        Clock(String tenant, long assignedAtMs, long restoredFrom, long servingFrom) {
            this.tenant = tenant;
            this.assignedAtMs = assignedAtMs;
            this.restoredFrom = restoredFrom;
            this.servingFrom = servingFrom;
        }

        void restored() {
            restoredAtMs = System.currentTimeMillis();
        }

        void serving() {
            if (servingAtMs == 0) {
                servingAtMs = System.currentTimeMillis();
            }
        }

        Takeover now() {
            return new Takeover(tenant, assignedAtMs, restoredAtMs, servingAtMs, restoredFrom, servingFrom);
        }
    }
}
