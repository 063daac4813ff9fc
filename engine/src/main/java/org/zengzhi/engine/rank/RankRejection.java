package org.zengzhi.engine.rank;

/** Why the board refused a call, and the parameter at fault. The board is unchanged. */
public record RankRejection(RankRejectionCode code, String field) implements MonthOutcome, YearOutcome {
}
