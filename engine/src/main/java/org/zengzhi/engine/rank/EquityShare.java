package org.zengzhi.engine.rank;

/** A top promoter's part of the year's equity pool, pro rata to their promoted sales of the year. */
public record EquityShare(int user, long salesFen, long shareFen) {
}
