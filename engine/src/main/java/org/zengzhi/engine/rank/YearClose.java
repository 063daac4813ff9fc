package org.zengzhi.engine.rank;

import java.time.Year;
import java.util.List;

/**
 * A closed year (seed 000's 虚拟股 dividend): the pool, the sales a promoter needed to be among the top
 * ({@code thresholdFen}, 0 when nobody qualified), the shares in appointment order, and the dust that the
 * rounding down leaves, returned to whoever funded the pool.
 */
public record YearClose(Year year, long poolFen, int promoters, long thresholdFen, List<EquityShare> shares,
        long dustFen) implements YearOutcome {

    public YearClose {
        shares = List.copyOf(shares);
    }
}
