package org.zengzhi.cli.greenref;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One dividend pool of issue 17, rules 2–4 and 8, read from the words alone: a value that only grows, a
 * start at {@code startValue}, periods by 15% growth with the earliest pay day and the late day 31, and lots
 * paid ⌊points·rate(i)·scale⌋ up to their cap. Slow and plain on purpose: lots in a list, BigInteger arithmetic.
 */
final class RefPool {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    /** A lot: one earning of one holder (rule 1). */
    static final class Lot {
        final String holder;
        final long points;
        int periods;
        long received;

        Lot(String holder, long points) {
            this.holder = holder;
            this.points = points;
        }
    }

    /** What a dividend did: the event's fields and each lot's payment and retirement. */
    record Paid(int period, Instant at, long value, Long growthPpm, long scalePpm, long vouchers, int lots,
            int retired, List<Lot> paidLots, List<Long> payments, List<Lot> retiredLots) {
    }

    final String label;
    private final RefTerms.Pool terms;
    private final ZoneId zone;
    private final long dividendCapPpm;
    long value;
    private boolean started;
    private int dividends;
    private LocalDate lastPayDay;
    private long lastValue;
    /** Day (1…lateDays) after the last pay day at whose end the growth target was first met, or 0. */
    private int reachedDay;
    private Instant nextDue;
    /** 让利 settled since the last dividend (rule 8). */
    private long rangliSince;
    final List<Lot> lots = new ArrayList<>();

    RefPool(String label, RefTerms.Pool terms, ZoneId zone, long dividendCapPpm) {
        this.label = label;
        this.terms = terms;
        this.zone = zone;
        this.dividendCapPpm = dividendCapPpm;
    }

    /** The instant the next dividend is due, or null before the pool starts. */
    Instant nextDue() {
        return nextDue;
    }

    void countRangli(long fen) {
        rangliSince += fen;
    }

    /** Rules 1–3: points earned at {@code at} (the order's due time); a lot when non-zero. */
    void earn(String holder, long points, Instant at) {
        if (points <= 0) {
            return;
        }
        lots.add(new Lot(holder, points));
        value += points;
        LocalDate day = at.atZone(zone).toLocalDate();
        if (!started) {
            if (value >= terms.startCentipoints()) {
                started = true;
                nextDue = startOf(day.plusDays(1));
            }
            return;
        }
        if (lastPayDay == null || reachedDay != 0) {
            return;
        }
        BigInteger target = BigInteger.valueOf(lastValue).multiply(BigInteger.valueOf(1_000_000 + terms.growthPpm()));
        if (BigInteger.valueOf(value).multiply(MILLION).compareTo(target) >= 0) {
            // "the first day after that dividend's day at whose end": reached on the pay day itself is day 1.
            int d = (int) Math.max(1, day.toEpochDay() - lastPayDay.toEpochDay());
            if (d <= terms.lateDays()) {
                reachedDay = d;
                nextDue = startOf(lastPayDay.plusDays(Math.max(terms.earliestPayDay(), d + 1)));
            }
        }
    }

    /** Rule 4: pays the dividend due now. */
    Paid pay() {
        Instant at = nextDue;
        boolean first = dividends == 0;
        Long growth = first ? null : BigInteger.valueOf(value).multiply(MILLION)
                .divide(BigInteger.valueOf(lastValue)).longValueExact() - 1_000_000;
        long scale = 1_000_000;
        if (!first && reachedDay == 0) {
            BigInteger num = BigInteger.valueOf(value - lastValue).multiply(MILLION).multiply(MILLION);
            BigInteger den = BigInteger.valueOf(lastValue).multiply(BigInteger.valueOf(terms.growthPpm()));
            scale = Math.min(1_000_000, num.divide(den).longValueExact());
        }
        scale = capped(scale);
        List<Lot> paidLots = new ArrayList<>(lots);
        List<Long> payments = new ArrayList<>();
        List<Lot> retiredLots = new ArrayList<>();
        long total = 0;
        if (scale > 0) {
            for (Lot lot : paidLots) {
                long payment = Math.min(raw(lot, scale), capLeft(lot));
                lot.received += payment;
                lot.periods++;
                payments.add(payment);
                total += payment;
                if (lot.periods >= terms.periodsMax() || lot.received >= capOf(lot)) {
                    retiredLots.add(lot);
                }
            }
            lots.removeAll(retiredLots);
        }
        dividends++;
        lastPayDay = at.atZone(zone).toLocalDate();
        lastValue = value;
        reachedDay = 0;
        rangliSince = 0;
        nextDue = startOf(lastPayDay.plusDays(terms.lateDays() + 1));
        return new Paid(dividends, at, value, growth, scale, total, paidLots.size(), retiredLots.size(), paidLots,
                payments, retiredLots);
    }

    /**
     * Rule 8: with a cap, a period pays at most ⌊让利 since the last dividend × cap⌋; above it the scale drops pro
     * rata. The issue leaves the rounding open; this is docs/green-points.md's formula (see "Readings").
     */
    private long capped(long scale) {
        if (dividendCapPpm == RefTerms.NO_CAP || scale == 0) {
            return scale;
        }
        long budget = BigInteger.valueOf(rangliSince).multiply(BigInteger.valueOf(dividendCapPpm)).divide(MILLION)
                .longValueExact();
        long raw = 0;
        long cappedTotal = 0;
        for (Lot lot : lots) {
            long r = raw(lot, scale);
            raw += r;
            cappedTotal += Math.min(r, capLeft(lot));
        }
        if (cappedTotal <= budget) {
            return scale;
        }
        return BigInteger.valueOf(scale).multiply(BigInteger.valueOf(budget))
                .divide(BigInteger.valueOf(raw + lots.size())).longValueExact();
    }

    private long raw(Lot lot, long scale) {
        return BigInteger.valueOf(lot.points).multiply(BigInteger.valueOf(terms.rate(lot.periods + 1)))
                .multiply(BigInteger.valueOf(scale)).divide(MILLION.multiply(MILLION)).longValueExact();
    }

    private long capOf(Lot lot) {
        return BigInteger.valueOf(lot.points).multiply(BigInteger.valueOf(terms.capPpm())).divide(MILLION)
                .longValueExact();
    }

    private long capLeft(Lot lot) {
        return capOf(lot) - lot.received;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
