package org.zengzhi.engine.party;

/**
 * A refund before settlement (issue 18 rule 1): the prepayment clawed back, from the supplier's cash as far
 * as it goes and the rest advanced as the supplier's debt; the consumer's cash and contribution value back.
 */
public record Refund(long orderId, long amountFen, long clawedBackFen, long advancedFen, long cashRefundedFen,
                     long contribRefundedFen) {
}
