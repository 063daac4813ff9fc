package org.zengzhi.simulator;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.plan.Finding;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.Units;

/**
 * The plain-language summary at the top of the report: who is paid from whose money, what the
 * forced exits paid and to how many, the growth each cohort needs to reach its exit, and the warnings of
 * the plan and the scenario. Who pays whom is the median path's ({@link SimulationResult#medianPath}); other figures
 * are medians over paths unless a range or a total over paths is given.
 */
public record Summary(List<String> paragraphs, List<Finding> findings) {

    static Summary of(SimulationResult result, List<CohortRow> cohorts) {
        Scenario scenario = result.scenario();
        Plan plan = scenario.plan();
        List<String> text = new ArrayList<>();
        int last = result.months() - 1;
        int paths = result.paths().size();
        text.add("Scenario \"" + scenario.name() + "\" on plan \"" + plan.name() + "\": " + paths
                + (paths == 1 ? " path of " : " paths of ") + result.months()
                + (result.months() == 1 ? " month (seed " : " months (seed ") + scenario.seed()
                + "), run through the Zengzhi engine itself. Who is paid from whose money is one whole path, the median"
                + " path by final price, so its figures add up; other figures are medians over paths unless a range"
                + " (p10–p90 over paths) or a total over all paths is given. This is a simulation of assumed behaviour,"
                + " not a forecast and not a promise (R-9.4).");
        text.add(whoPaysWhom(result));
        text.add(exits(result));
        String unminted = unminted(result);
        if (!unminted.isEmpty()) {
            text.add(unminted);
        }
        for (String windfall : List.of(subsidiesWithoutHolders(result), cashWithoutHolders(result))) {
            if (!windfall.isEmpty()) {
                text.add(windfall);
            }
        }
        text.add(growthNeeded(result, cohorts));
        text.add("Price (积分价格): from " + Units.format(result.percentile(Series.PRICE, 0, 50), 4) + " at the end of month 0 to "
                + Units.format(result.percentile(Series.PRICE, last, 50), 4) + " at the end (p10–p90 "
                + Units.format(result.percentile(Series.PRICE, last, 10), 4) + "–"
                + Units.format(result.percentile(Series.PRICE, last, 90), 4) + "). The price only rises while pool"
                + " cash grows faster than points: new orders' pool shares (of which only the mint ratio is minted),"
                + " sales (the points are burned while " + percent(1_000_000 - plan.pool().payoutRatioPpm())
                + " of their value stays in the pool, 回流) and subsidies; when consumption stops it stops.");
        String cut = rewardsCut(result);
        if (!cut.isEmpty()) {
            text.add(2, cut); // after who is paid from whose money
        }
        return new Summary(text, warnings(scenario));
    }

    /** One path's figures, the median path's ({@link SimulationResult#medianPath}), so that they add up exactly. */
    private static String whoPaysWhom(SimulationResult result) {
        PathResult path = result.medianPath();
        long paidIn = path.putIn()[ParticipantClass.CONSUMERS.ordinal()];
        long subsidy = path.putIn()[ParticipantClass.OPERATOR.ordinal()];
        long poolPaid = total(path, Series.SALE_PAYOUT, Series.EXIT_PAYOUT);
        // The merchants' mall rebates are in the merchants' figure; counting them among the rewards too would
        // count them twice.
        long rewards = total(path, Series.REWARD_DIRECT, Series.REWARD_INDIRECT, Series.REWARD_FIRST_ORDER,
                Series.REWARD_RECRUITMENT, Series.REWARD_AGENT);
        long rebates = total(path, Series.REWARD_MALL_REBATE);
        long pointsLeft = path.series(Series.CIRCULATING_POINTS)[result.months() - 1];
        long unsettled = path.tookOut()[ParticipantClass.ESCROW.ordinal()];
        long goods = path.tookOut()[ParticipantClass.MERCHANTS.ordinal()]
                + path.tookOut()[ParticipantClass.SUPPLIERS.ordinal()];
        long poolLeft = path.tookOut()[ParticipantClass.POOL.ordinal()];
        return "Who is paid from whose money (谁的钱付给谁, path " + path.path() + ", the median path by final price):"
                + " consumers (消费者) paid " + Units.formatFen(paidIn)
                + " for their orders" + (subsidy > 0 ? " and the operator injected " + Units.formatFen(subsidy)
                + " of its own funds (融资补贴)" : "") + ". Merchants and suppliers received "
                + Units.formatFen(goods)
                + (rebates > 0 ? " in all: " + Units.formatFen(goods - rebates) + " for the goods and "
                        + Units.formatFen(rebates) + " of mall rebates (商家返点) that merchants earned from mall orders'"
                        + " distribution budget" : " for the goods")
                + ", the platform (平台) kept " + Units.formatFen(path.tookOut()[ParticipantClass.PLATFORM.ordinal()])
                + ", and referral, recruitment and agent rewards (分销/招商/区代) of " + Units.formatFen(rewards)
                + " came out of the distribution budget of the settled orders. Sellers and exiting participants were paid "
                + Units.formatFen(poolPaid) + " from the pool (盈利池); the pool is filled only by the pool share of"
                + " consumers' own orders and by subsidies, so every yuan paid out for points is a yuan some consumer"
                + " (usually a later one)" + (subsidy > 0 ? " or the operator's subsidy" : "") + " put in. At the end "
                + (poolLeft == 0 ? "the pool is empty"
                        : "the pool still holds " + Units.formatFen(poolLeft) + (pointsLeft > 0
                                ? " behind the points of holders who have not exited"
                                : " while no point is in circulation: nobody holds a claim on it until an order mints"
                                        + " points again"))
                + (unsettled > 0 ? ", and " + Units.formatFen(unsettled) + " of orders paid is not yet settled (待结算)"
                        + " and waits in escrow" : "")
                + ".";
    }

