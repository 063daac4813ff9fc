package org.zengzhi.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.PlanError;

/** The shipped ladders are the seeds', and a wrong ladder is refused naming the field. */
class RankLadderTest {
    private static final Rank JUNIOR = Rank.entry("初级商务", 60_000, 10_000);

    @Test
    void greenPointsIsIssueSeventeensRuleSeven() {
        RankLadder ladder = ShippedLadders.GREEN_POINTS;

        assertThat(ladder.ranks()).containsExactly(
                new Rank("初级商务", 60_000, 10_000, 0, 0, 0, null, null, 0, 0),
                new Rank("见习商务专员", 50_000, 10_000, 240_000, 160_000, 3_000_000,
                        new Rank.PromoteAfter(3, 3_000_000, 10_000_000), new Rank.DemoteAfter(2, 3_000_000), 0, 0));
        assertThat(ladder.coachFullAtFen()).isEqualTo(1_000_000);
        assertThat(ladder.equityTopPpm()).isZero();
    }

    @Test
    void fourPartyIsSeedZerosLadderWithOurThresholds() {
        RankLadder ladder = ShippedLadders.FOUR_PARTY;

        assertThat(ladder.ranks()).extracting(Rank::name).containsExactly("推广者", "团队长", "区域合伙人", "城市代理");
        assertThat(ladder.ranks()).extracting(Rank::teamSizeAtLeast).containsExactly(0, 5, 30, 150);
        assertThat(ladder.ranks()).extracting(Rank::teamSalesAtLeastFen)
                .containsExactly(0L, 5_000_000L, 30_000_000L, 150_000_000L);
        assertThat(ladder.equityTopPpm()).isEqualTo(100_000);
    }

    @Test
    void eachWrongFieldIsNamed() {
        Rank bad = new Rank("", 1_000_001, -1, -1, 0, 5, new Rank.PromoteAfter(0, 0, 1), new Rank.DemoteAfter(25, 0),
                -1, -1);

        List<PlanError> errors = RankLadder.check(List.of(JUNIOR, bad), 0, 1_000_001);

        assertThat(errors).extracting(PlanError::field).containsExactly("ranks[1].name", "ranks[1].personal",
                "ranks[1].coaching", "ranks[1].fixedSubsidy", "ranks[1].target", "ranks[1].teamSizeAtLeast",
                "ranks[1].teamSalesAtLeast", "ranks[1].promoteAfter.months", "ranks[1].promoteAfter.atLeast",
                "ranks[1].demoteAfter.months", "ranks[1].demoteAfter.below", "coachFullAt", "equityTop");
    }

    @Test
    void theFirstRankHasNoConditionsAndAHigherOneNeedsOne() {
        Rank conditioned = new Rank("a", 0, 0, 0, 0, 0, new Rank.PromoteAfter(1, 1, 0), new Rank.DemoteAfter(1, 1), 1, 0);

        assertThat(RankLadder.check(List.of(conditioned, Rank.entry("b", 0, 0)), 1, 0))
                .extracting(PlanError::field).containsExactly("ranks[0].promoteAfter", "ranks[0].demoteAfter",
                        "ranks[0].teamSizeAtLeast", "ranks[1].promoteAfter");
    }

    @Test
    void namesAreUniqueAndTheLadderIsNotEmpty() {
        assertThat(RankLadder.check(List.of(JUNIOR, Rank.byTeam("初级商务", 1, 0)), 1, 0))
                .extracting(PlanError::field).containsExactly("ranks[1].name");
        assertThat(RankLadder.check(List.of(), 1, 0)).extracting(PlanError::field).containsExactly("ranks");
    }

    @Test
    void aShortcutBelowTheStreaksThresholdIsRefused() {
        Rank shortcut = new Rank("b", 0, 0, 0, 0, 0, new Rank.PromoteAfter(3, 3_000_000, 1_000_000), null, 0, 0);

        assertThat(RankLadder.check(List.of(JUNIOR, shortcut), 1, 0)).extracting(PlanError::field)
                .containsExactly("ranks[1].promoteAfter.orOneMonth");
    }

    @Test
    void aLadderThatExistsIsValid() {
        assertThatThrownBy(() -> new RankLadder(List.of(JUNIOR), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coachFullAt");
    }
}
