package org.zengzhi.cli.simulate;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.ComplianceReport;
import org.zengzhi.engine.Finding;
import org.zengzhi.engine.Plan;
import org.zengzhi.engine.Units;

/**
 * The plain-language summary at the top of the report: who is paid from whose money, what the
 * forced exits paid and to how many, the growth each cohort needs to reach its exit, and the plan's
 * compliance warnings. Figures are the median over paths unless a range is given.
 */
record Summary(List<String> paragraphs, List<Finding> findings) {

    static Summary of(SimulationResult result, List<CohortRow> cohorts) {
        Scenario scenario = result.scenario();
        Plan plan = scenario.plan();
        List<String> text = new ArrayList<>();
        int last = result.months() - 1;
        text.add("Scenario \"" + scenario.name() + "\" on plan \"" + plan.name() + "\": " + result.paths().size()
                + " paths of " + result.months() + " months (seed " + scenario.seed() + "), run through the Zengzhi engine"
                + " itself. Figures are the median path unless a range (p10–p90 over paths) is given. This is a"
                + " simulation of assumed behaviour, not a forecast and not a promise (R-9.4).");
        text.add(whoPaysWhom(result));
        text.add(exits(result));
        String unminted = unminted(result);
        if (!unminted.isEmpty()) {
            text.add(unminted);
        }
        text.add(growthNeeded(result, cohorts));
        text.add("Price (积分价格): from " + Units.format(result.percentile(Series.PRICE, 0, 50), 4) + " at the end of month 0 to "
                + Units.format(result.percentile(Series.PRICE, last, 50), 4) + " at the end (p10–p90 "
                + Units.format(result.percentile(Series.PRICE, last, 10), 4) + "–"
                + Units.format(result.percentile(Series.PRICE, last, 90), 4) + "). The price only rises while new"
                + " orders, sales (the " + percent(1_000_000 - plan.pool().payoutRatioPpm()) + " retained, 回流) or"
                + " subsidies add to the pool faster than points are minted; when consumption stops it stops.");
        List<Finding> findings = ComplianceReport.of(plan).findings();
        return new Summary(text, findings);
    }

    private static String whoPaysWhom(SimulationResult result) {
        long paidIn = result.medianClass(ParticipantClass.CONSUMERS, true);
        long subsidy = result.medianClass(ParticipantClass.OPERATOR, true);
        long poolPaid = medianTotal(result, Series.SALE_PAYOUT, Series.EXIT_PAYOUT);
        // The merchants' mall rebates are in the merchants' figure; counting them among the rewards too would
        // count them twice.
        long rewards = medianTotal(result, Series.REWARD_DIRECT, Series.REWARD_INDIRECT, Series.REWARD_FIRST_ORDER,
                Series.REWARD_RECRUITMENT, Series.REWARD_AGENT);
        long rebates = medianTotal(result, Series.REWARD_MALL_REBATE);
        long pointsLeft = result.percentile(Series.CIRCULATING_POINTS, result.months() - 1, 50);
        return "Who is paid from whose money (谁的钱付给谁): consumers (消费者) paid " + Units.formatFen(paidIn)
                + " for their orders" + (subsidy > 0 ? " and the operator injected " + Units.formatFen(subsidy)
                + " of its own funds (融资补贴)" : "") + ". Merchants and suppliers were paid for the goods ("
                + Units.formatFen(result.medianClass(ParticipantClass.MERCHANTS, false)
                        + result.medianClass(ParticipantClass.SUPPLIERS, false))
                + (rebates > 0 ? ", which includes " + Units.formatFen(rebates) + " of mall rebates (商家返点) that merchants"
                        + " earned from mall orders' distribution budget" : "")
                + "), the platform (平台) kept " + Units.formatFen(result.medianClass(ParticipantClass.PLATFORM, false))
                + ", and referral, recruitment and agent rewards (分销/招商/区代) of " + Units.formatFen(rewards)
                + " came out of each order's distribution budget. Sellers and exiting participants were paid "
                + Units.formatFen(poolPaid) + " from the pool (盈利池); the pool is filled only by the pool share of"
                + " consumers' own orders and by subsidies, so every yuan paid out for points is a yuan some consumer"
                + " (usually a later one) put in. At the end the pool still holds "
                + Units.formatFen(result.medianClass(ParticipantClass.POOL, false))
                + (pointsLeft > 0 ? " behind the points of holders who have not exited."
                        : " while no point is in circulation (median path): nobody holds a claim on it until an order"
                                + " mints points again.");
    }

