package org.zengzhi.engine.rank;

/** What {@link PromoterBoard#closeYear} returns: the equity split, or why there is none. */
public sealed interface YearOutcome permits YearClose, RankRejection {
}
