package org.zengzhi.engine.party;

/**
 * What a payment did: its amount, the supplier's prepayment (of which {@code receivableRepaidFen} went to
 * repay what the supplier owed), and whether the risk check flagged it and why.
 */
public record PaymentResult(long orderId, long amountFen, long prepaidFen, long receivableRepaidFen,
                            RiskVerdict verdict) {

    public boolean flagged() {
        return verdict != RiskVerdict.CLEAR;
    }
}