    private static String exits(SimulationResult result) {
        long users = 0;
        long exited = 0;
        long spend = 0;
        long paidBack = 0;
        for (int month = 0; month < result.months(); month++) {
            users += result.cohortTotal(month, PathResult.COHORT_USERS);
            exited += result.cohortTotal(month, PathResult.COHORT_EXITED);
            spend += result.cohortTotal(month, PathResult.COHORT_SPEND);
            paidBack += result.cohortTotal(month, PathResult.COHORT_PAID_BACK);
        }
        String share = users == 0 ? "0" : Units.format((exited * 1000 + users / 2) / users, 1);
        String back = spend == 0 ? "0.00" : Units.formatFen(paidBack * 10_000 / spend);
        return "Forced exits (强制出局): over all paths " + exited + " of " + users + " consumers (" + share
                + "%) reached their exit at least once. Consumers as a whole were paid back " + back
                + " from the pool for every 100.00 they spent (points sold and exits; referral rewards not counted)."
                + " The cohort table shows who: early cohorts exit, later ones wait for growth that may not come.";
    }

    /** Orders that paid into the pool and got no point for it, over all paths; empty when there were none. */
    private static String unminted(SimulationResult result) {
        long orders = 0;
        long contributions = 0;
        for (PathResult path : result.paths()) {
            orders += path.unminted()[0];
            contributions += path.unminted()[1];
        }
        if (orders == 0) {
            return "";
        }
        return "Orders that got no points (未获积分): over all paths " + orders + " settled orders put "
                + Units.formatFen(contributions) + " into the pool and minted no point, because at the price of the time"
                + " their pool share bought less than 0.000001 point (minting rounds down, R-1.4). Those consumers paid"
                + " into the pool and hold no claim on it; their spend still counts towards an exit they can only reach"
                + " through points they already hold.";
    }

    private static String growthNeeded(SimulationResult result, List<CohortRow> cohorts) {
        Scenario scenario = result.scenario();
        long share = ExitNeed.poolSharePpm(scenario);
        String multiplier = ExitNeed.multiplier(scenario.plan().pool(), share);
        CohortRow lastCohort = cohorts.get(cohorts.size() - 1);
        String lastMonth = "Counting new orders alone, a consumer who joined in the last month (at "
                + Units.format(lastCohort.joinPrice(), 4) + ")";
        String need = lastCohort.consumptionNeededFen() < 0
                ? lastMonth + " has no estimate: the pool's price cannot be brought to " + Units.format(lastCohort.exitPrice(), 4)
                        + " by new orders from where it stands (see the cohort table, \"never\")"
                : lastMonth + " needs about " + Units.formatFen(lastCohort.consumptionNeededFen())
                        + " of new consumption after them for the price to reach " + Units.format(lastCohort.exitPrice(), 4)
                        + ", against " + Units.formatFen(result.percentile(Series.GMV, result.months() - 1, 50))
                        + " of orders in that month";
        return "The growth each cohort needs (出局所需增长): " + (ExitNeed.mixedShares(scenario) ? "on average over the"
                + " scenario's mall and store orders, " : "") + percent(share) + " of an order enters the pool and "
                + percent(scenario.plan().pool().mintRatioPpm()) + " of that is minted as points at the current price,"
                + " so a buyer's exit at k = " + k(scenario.plan()) + " needs the price to reach " + multiplier
                + " times the price they bought at. " + need + ". The cohort table gives the figure for every cohort.";
    }

    private static long medianTotal(SimulationResult result, Series... series) {
        long[] totals = new long[result.paths().size()];
        for (int i = 0; i < totals.length; i++) {
            for (Series one : series) {
                for (long value : result.paths().get(i).series(one)) {
                    totals[i] += value;
                }
            }
        }
        return Simulation.percentile(totals, 50);
    }

    static String percent(long ppm) {
        return new java.math.BigDecimal(ppm).movePointLeft(4).stripTrailingZeros().toPlainString() + "%";
    }

    private static String k(Plan plan) {
        return new java.math.BigDecimal(plan.pool().exitMultipleNumerator())
                .divide(new java.math.BigDecimal(plan.pool().exitMultipleDenominator()), 6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    String plainText() {
        StringBuilder out = new StringBuilder();
        paragraphs.forEach(paragraph -> out.append(paragraph).append("\n\n"));
        out.append("Compliance warnings of the plan (合规提示, R-4.6, R-9.3): ").append(findings.size()).append('\n');
        findings.forEach(finding -> out.append("  ").append(finding).append('\n'));
        return out.toString();
    }
}
