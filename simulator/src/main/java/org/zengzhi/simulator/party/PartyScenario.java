package org.zengzhi.simulator.party;

import java.nio.file.Path;
import java.time.YearMonth;

import org.zengzhi.engine.plan.Plan;

/**
 * A four-party scenario (四方共赢, issue 18 deliver 4–5): one city's suppliers, promoters and consumers over
 * some months, written as a command log and run through the real engine. Money in fen, shares in ppm.
 *
 * @param start        month of the first orders; the first P&L month is the next one (orders settle after 37 days)
 * @param months       months of P&L (each month's orders settle and are closed in the next month)
 */
public record PartyScenario(String name, Path planFile, Plan plan, long seed, YearMonth start, int months,
        Suppliers suppliers, Promoters promoters, Consumers consumers, Risk risk, long operatingCostFen) {

    /** {@code count} suppliers, one product each at {@code priceFen} with a declared cost; a data service a month. */
    public record Suppliers(int count, long priceFen, long costFen, long baselineFen, long depositFen,
            long dataServiceFen) {
    }

    /** {@code count} promoters; the first {@code leaders} lead teams of the rest; a share scores below 600. */
    public record Promoters(int count, int leaders, int creditScore, int lowScore, int lowScorePpm) {
    }

    /** {@code count} consumers, each ordering {@code ordersPerMonth} times; shares that refund and redeem. */
    public record Consumers(int count, int ordersPerMonth, int refundPpm, int redeemPpm) {
    }

    /** A share of consumers order from shared devices/IPs ({@code farmSize} to a device); a share of flags approved. */
    public record Risk(int farmPpm, int farmSize, int approvePpm) {
    }

    /** The same scenario under another plan (a sweep's cell). */
    public PartyScenario withPlan(Plan other) {
        return new PartyScenario(name, planFile, other, seed, start, months, suppliers, promoters, consumers, risk,
                operatingCostFen);
    }

    public PartyScenario withSeed(long other) {
        return new PartyScenario(name, planFile, plan, other, start, months, suppliers, promoters, consumers, risk,
                operatingCostFen);
    }
}
