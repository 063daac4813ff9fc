package org.zengzhi.engine.party;

/** Stable codes of the four-party model's business rejections. The names are a contract: never rename one. */
public enum PartyRejectionCode {
    /** An amount or quantity that must be positive was zero or negative. */
    NON_POSITIVE_AMOUNT,
    /** An amount above the engine's bound, or a product of price and quantity beyond it. */
    AMOUNT_TOO_LARGE,
    /** A holder handle below zero or beyond the model's bound. */
    INVALID_HOLDER,
    /** A supplier the model has never registered. */
    UNKNOWN_SUPPLIER,
    /** A product the model has never listed. */
    UNKNOWN_PRODUCT,
    /** A product cost above its price, or negative. */
    COST_OUT_OF_RANGE,
    /** An order id used by an order still open or held. */
    DUPLICATE_ORDER,
    /** An order the model never paid (or one closed before a version 1 snapshot, which kept no outcomes). */
    UNKNOWN_ORDER,
    /** A refund or second settlement of an order settled already. */
    ALREADY_SETTLED,
    /** A refund of an order refunded already (the code the appreciation model's order flow uses). */
    ALREADY_REFUNDED,
    /** A settlement before 30 days confirm + 7 days no return have passed. */
    NOT_DUE,
    /** A member tier the rules do not have. */
    UNKNOWN_TIER,
    /** More contribution value spent, redeemed or transferred than the holder has. */
    INSUFFICIENT_CONTRIB,
    /** More supplier tokens redeemed than the supplier has. */
    INSUFFICIENT_TOKENS,
    /** A transfer from a holder to themselves. */
    SAME_HOLDER,
    /** A verification of an order that is not flagged or was verified already. */
    NOT_FLAGGED,
    /** A traffic package the catalogue does not have. */
    UNKNOWN_PACKAGE,
    /** A fee reduction bought while one is waiting for next month already. */
    DISCOUNT_PENDING,
    /** A rating outside 0.00–5.00 stars. */
    INVALID_RATING,
    /** A credit score outside 0–1000. */
    INVALID_SCORE,
    /** A device or IP that is empty or too long. */
    INVALID_DEVICE,
    /** A command dated before the last one the model applied: time never goes back. */
    TIME_WENT_BACK,
    /** A named bound (…Max) of the model is reached. */
    LIMIT_REACHED
}
