package org.zengzhi.server.prices;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The price series for a chart, at most about {@code 4 × buckets} points however long the history (issue 20
 * item 7): the rows, in order, are cut into {@code buckets} runs of equal count, and each run keeps its first,
 * lowest, highest and last point, so every rise and every fall of the full series stays visible. Prices are
 * compared exactly ({@link org.zengzhi.engine.Price#compareTo}). Fed one row at a time, it holds one run.
 */
public final class Downsample {
    private final long total;
    private final int buckets;
    private final List<PricePoint> kept = new ArrayList<>();
    private long index;
    private long bucket = -1;
    private PricePoint first;
    private PricePoint low;
    private PricePoint high;
    private PricePoint last;

    /** {@code total} rows will be fed; {@code buckets} ≥ 1. */
    public Downsample(long total, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1");
        }
        this.total = Math.max(total, 1);
        this.buckets = buckets;
    }

    public void add(PricePoint point) {
        long of = Math.min(buckets - 1, index * buckets / total);
        index++;
        if (of != bucket) {
            flush();
            bucket = of;
            first = low = high = point;
        }
        if (point.price().compareTo(low.price()) < 0) {
            low = point;
        }
        if (point.price().compareTo(high.price()) > 0) {
            high = point;
        }
        last = point;
    }

    private void flush() {
        if (first == null) {
            return;
        }
        TreeMap<Long, PricePoint> run = new TreeMap<>();
        // Keyed by place in the history (command, then event): event indexes are below 2³¹.
        for (PricePoint point : new PricePoint[] {first, low, high, last}) {
            run.put(point.seq() * (1L << 31) + point.eventIndex(), point);
        }
        kept.addAll(run.values());
        first = null;
    }

    /** The kept points in order. */
    public List<PricePoint> points() {
        flush();
        return List.copyOf(kept);
    }
}
