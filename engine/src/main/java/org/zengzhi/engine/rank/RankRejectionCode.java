package org.zengzhi.engine.rank;

/**
 * Stable codes of the board's business rejections (ARCHITECTURE rule 4). A rejected call changes nothing.
 * The names are part of the contract: never rename one. The engine's dispatcher maps them onto its own
 * rejection codes when the rank commands are wired.
 */
public enum RankRejectionCode {
    /** A user handle below zero or beyond {@link org.zengzhi.engine.Limits#PARTICIPANTS_MAX}. */
    INVALID_USER,
    /** A month or year outside 1–9999. */
    INVALID_MONTH,
    /** The user is a promoter already. */
    ALREADY_PROMOTER,
    /** The user is not a promoter. */
    UNKNOWN_PROMOTER,
    /** The coach is not a promoter (yet): a coach must be appointed first, so there are no cycles. */
    UNKNOWN_COACH,
    /** The coach chain would be longer than {@link PromoterBoard#COACH_CHAIN_MAX}. */
    COACH_CHAIN_TOO_DEEP,
    /** The board holds {@link PromoterBoard#PROMOTERS_MAX} promoters already. */
    PROMOTER_LIMIT_REACHED,
    /** An appointment for a month before the latest appointment's: appointments come in time order. */
    APPOINTMENT_OUT_OF_ORDER,
    /** A metric or an appointment for a month that is closed already. */
    MONTH_CLOSED,
    /** A metric for a month before the promoter's appointment. */
    BEFORE_APPOINTMENT,
    /** A metric for a month {@link PromoterBoard#OPEN_MONTHS_MAX} or more after the next month to close. */
    MONTH_TOO_FAR_AHEAD,
    /** An amount that must be positive was zero or negative. */
    NON_POSITIVE_AMOUNT,
    /** The month's metric would exceed {@link PromoterBoard#METRIC_FEN_MAX}. */
    METRIC_TOO_LARGE,
    /** No promoter was appointed by that month or year, so there is nothing of it to close. */
    NOTHING_TO_CLOSE,
    /** The month is closed already. */
    MONTH_ALREADY_CLOSED,
    /** An earlier month is still open: months close one after another. */
    MONTH_OUT_OF_ORDER,
    /** The close comes before the month's end in the plan's zone. */
    MONTH_NOT_ENDED,
    /** The ladder shares no equity pool (its top share is 0). */
    NO_EQUITY_POOL,
    /** An equity pool below zero or above {@link org.zengzhi.engine.Limits#AMOUNT_FEN_MAX}. */
    INVALID_POOL,
    /** The year is closed already. */
    YEAR_ALREADY_CLOSED,
    /** December of the year is not closed yet. */
    YEAR_NOT_ENDED,
    /** An earlier year can still be closed and is not: years close one after another. */
    YEAR_OUT_OF_ORDER,
    /** The year's sales were dropped when months two years later began to close. */
    YEAR_EXPIRED
}
