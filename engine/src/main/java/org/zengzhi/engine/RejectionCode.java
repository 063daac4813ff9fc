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
    PARTICIPANT_LIMIT_REACHED
}
