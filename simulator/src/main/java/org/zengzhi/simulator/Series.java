package org.zengzhi.simulator;

/**
 * The monthly series every path records, one value per month. Levels are read at the month's end;
 * flows are totals over the month. Units: fen, 10⁻⁶ point, a count, or the price in 10⁻⁴ CNY per point
 * (the exact price rounded half up to 4 decimals, for charts only).
 */
public enum Series {
    PRICE("price", Unit.PRICE, "point price at month end (CNY per point)"),
    POOL_CASH("pool_cash", Unit.FEN, "pool cash at month end (盈利池, CNY)"),
    CIRCULATING_POINTS("circulating_points", Unit.POINTS, "points in circulation at month end"),
    EXITS("exits", Unit.COUNT, "forced exits in the month (强制出局)"),
    EXIT_PAYOUT("exit_payout", Unit.FEN, "cash paid to exiting participants in the month (CNY)"),
    SALE_PAYOUT("sale_payout", Unit.FEN, "cash paid for points sold in the month (CNY)"),
    ORDERS("orders", Unit.COUNT, "orders paid in the month"),
    GMV("gmv", Unit.FEN, "amount of orders paid in the month (CNY)"),
    MINTED("minted", Unit.POINTS, "points minted in the month"),
    NEW_CONSUMERS("new_consumers", Unit.COUNT, "consumers who joined in the month"),
    ACTIVE_CONSUMERS("active_consumers", Unit.COUNT, "consumers still buying at month end"),
    HOLDERS("holders", Unit.COUNT, "participants holding points at month end"),
    PLATFORM_REVENUE("platform_revenue", Unit.FEN, "platform revenue in the month, profit + unused budget + dust (CNY)"),
    SUBSIDY("subsidy", Unit.FEN, "operator subsidy injected in the month (融资补贴, CNY)"),
    REWARD_DIRECT("reward_direct", Unit.FEN, "direct referral rewards effective in the month (直推, CNY)"),
    REWARD_INDIRECT("reward_indirect", Unit.FEN, "indirect referral rewards (间推, CNY)"),
    REWARD_FIRST_ORDER("reward_first_order", Unit.FEN, "first-order rewards (首单, CNY)"),
    REWARD_RECRUITMENT("reward_recruitment", Unit.FEN, "merchant recruitment rewards (招商奖励, CNY)"),
    REWARD_AGENT("reward_agent", Unit.FEN, "regional agent rewards (区代/市代/省代, CNY)"),
    REWARD_MALL_REBATE("reward_mall_rebate", Unit.FEN, "merchant mall rebates (商家返点, CNY)"),
    REWARD_CUT("reward_cut", Unit.FEN, "rewards cut because the order's distribution budget ran out (R-2.4, CNY)"),
    AGENT_DISTRICT("agent_district", Unit.FEN, "income of district agents (区代, CNY)"),
    AGENT_CITY("agent_city", Unit.FEN, "income of city agents (市代, CNY)"),
    AGENT_PROVINCE("agent_province", Unit.FEN, "income of province agents (省代, CNY)");

    /** How a series' integers are shown. */
    public enum Unit { FEN, POINTS, COUNT, PRICE }

    private final String file;
    private final Unit unit;
    private final String description;

    Series(String file, Unit unit, String description) {
        this.file = file;
        this.unit = unit;
        this.description = description;
    }

    public String file() {
        return file;
    }

    public Unit unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** A short name for a chart's legend, in the report's language; the file name where none is set. */
    public String legend(ReportLanguage lang) {
        return switch (this) {
            case REWARD_DIRECT -> lang.pick("直推", "direct 直推");
            case REWARD_INDIRECT -> lang.pick("间推", "indirect 间推");
            case REWARD_FIRST_ORDER -> lang.pick("首单", "first order 首单");
            case REWARD_RECRUITMENT -> lang.pick("招商", "recruitment 招商");
            case REWARD_AGENT -> lang.pick("区代/市代/省代", "agents 区代/市代/省代");
            case REWARD_MALL_REBATE -> lang.pick("商家返点", "mall rebates 商家返点");
            case AGENT_DISTRICT -> lang.pick("区代", "district 区代");
            case AGENT_CITY -> lang.pick("市代", "city 市代");
            case AGENT_PROVINCE -> lang.pick("省代", "province 省代");
            case SALE_PAYOUT -> lang.pick("卖出", "points sold 卖出");
            case EXIT_PAYOUT -> lang.pick("出局", "forced exits 出局");
            default -> file;
        };
    }

    /** The value as decimal text: CNY with 2 decimals, points with 6, the price with 4. */
    public String format(long value) {
        switch (unit) {
            case FEN:
                return org.zengzhi.engine.Units.formatFen(value);
            case POINTS:
                return org.zengzhi.engine.Units.formatPoints(value);
            case PRICE:
                return org.zengzhi.engine.Units.format(value, 4);
            case COUNT:
            default:
                return Long.toString(value);
        }
    }
}
