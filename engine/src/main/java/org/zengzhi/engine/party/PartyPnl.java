package org.zengzhi.engine.party;

/**
 * A month's profit and loss of the four-party model, in fen, as seed 000's single-city case reads it
 * platform income is the technical service fee plus data services; net is that income less
 * operating cost. The seed's net leaves out what the platform also keeps or pays from the waterfall and
 * the month's close; those lines are here beside it, and {@link #platformResultFen} adds them up.
 *
 * @param gmvFen             settled sales (the amounts of orders settled this month)
 * @param supplierShareFen   suppliers' base share of those sales, prepayments included
 * @param supplierCostFen    the cost of goods the suppliers declared for them
 * @param supplierProfitFen  share less declared cost: the seed's 供应商利润 (55% − 30% = 25% of the price)
 * @param marginFen          what the waterfall left after its parts (平台剩余)
 * @param withheldFen        commissions and allowances of earners below the credit score minimum
 * @param cancelledFen       rewards of flagged orders the operator refused
 * @param transferFeeFen     the 1% fees on contribution value transfers
 * @param depositPenaltyFen  deposits taken for low ratings
 * @param baselineBonusFen   the 5% on sales above baseline paid to suppliers
 * @param tokenBuybackFen    supplier tokens bought back by the platform at face value
 * @param haircutFen         reserve cash released to the platform by a pro-rata burn
 */
public record PartyPnl(long gmvFen, long feeFen, long dataServiceFen, long platformIncomeFen, long rebateFen,
                       long commissionFen, long teamAllowanceFen, long inviteRewardFen, long supplierShareFen,
                       long supplierCostFen, long supplierProfitFen, long operatingCostFen, long netFen, long marginFen,
                       long roundingFen, long withheldFen, long cancelledFen, long transferFeeFen, long depositPenaltyFen,
                       long baselineBonusFen, long tokenBuybackFen, long haircutFen) {

    /** What the platform account gained this month in all: the seed's net plus every line it leaves out. */
    public long platformResultFen() {
        return netFen + marginFen + withheldFen + cancelledFen + transferFeeFen + depositPenaltyFen + haircutFen
                - baselineBonusFen - tokenBuybackFen;
    }
}
