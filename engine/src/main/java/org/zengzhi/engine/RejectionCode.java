package org.zengzhi.engine;

/**
 * Stable codes of business rejections (ARCHITECTURE rule 3). A rejected command changes nothing.
 * The names are part of the public contract: never rename one.
 */
public enum RejectionCode {
    /** An amount or a quantity that must be positive was zero or negative. */
    NON_POSITIVE_AMOUNT,
    /** A pool contribution below zero. */
    NEGATIVE_POOL_SHARE,
    /** A pool contribution larger than the order amount. */
    POOL_SHARE_EXCEEDS_AMOUNT,
    /** An amount above {@link Limits#AMOUNT_FEN_MAX}. */
    AMOUNT_TOO_LARGE,
    /** A participant id that is empty or longer than {@link Limits#PARTICIPANT_ID_LENGTH_MAX}. */
    INVALID_PARTICIPANT_ID,
    /** A participant the engine has never seen. */
    UNKNOWN_PARTICIPANT,
    /** A sale of more points than the participant holds. */
    INSUFFICIENT_POINTS,
    /** The engine holds {@link Limits#PARTICIPANTS_MAX} participants already. */
    PARTICIPANT_LIMIT_REACHED,
    /** A user who is registered already. */
    ALREADY_REGISTERED,
    /** A referrer the engine has never seen. */
    UNKNOWN_REFERRER,
    /** The referral would make a cycle (a user under themselves, directly or further down). */
    REFERRAL_CYCLE,
    /** An operator action without the reason it must carry. */
    REASON_REQUIRED,
    /** A merchant id that is taken. */
    MERCHANT_EXISTS,
    /** A merchant the engine has never seen. */
    UNKNOWN_MERCHANT,
    /** A merchant id that is empty or too long. */
    INVALID_MERCHANT_ID,
    /** The merchant is suspended and takes no payment. */
    MERCHANT_SUSPENDED,
    /** A commission rate outside the plan's bounds. */
    COMMISSION_OUT_OF_RANGE,
    /** A region code that is not in the GB/T 2260 table. */
    UNKNOWN_REGION,
    /** The region has an active agent already. */
    REGION_TAKEN,
    /** The region has no active agent. */
    NO_AGENT,
    /** An order id used before. */
    DUPLICATE_ORDER,
    /** An order the engine has never seen. */
    UNKNOWN_ORDER,
    /** A store order needs a merchant. */
    MERCHANT_REQUIRED,
    /** A mall split whose parts do not add up to the cash amount, or a negative part. */
    SPLIT_MISMATCH,
    /** A split given for a store order, whose split comes from the commission. */
    SPLIT_NOT_ALLOWED,
    /** Deduction points on a store order, or more of the price than the plan allows. */
    DEDUCT_NOT_ALLOWED,
    /** Fewer deduction points available than the order wants to spend. */
    INSUFFICIENT_DEDUCT,
    /** Receipt confirmed for a store order or an order not awaiting it. */
    NOT_AWAITING_RECEIPT,
    /** A refund of an order refunded already. */
    ALREADY_REFUNDED,
    /** A withdrawal id that is empty or longer than {@link Limits#PARTICIPANT_ID_LENGTH_MAX}. */
    INVALID_WITHDRAWAL_ID,
    /** A withdrawal id used before. */
    DUPLICATE_WITHDRAWAL,
    /** A withdrawal the engine has never seen. */
    UNKNOWN_WITHDRAWAL,
    /** A withdrawal below the plan's minimum. */
    BELOW_WITHDRAWAL_MINIMUM,
    /** A withdrawal of more cash than the wallet holds. */
    INSUFFICIENT_CASH,
    /** A withdrawal that would take the user's requests of the day above the plan's daily limit. */
    DAILY_LIMIT_EXCEEDED,
    /** A review of a withdrawal that is not waiting for one (approved, paid, rejected or failed already). */
    WITHDRAWAL_NOT_AWAITING_REVIEW,
    /** A payout answer for a withdrawal that is not approved and unpaid: never pay twice. */
    WITHDRAWAL_NOT_AWAITING_PAYOUT,
    /** A reason or reference longer than {@link Limits#TEXT_LENGTH_MAX}. */
    TEXT_TOO_LONG,
    // Green points (issue 17), kept together at the end.
    /** A voucher part that is negative, above the amount, or on an order that cannot take one (rule 6). */
    VOUCHER_NOT_ALLOWED,
    /** A payment with more vouchers than the payer holds at that moment (rule 6). */
    INSUFFICIENT_VOUCHERS,
    /** A green-points command under a plan without a greenPoints section. */
    GREEN_POINTS_OFF,
    /** The user is a promoter already (rule 7). */
    ALREADY_PROMOTER,
    /** The coach is not a promoter: a coach is appointed first, so there are no cycles. */
    UNKNOWN_COACH,
    /** The coach chain would be longer than the board allows. */
    COACH_CHAIN_TOO_DEEP,
    /** The board holds as many promoters as it may. */
    PROMOTER_LIMIT_REACHED,
    /** An appointment into a month that is closed already. */
    MONTH_CLOSED,
    /** A month outside the years 1 – 9999. */
    INVALID_MONTH,
    /** No promoter was appointed by that month, so there is nothing to close. */
    NOTHING_TO_CLOSE,
    /** The month is closed already. */
    MONTH_ALREADY_CLOSED,
    /** An earlier month is still open: months close one after another. */
    MONTH_OUT_OF_ORDER,
    /** The close comes before the month's end in the plan's zone. */
    MONTH_NOT_ENDED,
    /** A coin-mall payment with more gold coins than the payer holds at that moment (rule 6). */
    INSUFFICIENT_COINS,
    // The four-party model (issue 18): the names of PartyRejectionCode, so that one maps to the other by name.
    /** A four-party command under a plan without the fourParty section. */
    FOUR_PARTY_OFF,
    /** A four-party holder the model cannot take (beyond the participant limit). */
    INVALID_HOLDER,
    /** A supplier id that is empty, too long or not printable. */
    INVALID_SUPPLIER_ID,
    /** A supplier registered twice. */
    SUPPLIER_EXISTS,
    /** A supplier that never registered. */
    UNKNOWN_SUPPLIER,
    /** A product id that is empty, too long or not printable. */
    INVALID_PRODUCT_ID,
    /** A product listed twice. */
    PRODUCT_EXISTS,
    /** A product that was never listed. */
    UNKNOWN_PRODUCT,
    /** A declared cost of goods below 0 or above the price. */
    COST_OUT_OF_RANGE,
    /** A refund or settlement of a four-party order that settled already. */
    ALREADY_SETTLED,
    /** A four-party order settled before its windows closed. */
    NOT_DUE,
    /** A member tier the four-party rules have no rebate for. */
    UNKNOWN_TIER,
    /** More contribution value than the holder has. */
    INSUFFICIENT_CONTRIB,
    /** More supplier tokens than the supplier has. */
    INSUFFICIENT_TOKENS,
    /** A transfer of contribution value to oneself. */
    SAME_HOLDER,
    /** A verdict on an order the risk check did not flag. */
    NOT_FLAGGED,
    /** A traffic package not in the plan's catalogue. */
    UNKNOWN_PACKAGE,
    /** A second fee reduction bought before the first came into force. */
    DISCOUNT_PENDING,
    /** A rating outside 0 to 500 hundredths of a star. */
    INVALID_RATING,
    /** A credit score outside 0 to 1000. */
    INVALID_SCORE,
    /** A device id or IP that is empty or too long. */
    INVALID_DEVICE,
    /** A timed four-party command dated before the last one applied. */
    TIME_WENT_BACK,
    /** A four-party store at its bound (suppliers, products, open orders, held orders, sightings). */
    LIMIT_REACHED,
    /** A month or year to close that is not of the form 2026-01 or 2026, or not the next one due. */
    INVALID_PERIOD,
    // Store wallets (issue 19 item 2).
    /** A store withdrawal by a user who does not own the store. */
    NOT_MERCHANT_OWNER,
    // Suppliers' wallets (issue 19 item 2).
    /** A supplier withdrawal by a user who does not own the supplier (or of a supplier without an owner). */
    NOT_SUPPLIER_OWNER,
    /** A withdrawal that names both a store and a supplier: it draws on one wallet only. */
    ONE_WALLET_ONLY
}
