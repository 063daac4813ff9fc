package org.zengzhi.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.green.Dividend;
import org.zengzhi.engine.green.DividendPool;
import org.zengzhi.engine.green.GreenModel;
import org.zengzhi.engine.green.GreenPool;
import org.zengzhi.engine.green.GreenRules;

/**
 * The workload of {@link GreenDividendBenchmark}, free of JMH: a consumer pool (seed 003's rules, constant
 * 0.5%) holding {@link #LOTS_PER_HOLDER} lots per holder on average, each lot owned by a holder drawn at
 * random, as orders from many consumers interleave, and sized like the 让利 of a 10–2 000 CNY order at 3–20%.
 * Every lot is earned on one day, so the pool's first dividend is due at 00:00 the next day and pays each
 * lot its first period.
 *
 * <p>A dividend changes the lots (their periods and vouchers), so each run starts from the same state: the
 * pool's first lots are earned once and written with the model's own snapshot codec; {@link #restore} reads
 * them back and earns the rest, the {@code newPercent} share of the lots earned since the snapshot (0: every
 * lot restored from the snapshot; 20: a fifth earned since; 100: a platform's first dividend, every lot
 * earned in this process). The lots are the same draws in every case, so the expected answer is too: the
 * total computed while the lots are drawn, as the sum of ⌊lotPoints·rate⌋ in plain long arithmetic, apart
 * from the model's code, and each holder's sum over its lots.
 */
public final class GreenDividendWorkload {
    public static final int LOTS_PER_HOLDER = 10;
    /** 0.30 point, the 让利 of a 10.00 CNY order at 3%. */
    static final long LOT_CENTIPOINTS_MIN = 30;
    /** 400 points, the 让利 of a 2,000.00 CNY order at 20%. */
    static final long LOT_CENTIPOINTS_MAX = 40_000;
    /** 10:00 on 1 March 2026 in Shanghai: every lot is earned then. */
    static final Instant EARNED_AT = Instant.parse("2026-03-01T02:00:00Z");
    /** 00:00 on 2 March 2026 in Shanghai, the day after the pool reached its start value. */
    static final Instant DIVIDEND_DUE = Instant.parse("2026-03-01T16:00:00Z");
    /** A snapshot writes a lot as an int, a long, an int and a long. */
    private static final int SNAPSHOT_BYTES_PER_LOT = 24;
    private static final int SNAPSHOT_HEADER_BYTES = 1024;

    private final GreenRules rules = GreenRules.SEED;
    private final int holders;
    private final long seed;
    private final int lots;
    /** Lots {@code 0} to {@code restoredLots − 1} are in the snapshot; the rest are earned by {@link #restore}. */
    private final int restoredLots;
    private final long expectedVouchersFen;
    /** Each holder's expected vouchers: the sum of ⌊lotPoints·rate⌋ over its lots. */
    private final long[] expectedByHolder;
    /** Holders whose lots are worth at least 1 fen: the dividend posts one payment to each. */
    private final long expectedPayments;
    private final byte[] snapshot;
    private final VoucherBalances postings;
    private GreenModel model;

    /** Every lot restored from the snapshot. */
    public GreenDividendWorkload(int holders, long seed) {
        this(holders, seed, 0);
    }

    /** {@code newPercent} of the lots (0–100) earned since the snapshot, the rest restored from it. */
    public GreenDividendWorkload(int holders, long seed, int newPercent) {
        if (newPercent < 0 || newPercent > 100) {
            throw new IllegalArgumentException("the share of new lots is a percentage: " + newPercent);
        }
        this.holders = holders;
        this.seed = seed;
        this.lots = Math.multiplyExact(holders, LOTS_PER_HOLDER);
        this.restoredLots = (int) ((long) lots * (100 - newPercent) / 100);
        this.postings = new VoucherBalances(holders);
        this.expectedByHolder = new long[holders];
        GreenModel built = new GreenModel(rules);
        DividendPool pool = built.pool(GreenPool.CONSUMER);
        long ratePpm = rules.consumerPool().rates().ratePpm(1);
        SplittableRandom random = new SplittableRandom(seed);
        long expected = 0;
        for (int lot = 0; lot < lots; lot++) {
            long centipoints = random.nextLong(LOT_CENTIPOINTS_MIN, LOT_CENTIPOINTS_MAX + 1);
            int holder = random.nextInt(holders);
            if (lot < restoredLots) {
                pool.earn(holder, centipoints, EARNED_AT);
            }
            long vouchersFen = centipoints * ratePpm / Limits.PPM;
            expected += vouchersFen;
            expectedByHolder[holder] += vouchersFen;
        }
        this.expectedVouchersFen = expected;
        this.expectedPayments = Arrays.stream(expectedByHolder).filter(fen -> fen > 0).count();
        this.snapshot = write(built);
        restore();
    }

