package org.zengzhi.cli.greenref;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The terms the reference runs under, in its own units (fen, centipoints, ppm), and the plan file that gives the
 * engine the same terms: the preset plans/green-points.yaml with its {@code greenPoints} section replaced.
 * Issue 17's section syntax: rates in percent, start values in points.
 */
record RefTerms(String name, ZoneId zone, long coinSharePpm, long boundSharePpm, long dividendCapPpm,
        Pool consumer, Pool merchant) {
    static final long NO_CAP = -1;

    /** One pool's terms; {@code ratesPpm} has one rate (constant) or one per period. */
    record Pool(long startPoints, long growthPpm, int earliestPayDay, int lateDays, long[] ratesPpm, long capPpm,
            int periodsMax) {
        long rate(int period) {
            return ratesPpm.length == 1 ? ratesPpm[0] : ratesPpm[period - 1];
        }

        long startCentipoints() {
            return startPoints * 100;
        }

        Pool withStart(long points) {
            return new Pool(points, growthPpm, earliestPayDay, lateDays, ratesPpm, capPpm, periodsMax);
        }

        Pool withRates(long[] rates, int max) {
            return new Pool(startPoints, growthPpm, earliestPayDay, lateDays, rates, capPpm, max);
        }

        Pool withCap(long cap) {
            return new Pool(startPoints, growthPpm, earliestPayDay, lateDays, ratesPpm, cap, periodsMax);
        }

        String yaml() {
            String rates = ratesPpm.length == 1 ? "rate: " + percent(ratesPpm[0])
                    : "rates: [" + Arrays.stream(ratesPpm).mapToObj(RefTerms::percent).collect(Collectors.joining(", "))
                            + "]";
            return "{startValue: " + startPoints + ", growth: " + percent(growthPpm) + ", earliestPayDay: "
                    + earliestPayDay + ", lateDays: " + lateDays + ", " + rates + ", cap: " + plain(capPpm)
                    + ", periodsMax: " + periodsMax + "}";
        }
    }

    /** Issue 17's defaults: seed 003 as written, constant 0.5%. */
    static RefTerms seed() {
        return new RefTerms("seed", ZoneId.of("Asia/Shanghai"), 100_000, 50_000, NO_CAP,
                new Pool(1_000_000, 150_000, 11, 30, new long[] {5_000}, 5_000_000, 40),
                new Pool(10_000_000, 150_000, 10, 30, new long[] {5_000}, 5_000_000, 40));
    }

    /** The seed's terms with both start values scaled down, so random logs see many dividends. */
    static RefTerms scaled() {
        RefTerms seed = seed();
        return new RefTerms("scaled", seed.zone, seed.coinSharePpm, seed.boundSharePpm, NO_CAP,
                seed.consumer.withStart(20_000), seed.merchant.withStart(60_000));
    }

    RefTerms named(String newName) {
        return new RefTerms(newName, zone, coinSharePpm, boundSharePpm, dividendCapPpm, consumer, merchant);
    }

    RefTerms withZone(String zoneId) {
        return new RefTerms(name, ZoneId.of(zoneId), coinSharePpm, boundSharePpm, dividendCapPpm, consumer, merchant);
    }

    RefTerms withDividendCap(long ppm) {
        return new RefTerms(name, zone, coinSharePpm, boundSharePpm, ppm, consumer, merchant);
    }

    RefTerms withPools(Pool newConsumer, Pool newMerchant) {
        return new RefTerms(name, zone, coinSharePpm, boundSharePpm, dividendCapPpm, newConsumer, newMerchant);
    }

    /** Issue 17 rule 4's escalating schedule as data: 40 rates from 0.5% summing to 500%, read from the preset. */
    static long[] presetEscalatingRates() {
        String text = read(Path.of("../plans/green-points-escalating.yaml"));
        int start = text.indexOf('[', text.indexOf("rates:"));
        int end = text.indexOf(']', start);
        return Arrays.stream(text.substring(start + 1, end).split(","))
                .mapToLong(rate -> ppm(rate.strip().replace("%", ""))).toArray();
    }

    static long[] constant(long ppm) {
        return LongStream.of(ppm).toArray();
    }

    /** The plan file for the engine: the preset's economy with this section. */
    String planYaml() {
        String preset = read(Path.of("../plans/green-points.yaml"));
        String head = preset.substring(0, preset.indexOf("\ngreenPoints:") + 1);
        return head + "greenPoints:\n"
                + "  timeZone: " + zone.getId() + "\n"
                + "  coinShare: " + percent(coinSharePpm) + "\n"
                + "  boundMerchantShare: " + percent(boundSharePpm) + "\n"
                + "  dividendCap: " + (dividendCapPpm == NO_CAP ? "none" : percent(dividendCapPpm)) + "\n"
                + "  consumerPool: " + consumer.yaml() + "\n"
                + "  merchantPool: " + merchant.yaml() + "\n";
    }

    Path writePlan(Path dir) {
        try {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, planYaml());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "0.5"} (percent, up to 4 decimals) as ppm. */
    private static long ppm(String percentText) {
        return new java.math.BigDecimal(percentText).movePointRight(4).longValueExact();
    }

    static String percent(long ppm) {
        return java.math.BigDecimal.valueOf(ppm).movePointLeft(4).toPlainString() + "%";
    }

    private static String plain(long ppm) {
        return java.math.BigDecimal.valueOf(ppm).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
