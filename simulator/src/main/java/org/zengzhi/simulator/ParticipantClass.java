package org.zengzhi.simulator;

/**
 * Who put money into the economy and who took it out. Consumers and the operator pay in;
 * everyone else, the pool and the unsettled orders hold what came in; a class holds only what is settled.
 * The two columns balance exactly at the end of every path (the CNY side of the ledger sums to zero).
 */
public enum ParticipantClass {
    CONSUMERS("consumers (消费者)", "orders paid", "points sold, forced exits and referral rewards"),
    MERCHANT_OWNERS("merchant owners (门店主)", "", "referral rewards from customers bound through their pay code"),
    PROMOTERS("promoters (推广员)", "", "recruitment rewards on their merchants' flow (招商奖励)"),
    AGENTS("regional agents (区代/市代/省代)", "", "agent rewards on their regions' orders"),
    MERCHANTS("merchants (商家)", "", "their share of store orders (amount − commission) and mall rebates"),
    SUPPLIERS("suppliers (供应商)", "", "product cost of mall orders"),
    PLATFORM("platform (平台)", "", "platform profit, unused distribution budget and rounding dust"),
    OPERATOR("operator funds (融资补贴)", "subsidies injected into the pool", ""),
    POOL("the pool (盈利池)", "", "cash left in the pool at the end, behind the points still held (if any)"),
    ESCROW("unsettled orders (待结算)", "", "orders paid but not yet settled at the end: the escrow and the"
            + " merchants' shares and rewards pending on them");

    private final String label;
    private final String putIn;
    private final String tookOut;

    ParticipantClass(String label, String putIn, String tookOut) {
        this.label = label;
        this.putIn = putIn;
        this.tookOut = tookOut;
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
