package org.zengzhi.engine.rank;

/** What {@link PromoterBoard#closeMonth} returns: the close, or why there is none. */
public sealed interface MonthOutcome permits MonthClose, RankRejection {
}
