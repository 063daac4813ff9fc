package org.zengzhi.engine.green;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * One dividend pool (SPEC, issue 17 rules 2–4 and 8): its value, the calendar of its dividends,
 * and its active lots. Days are epoch days in the rules' zone. Only active lots are kept, packed at the
 * front of primitive arrays: a retiring lot's slot takes the last lot, so a dividend costs O(active lots)
 * and never reads a retired one.
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
    private static final int INITIAL_CAPACITY = 16;
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
     * The lots, structure of arrays, holding only what a dividend reads (issue 17 deliver 5: a dividend over
     * 10 M lots is bound by the memory it moves). A lot's period count is not stored: every active lot is paid
     * in every paying dividend, so it is the pool's paying dividends since the lot's birth, and a dividend
     * writes no period. What the cap still allows is kept instead of the vouchers received, so the cap test
     * reads one number; the vouchers are the cap total minus that.
     */
    private int[] lotHolder = new int[INITIAL_CAPACITY];
    private long[] lotCentipoints = new long[INITIAL_CAPACITY];
    /** {@link #payingDividends} when the lot started, less the periods it had then (after a snapshot). */
    private int[] lotBirth = new int[INITIAL_CAPACITY];
    /** ⌊points·cap⌋ − the vouchers the lot has received. */
    private long[] lotCapLeftFen = new long[INITIAL_CAPACITY];
    private int lotCount;
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
     * order per holder; a zero earning makes none). Returns the lot's slot, valid until the next dividend
     * retires a lot, or −1 for a zero earning.
     *
     * @throws IllegalStateException if a dividend due at or before {@code at} has not been paid (a bug)
     */
    public int earn(int holder, long centipoints, Instant at) {
        if (holder < 0 || centipoints < 0) {
            throw new IllegalArgumentException("holder and points must not be negative: " + holder + ", " + centipoints);
        }
        if (nextDue.isPresent() && !at.isBefore(nextDue.get())) {
            throw new IllegalStateException(kind.label() + " dividend due at " + nextDue.get()
                    + " must be paid before an earning at " + at);
        }
        if (centipoints == 0) {
            return -1;
        }
        valueCentipoints = Math.addExact(valueCentipoints, centipoints);
        noteTarget(dayOf(at));
        refreshNextDue();
        return addLot(holder, centipoints);
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
     * cap. A scale of 0 pays nothing and is no period for the lots.
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
        int lots = lotCount;
        long vouchers = 0;
        int retired = 0;
        if (scale > 0) {
            vouchers = payLots(scale, postings);
            retired = lots - lotCount;
        }
        period = Math.addExact(period, 1);
        lastDividendDay = dueDay;
        lastDividendValue = valueCentipoints;
        targetDay = NO_DAY;
        rangliSinceDividendFen = 0;
        refreshNextDue();
        return new Dividend(kind, period, at, valueCentipoints, growth, scale, vouchers, lots, retired);
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
        for (int slot = 0; slot < lotCount; slot++) {
            long payment = uncappedPayment(slot, scale);
            raw = Math.addExact(raw, payment);
            capped = Math.addExact(capped, Math.min(payment, capLeft(slot)));
        }
        return capped <= budget ? scale : Exact.mulDivFloor(scale, budget, raw + lotCount);
    }

    private long payLots(long scale, GreenPostings postings) {
        long total = 0;
        int slot = 0;
        int paying = Math.addExact(payingDividends, 1);
        int periodsMax = terms.periodsMax();
        while (slot < lotCount) {
            long capLeft = lotCapLeftFen[slot];
            int periods = paying - lotBirth[slot];
            long payment = Math.min(uncappedPayment(slot, periods, scale), capLeft);
            lotCapLeftFen[slot] = capLeft - payment;
            total = Math.addExact(total, payment);
            if (payment > 0) {
                postings.dividendVouchersPaid(kind, lotHolder[slot], payment);
            }
            if (periods >= periodsMax || payment == capLeft) {
                postings.lotRetired(kind, lotHolder[slot], lotCentipoints[slot], periods, vouchersFen(slot));
                removeLot(slot);
            } else {
                slot++;
            }
        }
        payingDividends = paying;
        return total;
    }

    /** The payment of period {@code period} (1 for the lot's first), before the cap. */
    private long uncappedPayment(int slot, int period, long scale) {
        long factor = terms.rates().ratePpm(period) * scale;
        return floorDivide(lotCentipoints[slot], factor, PPM_SQUARED);
    }

    private long uncappedPayment(int slot, long scale) {
        return uncappedPayment(slot, periodsOf(slot) + 1, scale);
    }

    private long capLeft(int slot) {
        return lotCapLeftFen[slot];
    }

    private long capTotal(long centipoints) {
        return floorDivide(centipoints, terms.capPpm(), Limits.PPM);
    }

    private int periodsOf(int slot) {
        return payingDividends - lotBirth[slot];
    }

    private long vouchersFen(int slot) {
        return capTotal(lotCentipoints[slot]) - lotCapLeftFen[slot];
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

    private int addLot(int holder, long centipoints) {
        if (lotCount == LOTS_MAX) {
            throw new IllegalStateException(kind.label() + " pool holds " + LOTS_MAX + " lots, its bound");
        }
        if (lotCount == lotHolder.length) {
            grow(Math.min(LOTS_MAX, lotCount * 2));
        }
        int slot = lotCount++;
        lotHolder[slot] = holder;
        lotCentipoints[slot] = centipoints;
        lotBirth[slot] = payingDividends;
        lotCapLeftFen[slot] = capTotal(centipoints);
        return slot;
    }

    private void removeLot(int slot) {
        int last = --lotCount;
        lotHolder[slot] = lotHolder[last];
        lotCentipoints[slot] = lotCentipoints[last];
        lotBirth[slot] = lotBirth[last];
        lotCapLeftFen[slot] = lotCapLeftFen[last];
    }

    private void grow(int capacity) {
        lotHolder = Arrays.copyOf(lotHolder, capacity);
        lotCentipoints = Arrays.copyOf(lotCentipoints, capacity);
        lotBirth = Arrays.copyOf(lotBirth, capacity);
        lotCapLeftFen = Arrays.copyOf(lotCapLeftFen, capacity);
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

    public int lotCount() {
        return lotCount;
    }

    public int lotHolder(int slot) {
        return lotHolder[checked(slot)];
    }

    public long lotCentipoints(int slot) {
        return lotCentipoints[checked(slot)];
    }

    public int lotPeriods(int slot) {
        return periodsOf(checked(slot));
    }

    public long lotVouchersFen(int slot) {
        return vouchersFen(checked(slot));
    }

    private int checked(int slot) {
        if (slot < 0 || slot >= lotCount) {
            throw new IndexOutOfBoundsException("no active lot in slot " + slot + " of " + lotCount);
        }
        return slot;
    }

    /** Writes the pool's state; its terms and zone are the plan's and are not written. */
    void write(DataOutput out) throws IOException {
        out.writeLong(valueCentipoints);
        out.writeLong(startDay);
        out.writeLong(lastDividendDay);
        out.writeLong(lastDividendValue);
        out.writeLong(targetDay);
        out.writeInt(period);
        out.writeLong(rangliSinceDividendFen);
        out.writeInt(lotCount);
        for (int slot = 0; slot < lotCount; slot++) {
            out.writeInt(lotHolder[slot]);
            out.writeLong(lotCentipoints[slot]);
            out.writeInt(periodsOf(slot));
            out.writeLong(vouchersFen(slot));
        }
    }

    /** Reads what {@link #write} wrote into this new, empty pool; lots keep their slots. */
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
        grow(Math.max(INITIAL_CAPACITY, count));
        for (int slot = 0; slot < count; slot++) {
            addLot(in.readInt(), in.readLong());
            lotBirth[slot] = payingDividends - in.readInt();
            lotCapLeftFen[slot] = capTotal(lotCentipoints[slot]) - in.readLong();
        }
        refreshNextDue();
    }
}
