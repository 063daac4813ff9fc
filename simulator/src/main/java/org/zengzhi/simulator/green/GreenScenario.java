package org.zengzhi.simulator.green;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.zengzhi.engine.plan.Plan;

/**
 * A green-points scenario (issue 17 deliver 4, docs/simulator.md "Green points"): a population of consumers and
 * stores paying in stores, partly with vouchers, spending gold coins in the coin mall, promoters and month closes,
 * run through the real engine once per variant (the scenario's own plan first, then each {@code compare} entry).
 *
 * @param name           the scenario's name
 * @param seed           the random seed: the same seed gives the same report data
 * @param horizonMonths  calendar months simulated from {@code start}
 * @param start          the first day (in the plan's time zone)
 * @param consumers      consumers at the start
 * @param newPerMonth    consumers joining each month
 * @param stopAfterMonths months after which nobody joins (0: never stops)
 * @param stores         stores, onboarded at the start
 * @param rangliMinPpm   the lowest 让利 rate drawn for a store
 * @param rangliMaxPpm   the highest 让利 rate drawn for a store
 * @param paymentsPerConsumerPerMonth payments per consumer and month, in thousandths
 * @param amountMinFen   the smallest store payment
 * @param amountMaxFen   the largest store payment
 * @param voucherUsePpm  the chance that a payment uses the payer's vouchers (as much as the amount allows)
 * @param coinSpendPpm   the chance that a consumer spends all their gold coins in the coin mall each month
 * @param promoters      promoters appointed at the start, each recruiting stores in turn; months are closed
 * @param variants       the plans run: the first is the scenario's own
 */
public record GreenScenario(String name, long seed, int horizonMonths, LocalDate start, int consumers,
        int newPerMonth, int stopAfterMonths, int stores, long rangliMinPpm, long rangliMaxPpm,
        long paymentsPerConsumerPerMonth, long amountMinFen, long amountMaxFen, long voucherUsePpm, long coinSpendPpm,
        int promoters, List<Variant> variants) {

    /** One plan run side by side: its label, its plan file and the plan read from it (with any override). */
    public record Variant(String label, Path planFile, Plan plan) {
    }

    public GreenScenario withSeed(long newSeed) {
        return new GreenScenario(name, newSeed, horizonMonths, start, consumers, newPerMonth, stopAfterMonths, stores,
                rangliMinPpm, rangliMaxPpm, paymentsPerConsumerPerMonth, amountMinFen, amountMaxFen, voucherUsePpm,
                coinSpendPpm, promoters, variants);
    }
}
