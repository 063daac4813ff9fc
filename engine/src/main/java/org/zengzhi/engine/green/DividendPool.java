package org.zengzhi.engine.green;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * One dividend pool (SPEC, issue 17 rules 2–4 and 8): its value, the calendar of its dividends,
 * and its active lots. Days are epoch days in the rules' zone. Only active lots are kept, in primitive
 * arrays bucketed by holder ({@link Lots}): a retiring lot's place takes its bucket's last lot, so a dividend
 * costs O(active lots) and never reads a retired one.
 *
 * <p>The value only grows, so the day the value first reaches the next dividend's target is known at the
 * earning that reaches it; {@link #nextDueAt} follows from it without looking back. The caller carries out
 * earnings and dividends in due-time order: an earning at or after a dividend's due time must come after
 * that dividend has been paid, which {@link #earn} checks.
 */
public final class DividendPool {
    /** Active lots one pool holds: a bound on memory, far above any tenant's need. */
    public static final int LOTS_MAX = 1 << 28;
    private static final long NO_DAY = Long.MIN_VALUE;
    private static final long PPM_SQUARED = Limits.PPM * Limits.PPM;

    private final GreenPool kind;
    private final PoolTerms terms;
    private final ZoneId zone;
    private final OptionalLong dividendCapPpm;

    private long valueCentipoints;
    private long startDay = NO_DAY;
    private long lastDividendDay = NO_DAY;
    private long lastDividendValue;
    private long targetDay = NO_DAY;
    private int period;
    private long rangliSinceDividendFen;
    /** The due time of the next dividend, kept with the state it follows from: ticks ask for it often. */
    private Optional<Instant> nextDue = Optional.empty();

    /*
     * The lots, bucketed by holder (issue 17 deliver 5: a dividend over 10 M lots is bound by the memory it
     * moves). A lot's period count is not stored: every active lot is paid in every paying dividend, so it is
     * the pool's paying dividends since the lot's birth, and a dividend writes no period. What the cap still
     * allows is kept instead of the vouchers received, so the cap test reads one number; the vouchers are the
     * cap total minus that. A bucket's fields: holder, centipoints, birth ({@link #payingDividends} when the
     * lot started, less the periods it had then, after a snapshot) and capLeft (⌊points·cap⌋ − vouchers).
     */
    private final Lots lots = new Lots();
    /** A dividend's per-holder sums for one bucket, indexed by holder − the bucket's first holder. */
    private long[] sums;
    /** Which entries of {@link #sums} a bucket touched, one bit each. */
    private long[] touched;
    /** Dividends with a scale above 0 since this object was made or read: a counter, not state. */
    private int payingDividends;

    public DividendPool(GreenPool kind, GreenRules rules) {
        this.kind = kind;
        this.terms = rules.terms(kind);
        this.zone = rules.timeZone();
        this.dividendCapPpm = rules.dividendCapPpm();
    }

    /**
     * {@code holder} earns {@code centipoints} at {@code at}: the value grows and a new lot starts (one per
     * order per holder; a zero earning makes none), in O(1) amortised. Returns whether a lot started.
     *
     * @throws IllegalStateException if a dividend due at or before {@code at} has not been paid (a bug)
     */
    public boolean earn(int holder, long centipoints, Instant at) {
        if (holder < 0 || centipoints < 0) {
            throw new IllegalArgumentException("holder and points must not be negative: " + holder + ", " + centipoints);
        }
        if (nextDue.isPresent() && !at.isBefore(nextDue.get())) {
            throw new IllegalStateException(kind.label() + " dividend due at " + nextDue.get()
                    + " must be paid before an earning at " + at);
        }
        if (centipoints == 0) {
            return false;
        }
        requireRoom();
        valueCentipoints = Math.addExact(valueCentipoints, centipoints);
        noteTarget(dayOf(at));
        refreshNextDue();
        lots.add(holder, centipoints, payingDividends, capTotal(centipoints));
        return true;
    }

    /** The caller reports 让利 (fen) settled now, which rule 8's dividend cap measures the next dividend by. */
    public void recordRangli(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("让利 must not be negative: " + fen);
        }
        rangliSinceDividendFen = Math.addExact(rangliSinceDividendFen, fen);
    }

    /** The due time of the next dividend (00:00 of its pay day in the zone), or empty before the pool starts. */
    public Optional<Instant> nextDueAt() {
        return nextDue;
    }

    private void refreshNextDue() {
        long day = nextDueDay();
        nextDue = day == NO_DAY ? Optional.empty() : Optional.of(startOf(day));
    }

    /**
     * Pays the dividend due at {@code at} to every active lot: ⌊points·rate(i)·scale⌋ vouchers for the lot's
     * period i, at most what is left of its cap; a lot retires after {@code periodsMax} periods or at its
     * cap. A scale of 0 pays nothing and is no period for the lots. Each lot's payment is computed on its
     * own; the postings get one payment per holder, the sum over the holder's lots, in ascending holder order,
     * and one retirement per retiring lot.
     *
     * @throws IllegalStateException if no dividend is due at {@code at} (a bug in the caller's order)
     */
    public Dividend payDividend(Instant at, GreenPostings postings) {
        if (nextDue.isEmpty() || !nextDue.get().equals(at)) {
            throw new IllegalStateException(kind.label() + " has no dividend due at " + at);
        }
        long dueDay = nextDueDay();
        OptionalLong growth = lastDividendDay == NO_DAY ? OptionalLong.empty()
                : OptionalLong.of(Exact.mulDivFloor(valueCentipoints, Limits.PPM, lastDividendValue) - Limits.PPM);
        long scale = cappedScale(growthScale());
        int active = lots.count();
        long vouchers = 0;
        int retired = 0;
        if (scale > 0) {
            vouchers = payLots(scale, postings);
            retired = active - lots.count();
        }
        period = Math.addExact(period, 1);
        lastDividendDay = dueDay;
        lastDividendValue = valueCentipoints;
        targetDay = NO_DAY;
        rangliSinceDividendFen = 0;
        refreshNextDue();
        return new Dividend(kind, period, at, valueCentipoints, growth, scale, vouchers, active, retired);
    }

    private long nextDueDay() {
        if (startDay == NO_DAY) {
            return NO_DAY;
        }
        if (lastDividendDay == NO_DAY) {
            return startDay + 1;
        }
        if (targetDay != NO_DAY) {
            long d = targetDay - lastDividendDay;
            return lastDividendDay + Math.max(terms.earliestPayDay(), d + 1);
        }
        return lastDividendDay + terms.lateDays() + 1;
    }

    /** Records the day an earning on {@code day} brings the value to the start value or the next target. */
    private void noteTarget(long day) {
        if (startDay == NO_DAY) {
            if (valueCentipoints >= terms.startValueCentipoints()) {
                startDay = day;
            }
        } else if (lastDividendDay != NO_DAY && targetDay == NO_DAY && Exact.compareProducts(valueCentipoints,
                Limits.PPM, lastDividendValue, Limits.PPM + terms.growthPpm()) >= 0) {
            // Growth reached on the dividend's own day counts as day 1: d is a day after that dividend.
            targetDay = Math.max(day, lastDividendDay + 1);
        }
    }

    /**
     * 1 (in ppm) for the first dividend and for one whose target was reached; for a late one the actual
     * growth over the target growth, (value − V₀) / (V₀·growth), rounded down. Two floors in a row equal one:
     * ⌊⌊x / y⌋ / z⌋ = ⌊x / (y·z)⌋, and V₀·growth may not fit in a long.
     */
    private long growthScale() {
        if (lastDividendDay == NO_DAY || targetDay != NO_DAY) {
            return Limits.PPM;
        }
        long grown = valueCentipoints - lastDividendValue;
        long perTarget = Exact.mulDivFloor(grown, PPM_SQUARED, lastDividendValue) / terms.growthPpm();
        return Math.min(Limits.PPM, perTarget);
    }

    /**
     * Rule 8: when the period's vouchers would exceed the cap's share of the 让利 since the last dividend, the
     * scale drops to ⌊scale·budget / (raw + lots)⌋, where raw is the uncapped total of rounded-down payments.
     * Each payment loses less than 1 fen to rounding, so the exact total is below raw + lots, and the total at
     * the lower scale stays within the budget.
     */
    private long cappedScale(long scale) {
        if (dividendCapPpm.isEmpty() || scale == 0) {
            return scale;
        }
        long budget = Exact.mulDivFloor(rangliSinceDividendFen, dividendCapPpm.getAsLong(), Limits.PPM);
        long raw = 0;
        long capped = 0;
        int next = Math.addExact(payingDividends, 1);
        for (int index = 0; index < lots.bucketCount(); index++) {
            LotBucket bucket = lots.bucket(index);
            for (int slot = 0; bucket != null && slot < bucket.size; slot++) {
                long payment = uncappedPayment(bucket.centipoints[slot], next - bucket.birth[slot], scale);
                raw = Math.addExact(raw, payment);
                capped = Math.addExact(capped, Math.min(payment, bucket.capLeftFen[slot]));
            }
        }
        return capped <= budget ? scale : Exact.mulDivFloor(scale, budget, raw + lots.count());
    }

    /**
     * Pays every lot, bucket by bucket in ascending order, and posts one payment per holder with a non-zero
     * sum, in ascending holder order; each retiring lot is posted as it retires, before its bucket's payments.
     */
    private long payLots(long scale, GreenPostings postings) {
        if (sums == null) {
            sums = new long[Lots.BUCKET_HOLDERS];
            touched = new long[Lots.BUCKET_HOLDERS / Long.SIZE];
        }
        long total = 0;
        int paying = Math.addExact(payingDividends, 1);
        for (int index = 0; index < lots.bucketCount(); index++) {
            LotBucket bucket = lots.bucket(index);
            if (bucket != null && bucket.size > 0) {
                total = Math.addExact(total, payBucket(bucket, paying, scale, postings));
                postSums(index << Lots.SHIFT, postings);
            }
        }
        lots.recount();
        payingDividends = paying;
        return total;
    }

    /** Pays one bucket's lots into {@link #sums} and posts its retirements; returns the bucket's total. */
    private long payBucket(LotBucket bucket, int paying, long scale, GreenPostings postings) {
        long[] bucketSums = sums;
        long[] bucketTouched = touched;
        int periodsMax = terms.periodsMax();
        long total = 0;
        int slot = 0;
        while (slot < bucket.size) {
            long capLeft = bucket.capLeftFen[slot];
            int periods = paying - bucket.birth[slot];
            long payment = Math.min(uncappedPayment(bucket.centipoints[slot], periods, scale), capLeft);
            bucket.capLeftFen[slot] = capLeft - payment;
            total = Math.addExact(total, payment);
            int holder = bucket.holder[slot];
            if (payment > 0) {
                // Each sum is at most the dividend's total, which addExact keeps within a long.
                int offset = holder & (Lots.BUCKET_HOLDERS - 1);
                bucketSums[offset] += payment;
                bucketTouched[offset >>> 6] |= 1L << offset;
            }
            if (periods >= periodsMax || payment == capLeft) {
                long centipoints = bucket.centipoints[slot];
                postings.lotRetired(kind, holder, centipoints, periods, capTotal(centipoints) - bucket.capLeftFen[slot]);
                bucket.remove(slot);
            } else {
                slot++;
            }
        }
        return total;
    }

    /** Posts the non-zero sums of the bucket starting at holder {@code base} in holder order, and clears them. */
    private void postSums(int base, GreenPostings postings) {
        for (int word = 0; word < touched.length; word++) {
            long bits = touched[word];
            while (bits != 0) {
                int offset = word << 6 | Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                postings.dividendVouchersPaid(kind, base + offset, sums[offset]);
                sums[offset] = 0;
            }
            touched[word] = 0;
        }
    }

    /** The payment of period {@code period} (1 for the lot's first), before the cap. */
    private long uncappedPayment(long centipoints, int period, long scale) {
        long factor = terms.rates().ratePpm(period) * scale;
        return floorDivide(centipoints, factor, PPM_SQUARED);
    }

    private long capTotal(long centipoints) {
        return floorDivide(centipoints, terms.capPpm(), Limits.PPM);
    }

    /**
     * ⌊a·b / divisor⌋, dividing in 64 bits when the product fits, as it does for every lot below 9 million
     * points: a dividend runs this for every active lot, and callers pass constant divisors the compiler
     * turns into multiplications. Larger products take {@link Exact}'s 128-bit path.
     */
    private static long floorDivide(long a, long b, long divisor) {
        long product = Exact.productOrMinusOne(a, b);
        return product >= 0 ? product / divisor : Exact.mulDivFloor(a, b, divisor);
    }

    private void requireRoom() {
        if (lots.count() == LOTS_MAX) {
            throw new IllegalStateException(kind.label() + " pool holds " + LOTS_MAX + " lots, its bound");
        }
    }

    private long dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone).toEpochDay();
    }

    private Instant startOf(long day) {
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
    }

    public GreenPool kind() {
        return kind;
    }

    public PoolTerms terms() {
        return terms;
    }

    /** The pool's value: every centipoint ever earned into it. */
    public long valueCentipoints() {
        return valueCentipoints;
    }

    /** Dividends paid so far, scale 0 included. */
    public int period() {
        return period;
    }

    /** The value at the last dividend, which the next one's growth is measured against; 0 before the first. */
    public long lastDividendValueCentipoints() {
        return lastDividendValue;
    }

    public long rangliSinceDividendFen() {
        return rangliSinceDividendFen;
    }

    /** The active lots; slots {@code 0} to {@code lotCount() − 1} number them in the canonical order. */
    public int lotCount() {
        return lots.count();
    }

    /** The holder of the lot in global slot {@code slot}, valid until the next earning or dividend. */
    public int lotHolder(int slot) {
        checked(slot);
        return lots.bucketAt(slot).holder[lots.offset(slot)];
    }

    public long lotCentipoints(int slot) {
        checked(slot);
        return lots.bucketAt(slot).centipoints[lots.offset(slot)];
    }

    public int lotPeriods(int slot) {
        checked(slot);
        return payingDividends - lots.bucketAt(slot).birth[lots.offset(slot)];
    }

    public long lotVouchersFen(int slot) {
        checked(slot);
        LotBucket bucket = lots.bucketAt(slot);
        int offset = lots.offset(slot);
        return capTotal(bucket.centipoints[offset]) - bucket.capLeftFen[offset];
    }

    private void checked(int slot) {
        if (slot < 0 || slot >= lots.count()) {
            throw new IndexOutOfBoundsException("no active lot in slot " + slot + " of " + lots.count());
        }
    }

    /**
     * Writes the pool's state; its terms and zone are the plan's and are not written. Lots are written in the
     * canonical order: bucket by bucket, ascending, each bucket in its own order, which {@link #read} keeps.
     */
    void write(DataOutput out) throws IOException {
        out.writeLong(valueCentipoints);
        out.writeLong(startDay);
        out.writeLong(lastDividendDay);
        out.writeLong(lastDividendValue);
        out.writeLong(targetDay);
        out.writeInt(period);
        out.writeLong(rangliSinceDividendFen);
        out.writeInt(lots.count());
        for (int index = 0; index < lots.bucketCount(); index++) {
            LotBucket bucket = lots.bucket(index);
            for (int slot = 0; bucket != null && slot < bucket.size; slot++) {
                long centipoints = bucket.centipoints[slot];
                out.writeInt(bucket.holder[slot]);
                out.writeLong(centipoints);
                out.writeInt(payingDividends - bucket.birth[slot]);
                out.writeLong(capTotal(centipoints) - bucket.capLeftFen[slot]);
            }
        }
    }

    /**
     * Reads what {@link #write} wrote into this new, empty pool; lots keep their canonical order. Lots in any
     * other order (a snapshot written before the lots were bucketed) are read into their buckets as they come.
     */
    void read(DataInput in) throws IOException {
        valueCentipoints = in.readLong();
        startDay = in.readLong();
        lastDividendDay = in.readLong();
        lastDividendValue = in.readLong();
        targetDay = in.readLong();
        period = in.readInt();
        rangliSinceDividendFen = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > LOTS_MAX) {
            throw new IOException("a " + kind.label() + " pool cannot hold " + count + " lots");
        }
        for (int lot = 0; lot < count; lot++) {
            int holder = in.readInt();
            long centipoints = in.readLong();
            int periods = in.readInt();
            long vouchers = in.readLong();
            if (holder < 0 || centipoints <= 0) {
                throw new IOException("a " + kind.label() + " lot of holder " + holder + " with " + centipoints + " centipoints");
            }
            lots.add(holder, centipoints, payingDividends - periods, capTotal(centipoints) - vouchers);
        }
        refreshNextDue();
    }
}
