package org.zengzhi.log;

/** The values of a log line's "type" field; each maps to one engine command. */
enum LogCommandType {
    /** A settled order (SettleOrder). */
    ORDER("order"),
    /** 卖出: a holder sells points (SellPoints). */
    SELL("sell"),
    /** 融资补贴: the operator injects cash into the pool (InjectSubsidy). */
    SUBSIDY("subsidy"),
    /** A user joins, optionally invited by a referrer (RegisterUser). */
    REGISTER("register"),
    /** A merchant joins (OnboardMerchant). */
    MERCHANT("merchant"),
    /** The operator appoints a regional agent (AppointAgent). */
    AGENT("agent"),
    /** The operator removes a region's agent (RemoveAgent). */
    REMOVE_AGENT("removeAgent"),
    /** A consumer pays an order in a store or the mall (PayOrder). */
    PAY("pay"),
    /** The consumer confirms receipt of a mall order (ConfirmReceipt). */
    RECEIVE("receive"),
    /** An order is refunded (RefundOrder). */
    REFUND("refund"),
    /** Time passes; due orders settle (Tick). */
    TICK("tick"),
    /** The operator moves a user under another referrer (ReassignReferrer). */
    REASSIGN("reassign"),
    /** The operator suspends or reinstates a merchant (SuspendMerchant). */
    SUSPEND("suspend"),
    /** The operator pays a user a bonus from the platform's funds (GrantBonus). */
    BONUS("bonus"),
    /** The operator puts a new plan in force; "yaml" is the plan file's text (ChangePlan). */
    PLAN("plan"),
    /** 提现: a user asks to withdraw cash from the wallet (RequestWithdrawal). */
    WITHDRAW("withdraw"),
    /** The operator approves or rejects a requested withdrawal (ReviewWithdrawal). */
    REVIEW_WITHDRAWAL("reviewWithdrawal"),
    /** The payout provider's answer for an approved withdrawal (SettleWithdrawal). */
    SETTLE_WITHDRAWAL("settleWithdrawal"),
    // Green points (issue 17), kept together at the end.
    /** The operator appoints a promoter, with an optional coach (AppointPromoter). */
    PROMOTER("promoter"),
    /** A promoter month closes, e.g. "month": "2026-03" (CloseMonth). */
    CLOSE_MONTH("closeMonth"),
    // The four-party model (issue 18); "pay" with a "product" is a four-party payment, "refund" and "tick" serve both.
    /** A supplier joins (RegisterSupplier). */
    SUPPLIER("supplier"),
    /** A supplier lists a product (ListProduct). */
    PRODUCT("product"),
    /** A consumer rates a product (RateProduct). */
    RATE("rate"),
    /** Contribution value to another user, less the fee (TransferContrib). */
    TRANSFER("transfer"),
    /** Contribution value for cash (RedeemContrib), or a supplier's tokens for an item (RedeemTokens). */
    REDEEM("redeem"),
    /** The operator's verdict on a flagged order (VerifyOrder). */
    VERIFY("verify"),
    /** An external check sets a promoter's credit score (SetCreditScore). */
    CREDIT_SCORE("creditScore"),
    /** The custody provider's escrow balance (EscrowStatement). */
    ESCROW_STATEMENT("escrowStatement"),
    /** A data service charged to a supplier (ChargeDataService). */
    CHARGE("charge"),
    /** An operating cost entered by the operator (RecordOperatingCost). */
    COST("cost"),
    /** Closes a year in every model the plan enables (CloseYear). */
    CLOSE_YEAR("closeYear");

    private final String jsonName;

    LogCommandType(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    /** The type with this name, or {@code null} if the format has no such command. */
    static LogCommandType byName(String name) {
        for (LogCommandType type : values()) {
            if (type.jsonName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    static String names() {
        StringBuilder names = new StringBuilder();
        for (LogCommandType type : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(type.jsonName);
        }
        return names.toString();
    }
}
