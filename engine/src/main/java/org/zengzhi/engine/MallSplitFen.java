package org.zengzhi.engine;

/**
 * A mall product's own split of the cash paid, in fen (R-2.2: price 1000 = cost 300 + distribution 300 +
 * platform 100 + pool 300). The four parts must add up to the order's cash amount.
 */
public record MallSplitFen(long costFen, long distributionFen, long platformFen, long poolFen) {
    public long total() {
        return Math.addExact(Math.addExact(costFen, distributionFen), Math.addExact(platformFen, poolFen));
    }
}
