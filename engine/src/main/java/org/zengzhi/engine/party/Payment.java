package org.zengzhi.engine.party;

import java.time.Instant;

/**
 * A consumer pays for a supplier's product (issue 18 rule 1). Handles are the engine's: holders for the
 * consumer and the people the order rewards, {@link #NONE} where there is nobody.
 *
 * @param orderId        the order's id, unique among open orders
 * @param consumer       the paying holder
 * @param product        the product's handle
 * @param quantity       how many
 * @param contribFen     the part of the price paid with contribution value, 0 for none
 * @param tier           the consumer's member tier, which sets the rebate rate
 * @param promoter       the promoter the order names, or else the consumer's referrer if a promoter
 * @param leader         the promoter's team leader, who earns the team allowance
 * @param inviter        the referrer, on the consumer's first order only
 * @param device         the paying device's id
 * @param ip             the paying IP address
 * @param at             when the payment was made
 */
public record Payment(long orderId, int consumer, int product, int quantity, long contribFen, int tier, int promoter,
                      int leader, int inviter, String device, String ip, Instant at) {
    /** No holder: no promoter, leader or inviter on this order. */
    public static final int NONE = -1;
}
