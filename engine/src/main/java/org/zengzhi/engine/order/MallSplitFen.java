package org.zengzhi.engine.order;

/**
 * A mall product's own split of the cash paid, in fen (R-2.2: price 1000 = cost 300 + distribution 300 +
 * platform 100 + pool 300). The four parts must add up to the order's cash amount.
 */
public record MallSplitFen(long costFen, long distributionFen, long platformFen, long poolFen) {
    /** True when no part is negative and the parts add up exactly to {@code amountFen} (no overflow possible). */
    public boolean divides(long amountFen) {
        long left = amountFen;
        for (long part : new long[] {costFen, distributionFen, platformFen, poolFen}) {
            if (part < 0 || part > left) {
                return false;
            }
            left -= part;
        }
        return left == 0;
    }
}
