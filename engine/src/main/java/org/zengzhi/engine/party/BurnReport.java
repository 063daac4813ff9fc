package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;

/**
 * A month's burn (issue 18 rule 5). Targets are ⌊circulating·rate⌋; in a buy-back whose budget is short,
 * both targets shrink in proportion so that their face value fits the budget, and {@code shortFen} says by
 * how much. Each holder burns ⌊holding·burned target / circulating⌋, so what is burned can be a little
 * below the target: the remainder stays in circulation, never rounded up against a holder. In a pro-rata
 * burn nobody is paid: {@code haircut} is true and the reserve behind the burned contribution value goes to
 * the platform.
 */
public record BurnReport(PartyRules.BurnMode mode, long contribCirculatingFen, long contribTargetFen,
                         long contribBurnedFen, long stokenCirculatingFen, long stokenTargetFen, long stokenBurnedFen,
                         long budgetFen, long paidFen, long shortFen, boolean haircut) {
}
