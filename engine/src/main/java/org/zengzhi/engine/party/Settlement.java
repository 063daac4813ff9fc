package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.Waterfall;

/**
 * An order's settlement (issue 18 rule 2), with every part so that an event can carry it: the waterfall,
 * then where the rewards went. {@code supplierSettledFen} is the share less the prepayment, of which
 * {@code receivableRepaidFen} repaid the supplier's debt first. {@code withheldFen} is commission and
 * allowance of earners below the credit score minimum (to the platform); {@code heldFen} the rewards of a
 * flagged order waiting for verification (they stay in escrow); {@code cancelledFen} those of a flagged
 * order the operator refused (to the platform). {@code stokenFen} is the supplier's tokens earned.
 */
public record Settlement(long orderId, int supplier, int consumer, int promoter, int leader, int inviter,
                         Waterfall waterfall, long prepaidFen, long supplierSettledFen, long receivableRepaidFen,
                         long withheldFen, long heldFen, long cancelledFen, long stokenFen) {
}
