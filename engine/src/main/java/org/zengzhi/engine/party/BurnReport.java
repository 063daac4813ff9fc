package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;

/**
 * A month's burn (issue 18 rule 5). Each holder's part is ⌊holding·rate⌋ and the targets are the sums of
 * those parts (so a target can be a little below ⌊circulating·rate⌋: nothing is rounded up against a
 * holder). In a buy-back whose budget is short, each part shrinks to ⌊part·budget/wanted⌋, and
 * {@code shortFen} says how much of the wanted face value was not bought back. In a pro-rata burn nobody
 * is paid: {@code haircut} is true and the reserve behind the burned contribution value goes to the
 * platform.
 */
public record BurnReport(PartyRules.BurnMode mode, long contribCirculatingFen, long contribTargetFen,
                         long contribBurnedFen, long stokenCirculatingFen, long stokenTargetFen, long stokenBurnedFen,
                         long budgetFen, long paidFen, long shortFen, boolean haircut) {
}
