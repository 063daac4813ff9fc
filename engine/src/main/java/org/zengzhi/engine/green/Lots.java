package org.zengzhi.engine.green;

import java.util.Arrays;

/**
 * A pool's active lots, bucketed by holder at earning time (issue 17 deliver 5): bucket {@code b} holds the
 * lots of holders {@code b·BUCKET_HOLDERS} to {@code (b+1)·BUCKET_HOLDERS − 1}. A dividend visits the buckets
 * in ascending order and sums each bucket's payments per holder in a scratch array of {@code BUCKET_HOLDERS}
 * longs that stays in the cache, so paying 10 M lots makes no random write into a holder-sized array, and
 * needs no sort: adding a lot stays O(1).
 *
 * <p>The canonical order of the lots, in which snapshots write them and global slots number them, is bucket
 * by bucket in ascending order, and within a bucket the bucket's own order. A global slot is valid until the
 * next earning or dividend.
 */
final class Lots {
    /** log₂ of the holders per bucket: 8,192 holders, a 64 KB scratch of sums. */
    static final int SHIFT = 13;
    static final int BUCKET_HOLDERS = 1 << SHIFT;

    private LotBucket[] buckets = new LotBucket[1];
    private int count;

    /** The non-empty buckets and the global slot each starts at, rebuilt after a change when a slot is asked for. */
    private int[] indexBuckets = new int[0];
    private int[] indexStarts = new int[0];
    private int indexed;
    private boolean indexStale;
    /** The index entry the last slot was found in, so a scan over all slots finds the next one at once. */
    private int lastEntry;

    int count() {
        return count;
    }

    /** The number of bucket places, empty or not: buckets {@code 0} to {@code bucketCount() − 1} may hold lots. */
    int bucketCount() {
        return buckets.length;
    }

    /** Bucket {@code index}, or null when it has never held a lot. */
    LotBucket bucket(int index) {
        return buckets[index];
    }

    void add(int holder, long centipoints, int birth, long capLeftFen) {
        bucketOf(holder).add(holder, centipoints, birth, capLeftFen);
        count++;
        indexStale = true;
    }

    private LotBucket bucketOf(int holder) {
        int index = holder >>> SHIFT;
        if (index >= buckets.length) {
            buckets = Arrays.copyOf(buckets, Math.max(index + 1, buckets.length * 2));
        }
        LotBucket bucket = buckets[index];
        if (bucket == null) {
            bucket = new LotBucket();
            buckets[index] = bucket;
        }
        return bucket;
    }

    /** Counts again after a dividend removed lots from buckets directly. */
    void recount() {
        int total = 0;
        for (LotBucket bucket : buckets) {
            total += bucket == null ? 0 : bucket.size;
        }
        count = total;
        indexStale = true;
    }

    /** The bucket holding global slot {@code slot}; {@link #offset} then gives the slot within it. */
    LotBucket bucketAt(int slot) {
        int entry = entryOf(slot);
        return buckets[indexBuckets[entry]];
    }

    int offset(int slot) {
        int entry = entryOf(slot);
        return slot - indexStarts[entry];
    }

    private int entryOf(int slot) {
        if (indexStale) {
            reindex();
        }
        int entry = lastEntry;
        if (entry < indexed && indexStarts[entry] <= slot && (entry + 1 == indexed || slot < indexStarts[entry + 1])) {
            return entry;
        }
        int found = Arrays.binarySearch(indexStarts, 0, indexed, slot);
        entry = found >= 0 ? found : -found - 2;
        lastEntry = entry;
        return entry;
    }

    private void reindex() {
        int entries = 0;
        for (LotBucket bucket : buckets) {
            entries += bucket != null && bucket.size > 0 ? 1 : 0;
        }
        if (indexBuckets.length < entries) {
            indexBuckets = new int[entries];
            indexStarts = new int[entries];
        }
        int entry = 0;
        int start = 0;
        for (int index = 0; index < buckets.length; index++) {
            LotBucket bucket = buckets[index];
            if (bucket != null && bucket.size > 0) {
                indexBuckets[entry] = index;
                indexStarts[entry] = start;
                start += bucket.size;
                entry++;
            }
        }
        indexed = entries;
        lastEntry = 0;
        indexStale = false;
    }
}
