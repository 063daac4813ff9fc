package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.green.GreenTimes.at;
import static org.zengzhi.engine.green.GreenTimes.midnight;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 17 deliver 5: a pool's lots are bucketed by holder ({@link Lots}). Global slots and snapshots number
 * the lots bucket by bucket; a snapshot written before bucketing, lots in earning order, reads into the same
 * state; a dividend posts one payment per holder, holders ascending.
 */
class LotBucketsTest {
    private static final int EDGE = Lots.BUCKET_HOLDERS;
    /** 24 bytes a lot in a snapshot: holder, centipoints, periods, vouchers. */
    private static final int LOT_BYTES = 24;

    private final RecordingPostings postings = new RecordingPostings();

    /** Lots of holders on both sides of two bucket edges, earned out of holder order; two lots for 2·EDGE+5. */
    private static DividendPool earned() {
        DividendPool pool = new DividendPool(GreenPool.CONSUMER, GreenRules.SEED);
        pool.earn(2 * EDGE + 5, 40_000_000L, at(0, 9));
        pool.earn(EDGE - 1, 20_000_000L, at(0, 9));
        pool.earn(EDGE, 10_000_000L, at(0, 10));
        pool.earn(2 * EDGE + 5, 20_000_000L, at(0, 11));
        pool.earn(3, 10_000_000L, at(0, 12));
        return pool;
    }

    @Test
    void slotsNumberTheLotsBucketByBucket() {
        DividendPool pool = earned();

        assertThat(pool.lotCount()).isEqualTo(5);
        List<Integer> holders = new ArrayList<>();
        for (int slot = 0; slot < pool.lotCount(); slot++) {
            holders.add(pool.lotHolder(slot));
        }
        // Bucket 0 in earning order (EDGE − 1, then 3), bucket 1, then bucket 2's two lots.
        assertThat(holders).containsExactly(EDGE - 1, 3, EDGE, 2 * EDGE + 5, 2 * EDGE + 5);
        assertThat(pool.lotCentipoints(3)).isEqualTo(40_000_000L);
        assertThat(pool.lotCentipoints(4)).isEqualTo(20_000_000L);
    }

    @Test
    void aDividendPostsEachHoldersSumOnceInAscendingHolderOrder() {
        DividendPool pool = earned();

        Dividend first = pool.payDividend(midnight(1), postings);

        // 0.5% of each lot; holder 2·EDGE+5's two lots, 200,000 + 100,000 fen, in one posting.
        assertThat(first.vouchersFen()).isEqualTo(500_000);
        assertThat(postings.lines).containsExactly("vouchers consumer 3 50000", "vouchers consumer 8191 100000",
                "vouchers consumer 8192 50000", "vouchers consumer 16389 300000");
        assertThat(pool.lotVouchersFen(3)).isEqualTo(200_000);
        assertThat(pool.lotPeriods(4)).isEqualTo(1);
    }

    @Test
    void aSnapshotWithLotsInEarningOrderReadsIntoTheCanonicalOrder() throws IOException {
        DividendPool pool = earned();
        pool.payDividend(midnight(1), postings);
        byte[] canonical = snapshot(pool);
        // The order a pool kept its lots in before bucketing: 2·EDGE+5, EDGE−1, EDGE, 2·EDGE+5, 3.
        byte[] earningOrder = withLotsInOrder(canonical, 3, 0, 2, 4, 1);

        DividendPool read = new DividendPool(GreenPool.CONSUMER, GreenRules.SEED);
        read.read(new DataInputStream(new ByteArrayInputStream(earningOrder)));

        assertThat(earningOrder).isNotEqualTo(canonical);
        assertThat(snapshot(read)).isEqualTo(canonical);
        assertThat(read.nextDueAt()).isEqualTo(pool.nextDueAt());
    }

    private static byte[] snapshot(DividendPool pool) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            pool.write(out);
        }
        return bytes.toByteArray();
    }

    /** The snapshot with its lot records (at the end) in the order of the canonical slots given. */
    private static byte[] withLotsInOrder(byte[] snapshot, int... slots) {
        int lotsStart = snapshot.length - slots.length * LOT_BYTES;
        byte[] reordered = Arrays.copyOf(snapshot, snapshot.length);
        for (int i = 0; i < slots.length; i++) {
            System.arraycopy(snapshot, lotsStart + slots[i] * LOT_BYTES, reordered, lotsStart + i * LOT_BYTES, LOT_BYTES);
        }
        return reordered;
    }
}