    private byte[] write(GreenModel built) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                Math.addExact(Math.multiplyExact(lots, SNAPSHOT_BYTES_PER_LOT), SNAPSHOT_HEADER_BYTES));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            built.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Puts the model back as it was before any dividend: reads the snapshot, earns the lots drawn after it in
     * their order, and clears the balances.
     */
    public void restore() {
        model = null;
        GreenModel restored;
        try {
            restored = GreenModel.read(new DataInputStream(new ByteArrayInputStream(snapshot)), rules);
        } catch (IOException e) {
            throw new UncheckedIOException("the workload's own snapshot does not read back", e);
        }
        DividendPool pool = restored.pool(GreenPool.CONSUMER);
        SplittableRandom random = new SplittableRandom(seed);
        for (int lot = 0; lot < lots; lot++) {
            long centipoints = random.nextLong(LOT_CENTIPOINTS_MIN, LOT_CENTIPOINTS_MAX + 1);
            int holder = random.nextInt(holders);
            if (lot >= restoredLots) {
                pool.earn(holder, centipoints, EARNED_AT);
            }
        }
        if (!pool.nextDueAt().equals(Optional.of(DIVIDEND_DUE))) {
            throw new IllegalStateException("the pool's first dividend is due at " + pool.nextDueAt()
                    + ", not at " + DIVIDEND_DUE + ": " + holders + " holders do not reach its start value");
        }
        model = restored;
        postings.reset();
    }

    /** Pays the consumer pool's first dividend: the operation under test. */
    public Dividend payDividend() {
        return model.payDividend(GreenPool.CONSUMER, postings);
    }

    /**
     * Throws unless {@code dividend} and the postings paid exactly the expected vouchers to every lot in its
     * first period, at full scale, retiring none. Costs O(1), so it can run inside the measurement.
     */
    public void check(Dividend dividend) {
        check(dividend, expectedVouchersFen);
    }

    void check(Dividend dividend, long expectedFen) {
        require(dividend.vouchersFen() == expectedFen, "the dividend paid " + dividend.vouchersFen()
                + " fen of vouchers, the lots and the rate give " + expectedFen);
        require(postings.paidFen() == expectedFen, "the postings received " + postings.paidFen()
                + " fen of vouchers, the lots and the rate give " + expectedFen);
        require(postings.payments() == expectedPayments, postings.payments() + " payments were posted, "
                + expectedPayments + " holders' lots are worth a voucher: one payment per holder");
        require(dividend.period() == 1 && dividend.scalePpm() == Limits.PPM && dividend.at().equals(DIVIDEND_DUE),
                "not the first dividend at full scale: " + dividend);
        require(dividend.lots() == lots && dividend.retired() == 0 && postings.retiredLots() == 0,
                "the dividend should pay " + lots + " lots and retire none: " + dividend);
    }

    /**
     * Throws unless the holders' balances, added up one by one, hold the expected total and each holder's
     * balance is the sum over its lots. Costs O(holders).
     */
    public void checkBalances() {
        require(postings.balanceTotalFen() == expectedVouchersFen, "the holders' balances hold "
                + postings.balanceTotalFen() + " fen of vouchers, the lots and the rate give " + expectedVouchersFen);
        for (int holder = 0; holder < holders; holder++) {
            require(postings.balanceFen(holder) == expectedByHolder[holder], "holder " + holder + " holds "
                    + postings.balanceFen(holder) + " fen of vouchers, its lots give " + expectedByHolder[holder]);
        }
    }

    private static void require(boolean holds, String failure) {
        if (!holds) {
            throw new IllegalStateException(failure);
        }
    }

    public int lots() {
        return lots;
    }

    public long expectedVouchersFen() {
        return expectedVouchersFen;
    }

    public int snapshotBytes() {
        return snapshot.length;
    }
}
