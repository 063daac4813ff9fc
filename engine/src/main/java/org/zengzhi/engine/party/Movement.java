package org.zengzhi.engine.party;

/**
 * Every movement of value the four-party model makes, each with its one source and one destination of the
 * same asset, so that the ledger balances per asset whatever the engine maps them to.
 */
public enum Movement {
    /** A consumer's cash payment into escrow. */
    PAYMENT(PartyAccount.WORLD, PartyAccount.ESCROW),
    /** Contribution value spent on an order is retired. */
    CONTRIB_SPENT(PartyAccount.HOLDER_CONTRIB, PartyAccount.CONTRIB_ISSUED),
    /** The cash behind contribution value spent on an order joins the order's money in escrow. */
    RESERVE_TO_ESCROW(PartyAccount.CONTRIB_RESERVE, PartyAccount.ESCROW),
    /** 30% of the supplier's share prepaid at payment (平台预付30%货款). */
    PREPAYMENT(PartyAccount.ESCROW, PartyAccount.SUPPLIER_CASH),
    /** Money due to a supplier from escrow first repays what it owes. */
    RECEIVABLE_FROM_ESCROW(PartyAccount.ESCROW, PartyAccount.SUPPLIER_RECEIVABLE),
    /** A refund takes the prepayment back from the supplier's cash. */
    CLAWBACK(PartyAccount.SUPPLIER_CASH, PartyAccount.ESCROW),
    /** What the supplier's cash cannot cover is advanced into escrow and owed by the supplier. */
    CLAWBACK_ADVANCE(PartyAccount.SUPPLIER_RECEIVABLE, PartyAccount.ESCROW),
    /** The cash part of a refund leaves escrow. */
    REFUND(PartyAccount.ESCROW, PartyAccount.WORLD),
    /** Cash behind contribution value issued (a rebate, a refund of an order paid with it) enters the reserve. */
    ESCROW_TO_RESERVE(PartyAccount.ESCROW, PartyAccount.CONTRIB_RESERVE),
    /** Contribution value issued to a holder. */
    CONTRIB_ISSUE(PartyAccount.CONTRIB_ISSUED, PartyAccount.HOLDER_CONTRIB),
    /** The technical service fee. */
    FEE(PartyAccount.ESCROW, PartyAccount.PLATFORM),
    /** The promoter's commission. */
    COMMISSION(PartyAccount.ESCROW, PartyAccount.HOLDER_CASH),
    /** The team leader's allowance. */
    TEAM_ALLOWANCE(PartyAccount.ESCROW, PartyAccount.HOLDER_CASH),
    /** The first-order invite reward. */
    INVITE_REWARD(PartyAccount.ESCROW, PartyAccount.HOLDER_CASH),
    /** The supplier's share less its prepayment, at settlement. */
    SUPPLIER_SETTLEMENT(PartyAccount.ESCROW, PartyAccount.SUPPLIER_CASH),
    /** What the waterfall leaves after its parts. */
    MARGIN(PartyAccount.ESCROW, PartyAccount.PLATFORM),
    /** A commission or allowance whose earner's credit score is below the minimum. */
    WITHHELD(PartyAccount.ESCROW, PartyAccount.PLATFORM),
    /** The rewards of a flagged order the operator refused. */
    CANCELLED(PartyAccount.ESCROW, PartyAccount.PLATFORM),
    /** The dust of a waterfall. */
    ROUNDING(PartyAccount.ESCROW, PartyAccount.ROUNDING),
    /** Contribution value redeemed for cash, transferred as a fee, or burned is retired. */
    CONTRIB_RETIRED(PartyAccount.HOLDER_CONTRIB, PartyAccount.CONTRIB_ISSUED),
    /** Cash from the reserve to a holder: a redemption or a buy-back at face value. */
    RESERVE_TO_HOLDER(PartyAccount.CONTRIB_RESERVE, PartyAccount.HOLDER_CASH),
    /** Contribution value from one holder to another. */
    CONTRIB_TRANSFER(PartyAccount.HOLDER_CONTRIB, PartyAccount.HOLDER_CONTRIB),
    /** Cash from the reserve to the platform: a transfer fee, or a pro-rata burn's haircut. */
    RESERVE_TO_PLATFORM(PartyAccount.CONTRIB_RESERVE, PartyAccount.PLATFORM),
    /** Supplier tokens earned on settled sales. */
    STOKEN_ISSUE(PartyAccount.STOKEN_ISSUED, PartyAccount.SUPPLIER_STOKEN),
    /** Supplier tokens redeemed or burned. */
    STOKEN_RETIRED(PartyAccount.SUPPLIER_STOKEN, PartyAccount.STOKEN_ISSUED),
    /** The platform pays a supplier: a baseline bonus or a token buy-back. */
    PLATFORM_TO_SUPPLIER(PartyAccount.PLATFORM, PartyAccount.SUPPLIER_CASH),
    /** Money due to a supplier from the platform first repays what it owes. */
    RECEIVABLE_FROM_PLATFORM(PartyAccount.PLATFORM, PartyAccount.SUPPLIER_RECEIVABLE),
    /** A supplier pays its deposit in. */
    DEPOSIT(PartyAccount.WORLD, PartyAccount.SUPPLIER_DEPOSIT),
    /** A low rating costs the supplier part of its deposit. */
    DEPOSIT_PENALTY(PartyAccount.SUPPLIER_DEPOSIT, PartyAccount.PLATFORM),
    /** A data service charge paid by a supplier from outside. */
    DATA_SERVICE(PartyAccount.WORLD, PartyAccount.PLATFORM),
    /** An operating cost the platform paid. */
    OPERATING_COST(PartyAccount.PLATFORM, PartyAccount.WORLD);

    private final PartyAccount from;
    private final PartyAccount to;

    Movement(PartyAccount from, PartyAccount to) {
        if (from.asset() != to.asset()) {
            throw new IllegalStateException(name() + " moves between assets");
        }
        this.from = from;
        this.to = to;
    }

    public PartyAccount from() {
        return from;
    }

    public PartyAccount to() {
        return to;
    }

    public PartyAsset asset() {
        return from.asset();
    }
}
