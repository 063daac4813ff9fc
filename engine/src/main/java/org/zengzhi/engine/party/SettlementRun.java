package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.partyrules.Waterfall;

/**
 * One order's settlement (issue 18 rule 2), posted part by part in the waterfall's order. The rewards are
 * paid, held in escrow while the order is flagged, or cancelled if the operator refused it; a commission or
 * allowance whose earner lacks the credit score is withheld.
 */
final class SettlementRun {
    private final PartyRules rules;
    private final PartyBooks books;
    private final Catalogue catalogue;
    private final HolderLongs creditScores;

    SettlementRun(PartyRules rules, PartyBooks books, Catalogue catalogue, HolderLongs creditScores) {
        this.rules = rules;
        this.books = books;
        this.catalogue = catalogue;
        this.creditScores = creditScores;
    }

    Settlement run(PartyOrder order) {
        long feePpm = rules.feePpm() - (catalogue.discountInForce(order.supplier) ? rules.feeDiscountPpm() : 0);
        Waterfall parts = Waterfall.of(rules, order.amountFen, feePpm, order.tier, order.promoter != Payment.NONE,
                order.leader != Payment.NONE, order.inviter != Payment.NONE);
        books.post(Movement.FEE, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, parts.feeFen());
        long commission = earns(order.promoter) ? parts.commissionFen() : 0;
        long allowance = earns(order.leader) ? parts.teamAllowanceFen() : 0;
        long withheld = parts.commissionFen() - commission + parts.teamAllowanceFen() - allowance;
        long rewards = parts.rebateFen() + commission + allowance + parts.inviteRewardFen();
        long held = order.review == PartyOrder.Review.FLAGGED ? rewards : 0;
        long cancelled = order.review == PartyOrder.Review.REFUSED ? rewards : 0;
        settleRewards(order, parts, commission, allowance);
        books.post(Movement.WITHHELD, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, withheld);
        long settled = parts.supplierShareFen() - order.prepaidFen;
        long repaid = books.paySupplier(Movement.SUPPLIER_SETTLEMENT, order.supplier, settled);
        books.post(Movement.MARGIN, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, parts.marginFen());
        books.post(Movement.ROUNDING, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, parts.roundingFen());
        long tokens = Waterfall.part(order.amountFen, rules.stokenPpm());
        books.post(Movement.STOKEN_ISSUE, PartyPostings.NO_OWNER, order.supplier, tokens);
        catalogue.monthSalesFen.add(order.supplier, order.amountFen);
        return new Settlement(order.id, order.supplier, order.consumer, order.promoter, order.leader, order.inviter,
                parts, order.prepaidFen, settled, repaid, withheld, held, cancelled, tokens);
    }

    /**
     * Rewards are held in escrow while the order is flagged, cancelled to the platform if the operator
     * refused it, and paid otherwise.
     */
    private void settleRewards(PartyOrder order, Waterfall parts, long commission, long allowance) {
        switch (order.review) {
            case FLAGGED -> {
                order.heldRebateFen = parts.rebateFen();
                order.heldCommissionFen = commission;
                order.heldAllowanceFen = allowance;
                order.heldInviteFen = parts.inviteRewardFen();
            }
            case REFUSED -> books.post(Movement.CANCELLED, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER,
                    parts.rebateFen() + commission + allowance + parts.inviteRewardFen());
            case CLEAR, APPROVED -> payRewards(books, order, parts.rebateFen(), commission, allowance,
                    parts.inviteRewardFen());
        }
    }

    /** Whether a promoter or leader may earn now: someone is named and their credit score reaches the minimum. */
    private boolean earns(int holder) {
        return holder != Payment.NONE && creditScores.get(holder) >= rules.creditScoreMin();
    }

    /**
     * Pays an order's rewards out of escrow: the rebate as contribution value with the same cash into the
     * reserve (rule 3), the commission, allowance and invite reward as cash.
     */
    static void payRewards(PartyBooks books, PartyOrder order, long rebate, long commission, long allowance,
                           long invite) {
        books.post(Movement.ESCROW_TO_RESERVE, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, rebate);
        books.post(Movement.CONTRIB_ISSUE, PartyPostings.NO_OWNER, order.consumer, rebate);
        books.post(Movement.COMMISSION, PartyPostings.NO_OWNER, order.promoter, commission);
        books.post(Movement.TEAM_ALLOWANCE, PartyPostings.NO_OWNER, order.leader, allowance);
        books.post(Movement.INVITE_REWARD, PartyPostings.NO_OWNER, order.inviter, invite);
    }
}
