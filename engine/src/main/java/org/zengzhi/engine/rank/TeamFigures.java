package org.zengzhi.engine.rank;

/**
 * A promoter's team in a closed month, derived from the coach tree: {@code size} promoters below them
 * (directly or further down) and those promoters' metric in the month, the promoter's own left out.
 */
public record TeamFigures(int user, int size, long salesFen) {
}
