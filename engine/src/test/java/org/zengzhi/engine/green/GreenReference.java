package org.zengzhi.engine.green;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A slow, independent reading of issue 17's rules 1–5 and 8 to compare the model with: it keeps every lot
 * ever earned with a retired flag, every earning with its time, and decides each dividend's day by looking
 * at the earnings day by day; products in {@link BigInteger}. Same postings port, same records: a dividend
 * pays lot by lot and posts each holder's sum over its lots, holders in ascending order.
 */
final class GreenReference {
    private static final BigInteger PPM = BigInteger.valueOf(1_000_000);

    private final GreenRules rules;
    private final Pool[] pools;

    GreenReference(GreenRules rules) {
        this.rules = rules;
        this.pools = new Pool[] {new Pool(GreenPool.CONSUMER), new Pool(GreenPool.MERCHANT)};
    }

    private static long floor(long a, long b, BigInteger divisor) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(divisor).longValueExact();
    }

    GreenEarned settle(StoreSettlement order, GreenPostings postings) {
        long rangli = floor(order.amountFen(), order.rangliPpm(), PPM);
        long points = floor(order.amountFen() - order.voucherFen(), order.rangliPpm(), PPM);
        long coins = floor(points, rules.coinSharePpm(), PPM);
        long bound = order.boundMerchant() < 0 ? 0 : floor(points, rules.boundMerchantSharePpm(), PPM);
        for (Pool pool : pools) {
            pool.rangli += rangli;
        }
        pools[0].earn(order.user(), points, order.dueAt(), postings);
        pools[1].earn(order.merchant(), rangli, order.dueAt(), postings);
        if (coins > 0) {
            postings.coinsEarned(order.user(), coins);
        }
        if (bound > 0) {
            postings.boundVouchersPaid(order.boundMerchant(), bound);
        }
        return new GreenEarned(order.order(), order.user(), order.merchant(), points, coins, rangli,
                order.boundMerchant(), bound);
    }

    /** The earliest due dividend, consumer first on a tie, or null. */
    GreenPool dueFirst() {
        Instant consumer = pools[0].due();
        Instant merchant = pools[1].due();
        if (consumer == null && merchant == null) {
            return null;
        }
        return merchant == null || (consumer != null && !merchant.isBefore(consumer)) ? GreenPool.CONSUMER
                : GreenPool.MERCHANT;
    }

    Instant due(GreenPool pool) {
        return pools[pool.ordinal()].due();
    }

    Dividend pay(GreenPool pool, GreenPostings postings) {
        return pools[pool.ordinal()].pay(postings);
    }

    private final class Pool {
        final GreenPool kind;
        final PoolTerms terms;
        final ZoneId zone = rules.timeZone();
        final List<long[]> lots = new ArrayList<>();   // holder, points, periods, vouchers, retired
        final List<Instant> earnedAt = new ArrayList<>();
        final List<Long> earned = new ArrayList<>();
        long lastDay = Long.MIN_VALUE;
        long lastValue;
        int period;
        long rangli;

        Pool(GreenPool kind) {
            this.kind = kind;
            this.terms = rules.terms(kind);
        }

        void earn(int holder, long points, Instant at, GreenPostings postings) {
            if (points == 0) {
                return;
            }
            lots.add(new long[] {holder, points, 0, 0, 0});
            earnedAt.add(at);
            earned.add(points);
            postings.pointsEarned(kind, holder, points);
        }

        long day(Instant at) {
            return LocalDate.ofInstant(at, zone).toEpochDay();
        }

        /** The value at the end of epoch day {@code day}. */
        long valueAtEndOf(long day) {
            long value = 0;
            for (int i = 0; i < earned.size(); i++) {
                value += day(earnedAt.get(i)) <= day ? earned.get(i) : 0;
            }
            return value;
        }

        long value() {
            return earned.stream().mapToLong(Long::longValue).sum();
        }

        boolean reached(long value) {
            return BigInteger.valueOf(value).multiply(PPM).compareTo(BigInteger.valueOf(lastValue)
                    .multiply(PPM.add(BigInteger.valueOf(terms.growthPpm())))) >= 0;
        }

        Long dueDay() {
            if (lastDay == Long.MIN_VALUE) {
                long value = 0;
                for (int i = 0; i < earned.size(); i++) {
                    value += earned.get(i);
                    if (value >= terms.startValueCentipoints()) {
                        return day(earnedAt.get(i)) + 1;
                    }
                }
                return null;
            }
            for (int d = 1; d <= terms.lateDays(); d++) {
                if (reached(valueAtEndOf(lastDay + d))) {
                    return lastDay + Math.max(terms.earliestPayDay(), d + 1);
                }
            }
            return lastDay + terms.lateDays() + 1;
        }

        Instant due() {
            Long day = dueDay();
            return day == null ? null : LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
        }

        long scale() {
            if (lastDay == Long.MIN_VALUE || reached(value())) {
                return 1_000_000;
            }
            BigInteger grown = BigInteger.valueOf(value() - lastValue).multiply(PPM).multiply(PPM);
            BigInteger target = BigInteger.valueOf(lastValue).multiply(BigInteger.valueOf(terms.growthPpm()));
            return Math.min(1_000_000, grown.divide(target).longValueExact());
        }

        long payment(long[] lot, long scale) {
            long rate = terms.rates().ratePpm((int) lot[2] + 1);
            long uncapped = BigInteger.valueOf(lot[1]).multiply(BigInteger.valueOf(rate))
                    .multiply(BigInteger.valueOf(scale)).divide(PPM.multiply(PPM)).longValueExact();
            return uncapped;
        }

        long capLeft(long[] lot) {
            return floor(lot[1], terms.capPpm(), PPM) - lot[3];
        }

        long limitedScale(long scale) {
            OptionalLong cap = rules.dividendCapPpm();
            if (cap.isEmpty() || scale == 0) {
                return scale;
            }
            long budget = floor(rangli, cap.getAsLong(), PPM);
            long raw = 0;
            long capped = 0;
            long active = 0;
            for (long[] lot : lots) {
                if (lot[4] == 0) {
                    raw += payment(lot, scale);
                    capped += Math.min(payment(lot, scale), capLeft(lot));
                    active++;
                }
            }
            return capped <= budget ? scale : floor(scale, budget, BigInteger.valueOf(raw + active));
        }

        Dividend pay(GreenPostings postings) {
            Instant at = due();
            long value = value();
            OptionalLong growth = lastDay == Long.MIN_VALUE ? OptionalLong.empty()
                    : OptionalLong.of(floor(value, 1_000_000, BigInteger.valueOf(lastValue)) - 1_000_000);
            long scale = limitedScale(scale());
            int active = 0;
            int retired = 0;
            long total = 0;
            Map<Integer, Long> paidByHolder = new TreeMap<>();
            for (long[] lot : lots) {
                if (lot[4] != 0) {
                    continue;
                }
                active++;
                if (scale == 0) {
                    continue;
                }
                long paid = Math.min(payment(lot, scale), capLeft(lot));
                lot[2]++;
                lot[3] += paid;
                total += paid;
                if (paid > 0) {
                    paidByHolder.merge((int) lot[0], paid, Long::sum);
                }
                if (lot[2] >= terms.periodsMax() || capLeft(lot) == 0) {
                    lot[4] = 1;
                    retired++;
                    postings.lotRetired(kind, (int) lot[0], lot[1], (int) lot[2], lot[3]);
                }
            }
            // One posting per holder, the sum over its lots, in ascending holder order.
            paidByHolder.forEach((holder, fen) -> postings.dividendVouchersPaid(kind, holder, fen));
            period++;
            lastDay = day(at);
            lastValue = value;
            rangli = 0;
            return new Dividend(kind, period, at, value, growth, scale, total, active, retired);
        }
    }
}
