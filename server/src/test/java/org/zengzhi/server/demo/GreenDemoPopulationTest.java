package org.zengzhi.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.journal.Rejections;

/**
 * The green demo (issue 20 item 8) replayed on plans/green-points.yaml as shipped (pools starting at 1,000,000 and
 * 10,000,000 points): the engine refuses none of its commands, both pools pay dividends, vouchers are spent at
 * stores, coins in the coin mall, and promoters are paid at each month's close. Deterministic.
 */
class GreenDemoPopulationTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theGreenDemoReplaysWithoutRefusalAndPaysDividendsInBothPools_issue20Item8() throws Exception {
        Plan plan = greenPlan();
        List<Command> commands = DemoConfig.population(plan, NOW);
        List<Event> events = replay(plan, commands);

        assertThat(events.stream().filter(e -> e instanceof Event.CommandRejected).toList()).as("refused").isEmpty();
        List<Event.DividendPaid> dividends = events.stream().filter(e -> e instanceof Event.DividendPaid)
                .map(e -> (Event.DividendPaid) e).toList();
        assertThat(dividends.stream().filter(d -> d.pool().equalsIgnoreCase("consumer")).count()).isGreaterThanOrEqualTo(3);
        assertThat(dividends.stream().filter(d -> d.pool().equalsIgnoreCase("merchant")).count()).isGreaterThanOrEqualTo(1);
        assertThat(dividends).allSatisfy(d -> assertThat(d.vouchersFen()).isPositive());
        assertThat(commands.stream().filter(c -> c instanceof Command.PayOrder pay && pay.voucherFen() > 0).count())
                .as("store payments with vouchers").isGreaterThan(20);
        assertThat(events.stream().filter(e -> e instanceof Event.CoinsSpent).count()).as("coin-mall orders")
                .isGreaterThan(5);
        List<Event.PromoterMonthClosed> months = events.stream().filter(e -> e instanceof Event.PromoterMonthClosed)
                .map(e -> (Event.PromoterMonthClosed) e).toList();
        assertThat(months).as("promoters paid at a close").anySatisfy(m -> assertThat(m.personalFen()).isPositive());
        assertThat(months).as("a promoter promoted").anySatisfy(m -> assertThat(m.nextRank()).isNotEqualTo(m.rank()));
        assertThat(commands.get(commands.size() - 1).at()).isBefore(NOW);
        assertThat(DemoConfig.population(plan, NOW)).as("deterministic").isEqualTo(commands);
    }

    @Test
    void aPlanWithoutGreenPointsKeepsTheLocalLifeDemo() throws Exception {
        Plan plan = PlanFiles.checkText(resource("/plans/local-life.yaml")).plan();
        assertThat(DemoConfig.population(plan, NOW)).isEqualTo(DemoPopulation.commands(NOW));
    }

    static Plan greenPlan() throws Exception {
        return PlanFiles.checkText(resource("/plans/green-points.yaml")).plan();
    }

    private static String resource(String name) throws Exception {
        try (var in = GreenDemoPopulationTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Event> replay(Plan plan, List<Command> commands) {
        Engine engine = new Engine(plan, RegionDirectory.STANDARD);
        EngineOutput out = new EngineOutput();
        List<Event> events = new ArrayList<>();
        for (Command command : commands) {
            out.clear();
            engine.execute(command, out);
            Event.CommandRejected rejected = Rejections.of(out.events());
            if (rejected != null) {
                events.add(rejected);
            } else {
                events.addAll(out.events());
            }
        }
        return events;
    }
}
