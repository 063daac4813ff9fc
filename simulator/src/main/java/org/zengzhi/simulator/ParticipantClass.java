package org.zengzhi.simulator;

/**
 * Who put money into the economy and who took it out. Consumers and the operator pay in;
 * everyone else, the pool and the unsettled orders hold what came in; a class holds only what is settled.
 * The two columns balance exactly at the end of every path (the CNY side of the ledger sums to zero).
 */
public enum ParticipantClass {
    CONSUMERS("consumers (消费者)", "orders paid", "points sold, forced exits and referral rewards",
            "消费者", "支付订单", "卖出积分、强制出局与推荐奖励"),
    MERCHANT_OWNERS("merchant owners (门店主)", "", "referral rewards from customers bound through their pay code",
            "门店主", "", "通过收款码锁定的顾客带来的推荐奖励"),
    PROMOTERS("promoters (推广员)", "", "recruitment rewards on their merchants' flow (招商奖励)",
            "推广员", "", "所招商家流水的招商奖励"),
    AGENTS("regional agents (区代/市代/省代)", "", "agent rewards on their regions' orders",
            "区域代理（区代/市代/省代）", "", "所辖区域订单的代理奖励"),
    MERCHANTS("merchants (商家)", "", "their share of store orders (amount − commission) and mall rebates",
            "商家", "", "门店订单中商家的部分（金额 − 抽成）与商城返点"),
    SUPPLIERS("suppliers (供应商)", "", "product cost of mall orders", "供应商", "", "商城订单的商品成本"),
    PLATFORM("platform (平台)", "", "platform profit, unused distribution budget and rounding dust",
            "平台", "", "平台利润、未用完的分配预算与舍入尾差"),
    OPERATOR("operator funds (融资补贴)", "subsidies injected into the pool", "",
            "运营方资金（融资补贴）", "注入盈利池的补贴", ""),
    POOL("the pool (盈利池)", "", "cash left in the pool at the end, behind the points still held (if any)",
            "盈利池", "", "期末留在盈利池中的现金，对应仍被持有的积分（如有）"),
    ESCROW("unsettled orders (待结算)", "", "orders paid but not yet settled at the end: the escrow and the"
            + " merchants' shares and rewards pending on them", "待结算订单", "",
            "期末已支付但未结算的订单：托管资金及其上待付的商家份额与奖励");

    private final String label;
    private final String putIn;
    private final String tookOut;
    private final String labelZh;
    private final String putInZh;
    private final String tookOutZh;

    ParticipantClass(String label, String putIn, String tookOut, String labelZh, String putInZh, String tookOutZh) {
        this.label = label;
        this.putIn = putIn;
        this.tookOut = tookOut;
        this.labelZh = labelZh;
        this.putInZh = putInZh;
        this.tookOutZh = tookOutZh;
    }

    /** The label in the language of a report (classes.csv keeps the English one). */
    public String label(ReportLanguage lang) {
        return lang.pick(labelZh, label);
    }

    public String putInMeaning(ReportLanguage lang) {
        return lang.pick(putInZh, putIn);
    }

    public String tookOutMeaning(ReportLanguage lang) {
        return lang.pick(tookOutZh, tookOut);
    }

    public String label() {
        return label;
    }

    public String putInMeaning() {
        return putIn;
    }

    public String tookOutMeaning() {
        return tookOut;
    }

    /** The class of a user id as the simulator names users: u consumers, o owners, p promoters, a agents. */
    static ParticipantClass ofUser(String id) {
        switch (id.charAt(0)) {
            case 'u':
                return CONSUMERS;
            case 'o':
                return MERCHANT_OWNERS;
            case 'p':
                return PROMOTERS;
            case 'a':
                return AGENTS;
            default:
                throw new IllegalStateException("not a simulated user id: " + id);
        }
    }
}
