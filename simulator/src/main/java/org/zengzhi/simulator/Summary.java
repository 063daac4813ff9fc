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

    /** The summary in the report's language; the figures are the same in both. */
    static Summary of(SimulationResult result, List<CohortRow> cohorts, ReportLanguage lang) {
        boolean zh = lang == ReportLanguage.ZH;
        Scenario scenario = result.scenario();
        Plan plan = scenario.plan();
        List<String> text = new ArrayList<>();
        int last = result.months() - 1;
        int paths = result.paths().size();
        text.add(zh ? "场景“" + scenario.name() + "”，方案“" + plan.name() + "”：" + paths + " 条路径，每条 " + result.months()
                + " 个月（随机种子 " + scenario.seed() + "），由增值引擎本身运行。谁的钱付给谁取自一条完整路径，即按最终价格的中位路径，"
                + "因此其数字可以相加核对；其他数字除给出区间（各路径 p10–p90）或所有路径合计外，均为各路径的中位数。"
                + "这是对假设行为的模拟，不是预测，也不是承诺（R-9.4）。"
                : "Scenario \"" + scenario.name() + "\" on plan \"" + plan.name() + "\": " + paths
                + (paths == 1 ? " path of " : " paths of ") + result.months()
                + (result.months() == 1 ? " month (seed " : " months (seed ") + scenario.seed()
                + "), run through the Zengzhi engine itself. Who is paid from whose money is one whole path, the median"
                + " path by final price, so its figures add up; other figures are medians over paths unless a range"
                + " (p10–p90 over paths) or a total over all paths is given. This is a simulation of assumed behaviour,"
                + " not a forecast and not a promise (R-9.4).");
        text.add(whoPaysWhom(result, zh));
        text.add(exits(result, zh));
        String unminted = unminted(result, zh);
        if (!unminted.isEmpty()) {
            text.add(unminted);
        }
        for (String windfall : List.of(subsidiesWithoutHolders(result, zh), cashWithoutHolders(result, zh))) {
            if (!windfall.isEmpty()) {
                text.add(windfall);
            }
        }
        text.add(growthNeeded(result, cohorts, zh));
        text.add(zh ? "积分价格：从第 0 月末的 " + Units.format(result.percentile(Series.PRICE, 0, 50), 4) + " 到期末的 "
                + Units.format(result.percentile(Series.PRICE, last, 50), 4) + "（p10–p90 "
                + Units.format(result.percentile(Series.PRICE, last, 10), 4) + "–"
                + Units.format(result.percentile(Series.PRICE, last, 90), 4) + "）。只有盈利池现金增长快于积分时价格才会上涨："
                + "新订单进入盈利池的部分（其中只有铸造比例的部分铸成积分）、卖出（积分被销毁，其价值的 "
                + percent(1_000_000 - plan.pool().payoutRatioPpm()) + " 留在盈利池，即回流）以及补贴；消费停止，上涨也随之停止。"
                : "Price (积分价格): from " + Units.format(result.percentile(Series.PRICE, 0, 50), 4) + " at the end of month 0 to "
                + Units.format(result.percentile(Series.PRICE, last, 50), 4) + " at the end (p10–p90 "
                + Units.format(result.percentile(Series.PRICE, last, 10), 4) + "–"
                + Units.format(result.percentile(Series.PRICE, last, 90), 4) + "). The price only rises while pool"
                + " cash grows faster than points: new orders' pool shares (of which only the mint ratio is minted),"
                + " sales (the points are burned while " + percent(1_000_000 - plan.pool().payoutRatioPpm())
                + " of their value stays in the pool, 回流) and subsidies; when consumption stops it stops.");
        String cut = rewardsCut(result, zh);
        if (!cut.isEmpty()) {
            text.add(2, cut); // after who is paid from whose money
        }
        return new Summary(text, warnings(scenario));
    }

    /** One path's figures, the median path's ({@link SimulationResult#medianPath}), so that they add up exactly. */
    private static String whoPaysWhom(SimulationResult result, boolean zh) {
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
        if (zh) {
            return "谁的钱付给谁（路径 " + path.path() + "，按最终价格的中位路径）：消费者为订单支付了 " + Units.formatFen(paidIn)
                    + (subsidy > 0 ? "，运营方以自有资金注入了 " + Units.formatFen(subsidy) + "（融资补贴）" : "")
                    + "。商家与供应商共收到 " + Units.formatFen(goods)
                    + (rebates > 0 ? "：其中货款 " + Units.formatFen(goods - rebates) + "，商家从商城订单的分配预算中获得的商家返点 "
                            + Units.formatFen(rebates) : "（货款）")
                    + "；平台留存 " + Units.formatFen(path.tookOut()[ParticipantClass.PLATFORM.ordinal()])
                    + "；分销、招商与区代奖励共 " + Units.formatFen(rewards) + "，出自已结算订单的分配预算。卖出者与出局者从盈利池获得 "
                    + Units.formatFen(poolPaid) + "；盈利池只由消费者自己订单中进入盈利池的部分和补贴充实，因此为积分付出的每一元，"
                    + "都是某位消费者（通常是后来者）" + (subsidy > 0 ? "或运营方的补贴" : "") + "投入的。期末"
                    + (poolLeft == 0 ? "盈利池已空"
                            : "盈利池仍有 " + Units.formatFen(poolLeft) + (pointsLeft > 0
                                    ? "，对应尚未出局的持有人的积分"
                                    : "，而没有任何积分在流通：在有订单重新铸造积分之前，没有人对它拥有权利"))
                    + (unsettled > 0 ? "；另有 " + Units.formatFen(unsettled) + " 的已付订单尚未结算（待结算），在托管中等待" : "")
                    + "。";
        }
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

    static long total(PathResult path, Series... series) {
        long sum = 0;
        for (Series one : series) {
            for (long value : path.series(one)) {
                sum += value;
            }
        }
        return sum;
    }

    private static String exits(SimulationResult result, boolean zh) {
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
        if (zh) {
            return "强制出局：所有路径中 " + users + " 名消费者里有 " + exited + " 名（" + share + "）至少出局一次。"
                    + (spend == 0 ? "没有人消费。" : "消费者整体（所有路径合计）每消费 100.00，从盈利池获得 " + back
                            + " 的返还（卖出积分与出局；不计推荐奖励）。")
                    + (exited > 0 ? "同期群表显示了是谁：早期的同期群出局，后来者等待可能不会到来的增长。"
                            : paidBack > 0 ? "没有人达到出局：他们获得的返还来自卖出积分。" : "没有人达到出局。");
        }
        return "Forced exits (强制出局): over all paths " + exited + " of " + users + " consumers (" + share
                + ") reached their exit at least once. " + (spend == 0 ? "Nobody spent anything."
                        : "Consumers as a whole, all paths together, were paid back " + back + " from the pool for every"
                                + " 100.00 they spent (points sold and exits; referral rewards not counted).")
                + (exited > 0 ? " The cohort table shows who: early cohorts exit, later ones wait for growth that may not"
                        + " come." : paidBack > 0 ? " Nobody reached an exit: what they were paid back came from selling"
                        + " points." : " Nobody reached an exit.");
    }

    /** Orders that paid into the pool and got no point for it, over all paths; empty when there were none. */
    private static String unminted(SimulationResult result, boolean zh) {
        long orders = 0;
        long contributions = 0;
        for (PathResult path : result.paths()) {
            orders += path.unminted()[0];
            contributions += path.unminted()[1];
        }
        if (orders == 0) {
            return "";
        }
        if (zh) {
            return "未获积分的订单：所有路径中有 " + orders + " 笔已结算订单向盈利池注入了 " + Units.formatFen(contributions)
                    + "，却没有铸造任何积分，因为按当时的价格，其进入盈利池的部分买不到 0.000001 积分（铸造向下取整，R-1.4）。"
                    + "这些消费者向盈利池付了钱，却对它没有任何权利；他们的消费仍计入出局额度，但只能通过已持有的积分达到。";
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
    private static String subsidiesWithoutHolders(SimulationResult result, boolean zh) {
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
        if (zh) {
            return "无人持有时的补贴：" + ofPaths(paths, result, true) + "中，共有 " + Units.formatFen(amount)
                    + " 在没有任何积分流通时注入。没有人对它拥有权利：此后第一批铸造积分的订单按最后的价格（若从未有过积分则按初始价格，R-3.1）"
                    + "铸造并瓜分这笔补贴，先买者得到意外之财，价格跳升（若价格高到订单铸造不出积分，现金就滞留在池中，见“未获积分的订单”）。"
                    + "如果补贴是为了支持持有人，应在有人持有积分时注入。";
        }
        return "Subsidies into a pool nobody holds (无人持有时的补贴): in " + ofPaths(paths, result, false) + " "
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
    private static String cashWithoutHolders(SimulationResult result, boolean zh) {
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
        if (zh) {
            return "无人持有的盈利池：" + ofPaths(paths, result, true) + "中，有月份结束时所有积分都已卖出或强制出局，而盈利池仍有现金（最多 "
                    + Units.formatFen(most) + "）。此后第一批铸造积分的订单按最后的价格（R-3.1）铸造并瓜分这笔现金，先买者得到意外之财，"
                    + "价格跳升；从这样的月份开始的同期群估算也从这次跳升算起。";
        }
        return "Pool cash nobody holds (无人持有的盈利池): in " + ofPaths(paths, result, false) + " a month ended with every point"
                + " sold or forced out while the pool still held cash (up to " + Units.formatFen(most) + "). The first"
                + " orders after it that mint points do so at the last price (R-3.1) and share that cash between them, a"
                + " windfall to whoever buys first, and the price jumps; a cohort's estimate from such a month starts from that jump.";
    }

    private static String growthNeeded(SimulationResult result, List<CohortRow> cohorts, boolean zh) {
        Scenario scenario = result.scenario();
        long share = ExitNeed.poolSharePpm(scenario);
        String multiplier = ExitNeed.multiplier(scenario.plan().pool(), share);
        CohortRow lastCohort = lastJoined(cohorts);
        if (zh) {
            return growthNeededZh(result, lastCohort, share, multiplier);
        }
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

    private static String growthNeededZh(SimulationResult result, CohortRow lastCohort, long share, String multiplier) {
        Scenario scenario = result.scenario();
        String need;
        if (lastCohort == null) {
            need = "没有人加入，因此没有同期群需要达到出局";
        } else {
            String lastMonth = "仅计新订单，最近一个同期群的消费者（第 " + lastCohort.month() + " 月加入，价格 "
                    + Units.format(lastCohort.joinPrice(), 4) + "）";
            String exitPrice = Units.format(lastCohort.exitPrice(), 4);
            need = lastCohort.consumptionNeededFen() == ExitNeed.NEVER
                    ? lastMonth + "没有估算：新订单不向盈利池注资，无法把价格推到 " + exitPrice + "（见同期群表中的“永不”）"
                    : lastCohort.consumptionNeededFen() == ExitNeed.BEYOND
                            || lastCohort.consumptionNeededFen() >= CohortRow.NEEDED_SHOWN_MAX_FEN
                    ? lastMonth + "需要此后超过 10^16 元的新增消费才能使价格达到 " + exitPrice + "：实际上永远达不到"
                    : lastMonth + "需要此后约 " + Units.formatFen(lastCohort.consumptionNeededFen()) + " 的新增消费才能使价格达到 "
                            + exitPrice + "，而当月订单额为 "
                            + Units.formatFen(result.percentile(Series.GMV, lastCohort.month(), 50));
        }
        return "出局所需增长：" + (ExitNeed.mixedShares(scenario) ? "按场景中商城与门店订单的平均，" : "") + "订单的 "
                + percent(share) + " 进入盈利池，其中 " + percent(scenario.plan().pool().mintRatioPpm())
                + " 按当时价格铸成积分，因此买家在 k = " + k(scenario.plan()) + " 时出局，需要价格达到买入价的 " + multiplier
                + " 倍。" + need + "。同期群表给出了每个同期群的数字。";
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
    private static String rewardsCut(SimulationResult result, boolean zh) {
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
        if (zh) {
            return "奖励削减（R-2.4）：" + ofPaths(paths, result, true) + "中，已结算订单的奖励合计比其比例应得少 "
                    + Units.formatFen(cut) + "，因为订单的分配预算先用完了（预算按直推、间推、首单、招商、代理、商城返点的顺序支付，"
                    + "靠后的先受损；见下方提示与 series/reward_cut.csv）。";
        }
        return "Rewards cut (奖励削减, R-2.4): in " + ofPaths(paths, result, false) + " the settled orders'"
                + " rewards came to " + Units.formatFen(cut) + " less in all than their rates give, because an order's"
                + " distribution budget ran out first (the budget is paid out in the order direct, indirect, first order,"
                + " recruitment, agents, mall rebate, so the later ones lose out; see the warnings below and"
                + " series/reward_cut.csv).";
    }

    /** "2 of 16 paths", "1 of 1 path". */
    private static String ofPaths(int some, SimulationResult result, boolean zh) {
        int paths = result.paths().size();
        if (zh) {
            return paths + " 条路径中的 " + some + " 条";
        }
        return some + " of " + paths + (paths == 1 ? " path" : " paths");
    }

    /** The last cohort anyone joined, or null when nobody ever did. */
    static CohortRow lastJoined(List<CohortRow> cohorts) {
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

    static String k(Plan plan) {
        return new java.math.BigDecimal(plan.pool().exitMultipleNumerator())
                .divide(new java.math.BigDecimal(plan.pool().exitMultipleDenominator()), 6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    String plainText(ReportLanguage lang) {
        StringBuilder out = new StringBuilder();
        paragraphs.forEach(paragraph -> out.append(paragraph).append("\n\n"));
        out.append(lang.pick("方案与场景的提示（预算与合规提示，R-2.3、R-4.6、R-9.3）：",
                "Warnings of the plan and the scenario (预算与合规提示, R-2.3, R-4.6, R-9.3): ")).append(findings.size())
                .append('\n');
        findings.forEach(finding -> out.append("  ").append(lang == ReportLanguage.EN ? finding.toString()
                : finding.code() + " " + finding.field() + ": " + lang.finding(finding)).append('\n'));
        return out.toString();
    }
}