    private static long total(PathResult path, Series... series) {
        long sum = 0;
        for (Series one : series) {
            for (long value : path.series(one)) {
                sum += value;
            }
        }
        return sum;
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
        String share = users == 0 ? "0%" : CohortRow.share(exited, users);
        String back = spend == 0 ? "0.00" : Units.formatFen(CohortRow.perHundred(paidBack, spend));
        return "Forced exits (强制出局): over all paths " + exited + " of " + users + " consumers (" + share
                + ") reached their exit at least once. " + (spend == 0 ? "Nobody spent anything."
                        : "Consumers as a whole, all paths together, were paid back " + back + " from the pool for every"
                                + " 100.00 they spent (points sold and exits; referral rewards not counted).")
                + (exited > 0 ? " The cohort table shows who: early cohorts exit, later ones wait for growth that may not"
                        + " come." : paidBack > 0 ? " Nobody reached an exit: what they were paid back came from selling"
                        + " points." : " Nobody reached an exit.");
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

    /**
     * Subsidies injected while no point circulated (at the start of month 0, or after every point was sold or
     * forced out): nobody holds a claim on them, so the first orders after them mint at the last price and
     * take the subsidy as a windfall. Empty when there were none.
     */
    private static String subsidiesWithoutHolders(SimulationResult result) {
        int paths = 0;
        long amount = 0;
        for (PathResult path : result.paths()) {
            boolean any = false;
            for (int month = 0; month < result.months(); month++) {
                long subsidy = path.series(Series.SUBSIDY)[month];
                if (subsidy > 0 && (month == 0 || path.series(Series.CIRCULATING_POINTS)[month - 1] == 0)) {
                    amount += subsidy;
                    any = true;
                }
            }
            paths += any ? 1 : 0;
        }
        if (paths == 0) {
            return "";
        }
        return "Subsidies into a pool nobody holds (无人持有时的补贴): in " + ofPaths(paths, result) + " "
                + Units.formatFen(amount) + " in all was injected"
                + " while no point was in circulation. Nobody held a claim on it: the first orders after it that mint points"
                + " do so at the last price (the initial price if no point ever existed, R-3.1) and share the subsidy"
                + " between them, a windfall to whoever buys first, and the price jumps (at a price so high that orders"
                + " mint nothing, see orders that got no points, the cash stays stranded). Inject subsidies while points"
                + " are held if they are meant to support holders.";
    }

    /**
     * Months that ended with cash in the pool and no point in circulation (every point sold or forced out):
     * the next orders mint at the last price and share that cash, as with a subsidy into such a pool.
     */
    private static String cashWithoutHolders(SimulationResult result) {
        int paths = 0;
        long most = 0;
        for (PathResult path : result.paths()) {
            boolean any = false;
            for (int month = 0; month < result.months(); month++) {
                long cash = path.series(Series.POOL_CASH)[month];
                if (cash > 0 && path.series(Series.CIRCULATING_POINTS)[month] == 0) {
                    most = Math.max(most, cash);
                    any = true;
                }
            }
            paths += any ? 1 : 0;
        }
        if (paths == 0) {
            return "";
        }
        return "Pool cash nobody holds (无人持有的盈利池): in " + ofPaths(paths, result) + " a month ended with every point"
                + " sold or forced out while the pool still held cash (up to " + Units.formatFen(most) + "). The first"
                + " orders after it that mint points do so at the last price (R-3.1) and share that cash between them, a"
                + " windfall to whoever buys first, and the price jumps; a cohort's estimate from such a month starts from that jump.";
    }

    private static String growthNeeded(SimulationResult result, List<CohortRow> cohorts) {
        Scenario scenario = result.scenario();
        long share = ExitNeed.poolSharePpm(scenario);
        String multiplier = ExitNeed.multiplier(scenario.plan().pool(), share);
        CohortRow lastCohort = lastJoined(cohorts);
        String need;
        if (lastCohort == null) {
            need = "Nobody joined, so no cohort has an exit to reach";
        } else {
            String lastMonth = "Counting new orders alone, a consumer of the latest cohort (joined in month "
                    + lastCohort.month() + ", at " + Units.format(lastCohort.joinPrice(), 4) + ")";
            String exitPrice = Units.format(lastCohort.exitPrice(), 4);
            need = lastCohort.consumptionNeededFen() == ExitNeed.NEVER
                    ? lastMonth + " has no estimate: new orders put nothing into the pool, so they cannot bring the price to "
                            + exitPrice + " (see the cohort table, \"never\")"
                    : lastCohort.consumptionNeededFen() == ExitNeed.BEYOND
                            || lastCohort.consumptionNeededFen() >= CohortRow.NEEDED_SHOWN_MAX_FEN
                    ? lastMonth + " needs more than 10^16 CNY of new consumption after them for the price to reach "
                            + exitPrice + ": in practice, never"
                    : lastMonth + " needs about " + Units.formatFen(lastCohort.consumptionNeededFen())
                            + " of new consumption after them for the price to reach " + exitPrice + ", against "
                            + Units.formatFen(result.percentile(Series.GMV, lastCohort.month(), 50)) + " of orders in that month";
        }
        return "The growth each cohort needs (出局所需增长): " + (ExitNeed.mixedShares(scenario) ? "on average over the"
                + " scenario's mall and store orders, " : "") + percent(share) + " of an order enters the pool and "
                + percent(scenario.plan().pool().mintRatioPpm()) + " of that is minted as points at the current price,"
                + " so a buyer's exit at k = " + k(scenario.plan()) + " needs the price to reach " + multiplier
                + " times the price they bought at. " + need + ". The cohort table gives the figure for every cohort.";
    }

    /**
     * What {@code zengzhi plan check} warns about the plan (budget, then compliance), and a budget warning for
     * each region whose stores' commission leaves too small a distribution budget for the plan's rewards.
     */
    static List<Finding> warnings(Scenario scenario) {
        Plan plan = scenario.plan();
        List<Finding> warnings = new ArrayList<>(PlanCheck.warningsOf(plan));
        for (int i = 0; i < scenario.regions().size(); i++) {
            Scenario.Region region = scenario.regions().get(i);
            long commission = region.commissionPpm();
            // The plan's own warning covers its minimum commission; the default commission always pays in full.
            if (region.merchants() > 0 && commission >= 0 && commission != plan.store().minCommissionPpm()) {
                warnings.addAll(PlanCheck.storeBudgetAt(plan, commission, "regions[" + i + "].commission"));
            }
        }
        return warnings;
    }

    /** Rewards the distribution budget cut, over all paths; empty when none was. */
    private static String rewardsCut(SimulationResult result) {
        long cut = 0;
        int paths = 0;
        for (PathResult path : result.paths()) {
            long inPath = total(path, Series.REWARD_CUT);
            cut += inPath;
            paths += inPath > 0 ? 1 : 0;
        }
        if (cut == 0) {
            return "";
        }
        return "Rewards cut (奖励削减, R-2.4): in " + ofPaths(paths, result) + " the settled orders'"
                + " rewards came to " + Units.formatFen(cut) + " less in all than their rates give, because an order's"
                + " distribution budget ran out first (the budget is paid out in the order direct, indirect, first order,"
                + " recruitment, agents, mall rebate, so the later ones lose out; see the warnings below and"
                + " series/reward_cut.csv).";
    }

    /** "2 of 16 paths", "1 of 1 path". */
    private static String ofPaths(int some, SimulationResult result) {
        int paths = result.paths().size();
        return some + " of " + paths + (paths == 1 ? " path" : " paths");
    }

    /** The last cohort anyone joined, or null when nobody ever did. */
    private static CohortRow lastJoined(List<CohortRow> cohorts) {
        for (int i = cohorts.size() - 1; i >= 0; i--) {
            if (cohorts.get(i).users() > 0) {
                return cohorts.get(i);
            }
        }
        return null;
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
        out.append("Warnings of the plan and the scenario (预算与合规提示, R-2.3, R-4.6, R-9.3): ").append(findings.size())
                .append('\n');
        findings.forEach(finding -> out.append("  ").append(finding).append('\n'));
        return out.toString();
    }
}
