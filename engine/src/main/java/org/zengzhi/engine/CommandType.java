package org.zengzhi.engine;

/** The kinds of {@link Command}, for exhaustive switches. */
public enum CommandType {
    SETTLE_ORDER,
    SELL_POINTS,
    INJECT_SUBSIDY,
    REGISTER_USER,
    ONBOARD_MERCHANT,
    SUSPEND_MERCHANT,
    APPOINT_AGENT,
    REMOVE_AGENT,
    PAY_ORDER,
    CONFIRM_RECEIPT,
    REFUND_ORDER,
    TICK,
    REASSIGN_REFERRER,
    GRANT_BONUS,
    CHANGE_PLAN,
    REQUEST_WITHDRAWAL,
    REVIEW_WITHDRAWAL,
    SETTLE_WITHDRAWAL,
    // Green points (issue 17), kept together at the end.
    APPOINT_PROMOTER,
    CLOSE_MONTH,
    // The four-party model (issue 18).
    REGISTER_SUPPLIER,
    LIST_PRODUCT,
    PAY_PARTY_ORDER,
    RATE_PRODUCT,
    TRANSFER_CONTRIB,
    REDEEM_CONTRIB,
    REDEEM_TOKENS,
    VERIFY_ORDER,
    SET_CREDIT_SCORE,
    ESCROW_STATEMENT,
    CHARGE_DATA_SERVICE,
    RECORD_OPERATING_COST,
    CLOSE_YEAR
}
