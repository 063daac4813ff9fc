package org.zengzhi.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * Random appointments, metrics and month closes on each shipped ladder and on one whose ranks coach at
 * different rates: per month, the coaching paid plus the untaken equals what the promoters' months offered,
 * and each coach's take is what a plain walk of rule 7 over the rows and the coach map gives; personal commissions are the rank's rate of the metric; the same calls
 * give the same outcomes and bytes; and a board read from its snapshot carries on exactly like the original.
 */
class RankProperties {
    private static final YearMonth START = YearMonth.of(2026, 1);
    private static final RankLadder TWO_RATES = new RankLadder(List.of(Rank.entry("low", 60_000, 10_000),
            new Rank("high", 50_000, 25_000, 240_000, 160_000, 300_000, new Rank.PromoteAfter(2, 300_000, 900_000),
                    new Rank.DemoteAfter(1, 300_000), 0, 0)), 500_000, 0);

    /** 0–3: appoint (pick chooses the coach, 0 none), 4–8: add a metric, 9: close the next month. */
    record Step(int kind, int pick, int monthAhead, long amountFen) {
    }

    record Scenario(RankLadder ladder, List<Step> steps, int cut) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Long> amount = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.longs().between(1, 1_500_000)),
                Tuple.of(3, Arbitraries.longs().between(1_500_000, 12_000_000)),
                Tuple.of(1, Arbitraries.of(0L, -1L, PromoterBoard.METRIC_FEN_MAX)));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 2), amount).as(Step::new);
        Arbitrary<RankLadder> ladder = Arbitraries.of(ShippedLadders.GREEN_POINTS, ShippedLadders.FOUR_PARTY, TWO_RATES);
        return Combinators.combine(ladder, step.list().ofMinSize(1).ofMaxSize(150), Arbitraries.integers().between(0, 150))
                .as(Scenario::new);
    }

    /** Runs steps on a board, remembering each promoter's coach; what every call returned, in order. */
    private static final class Run {
        final PromoterBoard board;
        final Map<Integer, Integer> coachOf = new HashMap<>();
        final List<Object> outcomes = new ArrayList<>();

        Run(PromoterBoard board) {
            this.board = board;
        }

        void apply(Step step) {
            YearMonth open = board.nextMonthToClose().orElse(START);
            int promoters = board.promoters();
            if (step.kind() <= 3) {
                int user = 2 * promoters + 1;
                int coach = step.pick() == 0 || promoters == 0 ? PromoterBoard.NO_COACH : 2 * (step.pick() % promoters) + 1;
                Optional<RankRejection> outcome = board.appoint(user, coach, open.plusMonths(step.monthAhead() / 2));
                outcomes.add(outcome);
                if (outcome.isEmpty()) {
                    coachOf.put(user, coach);
                }
            } else if (step.kind() <= 8) {
                int user = 2 * (step.pick() % Math.max(1, promoters)) + 1;
                outcomes.add(board.addMetric(user, open.plusMonths(step.monthAhead()), step.amountFen()));
            } else {
                outcomes.add(board.closeMonth(open, Boards.endOf(open), Boards.ZONE));
            }
        }
    }

    @Property(tries = 300)
    void coachingPaidPlusUntakenIsWhatWasOfferedAndEachTakeIsRuleSeven(@ForAll("scenarios") Scenario scenario) {
        Run run = run(scenario.ladder(), scenario.steps());
        for (Object outcome : run.outcomes) {
            if (outcome instanceof MonthClose close) {
                assertConserved(scenario.ladder(), run.coachOf, close);
                assertCoachingAsWalked(scenario.ladder(), run.coachOf, close);
            }
        }
    }

    private static void assertConserved(RankLadder ladder, Map<Integer, Integer> coachOf, MonthClose close) {
        Map<Integer, PromoterMonth> rows = new HashMap<>();
        close.promoters().forEach(row -> rows.put(row.user(), row));
        long offered = 0;
        long paid = close.untakenFen();
        for (PromoterMonth row : close.promoters()) {
            Rank held = rankNamed(ladder, row.rank());
            assertThat(row.personalFen()).isEqualTo(Exact.mulDivFloor(row.metricFen(), held.personalRatePpm(), Limits.PPM));
            assertThat(row.coachingFen()).isNotNegative();
            paid += row.coachingFen();
            int coach = coachOf.get(row.user());
            if (coach != PromoterBoard.NO_COACH) {
                Rank coachRank = rankNamed(ladder, rows.get(coach).rank());
                offered += Exact.mulDivFloor(row.metricFen(), coachRank.coachingRatePpm(), Limits.PPM);
            }
        }
        assertThat(close.untakenFen()).isNotNegative();
        assertThat(paid).isEqualTo(offered);
        Statistics.label("coaching").collect(offered == 0 ? "none offered"
                : close.untakenFen() == 0 ? "all taken" : close.untakenFen() == offered ? "none taken" : "part taken");
        Statistics.label("promotions").collect(close.promoters().stream().anyMatch(row -> !row.rank().equals(row.nextRank())));
    }

    /** Rule 7 walked again from the rows and the coach map alone: each promoter's coaching as recomputed. */
    private static void assertCoachingAsWalked(RankLadder ladder, Map<Integer, Integer> coachOf, MonthClose close) {
        Map<Integer, PromoterMonth> rows = new HashMap<>();
        close.promoters().forEach(row -> rows.put(row.user(), row));
        Map<Integer, Long> taken = new HashMap<>();
        long untaken = 0;
        for (PromoterMonth row : close.promoters()) {
            int coach = coachOf.get(row.user());
            long rest = coach == PromoterBoard.NO_COACH ? 0
                    : Exact.mulDivFloor(row.metricFen(), rankNamed(ladder, rows.get(coach).rank()).coachingRatePpm(), Limits.PPM);
            for (; coach != PromoterBoard.NO_COACH; coach = coachOf.get(coach)) {
                long own = Math.min(rows.get(coach).metricFen(), ladder.coachFullAtFen());
                long take = Exact.mulDivFloor(rest, own, ladder.coachFullAtFen());
                taken.merge(coach, take, Long::sum);
                rest -= take;
            }
            untaken += rest;
        }
        for (PromoterMonth row : close.promoters()) {
            assertThat(row.coachingFen()).isEqualTo(taken.getOrDefault(row.user(), 0L));
        }
        assertThat(close.untakenFen()).isEqualTo(untaken);
    }

    private static Rank rankNamed(RankLadder ladder, String name) {
        return ladder.ranks().stream().filter(rank -> rank.name().equals(name)).findFirst().orElseThrow();
    }

    @Property(tries = 200)
    void theSameCallsGiveTheSameOutcomesAndBytes(@ForAll("scenarios") Scenario scenario) {
        Run first = run(scenario.ladder(), scenario.steps());
        Run second = run(scenario.ladder(), scenario.steps());

        assertThat(second.outcomes).isEqualTo(first.outcomes);
        assertThat(Boards.snapshot(second.board)).isEqualTo(Boards.snapshot(first.board));
    }

    @Property(tries = 200)
    void aBoardReadFromItsSnapshotCarriesOnLikeTheOriginal(@ForAll("scenarios") Scenario scenario) throws IOException {
        int cut = Math.min(scenario.cut(), scenario.steps().size());
        Run original = run(scenario.ladder(), scenario.steps().subList(0, cut));
        byte[] bytes = Boards.snapshot(original.board);
        Run restored = new Run(BoardCodec.read(scenario.ladder(), new DataInputStream(new ByteArrayInputStream(bytes))));
        restored.coachOf.putAll(original.coachOf);
        assertThat(Boards.snapshot(restored.board)).isEqualTo(bytes);
        int before = original.outcomes.size();

        for (Step step : scenario.steps().subList(cut, scenario.steps().size())) {
            original.apply(step);
            restored.apply(step);
        }

        assertThat(restored.outcomes).isEqualTo(original.outcomes.subList(before, original.outcomes.size()));
        assertThat(Boards.snapshot(restored.board)).isEqualTo(Boards.snapshot(original.board));
    }

    private static Run run(RankLadder ladder, List<Step> steps) {
        Run run = new Run(new PromoterBoard(ladder));
        steps.forEach(run::apply);
        return run;
    }
}
