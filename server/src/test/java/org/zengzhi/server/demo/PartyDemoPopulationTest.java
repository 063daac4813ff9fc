package org.zengzhi.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.LogLines;
import org.zengzhi.log.PlanFiles;

/**
 * The four-party demo (issue 20 item 8) run through an engine on plans/four-party.yaml: the engine accepts it,
 * and it leaves what the operator's pages show — settlements, held orders in the risk queue, a month closed
 * with its burn, escrow statements (one a finding), costs and charges. Deterministic.
 */
class PartyDemoPopulationTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:30:00Z");

    static Plan plan() throws Exception {
        String yaml = new String(PartyDemoPopulationTest.class.getResourceAsStream("/plans/four-party.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        return PlanFiles.checkText(yaml).plan();
    }

    @Test
    void theEngineAcceptsTheDemoAndItFillsEveryPartOfTheOperatorsPage() throws Exception {
        Plan plan = plan();
        List<Command> all = PartyDemoPopulation.commands(NOW, plan);
        List<Command> accepted = DemoConfig.accepted(all, plan);
        assertThat(accepted.size()).as("a few ratings or orders may be refused, not many")
                .isGreaterThan(all.size() * 98 / 100);
        Engine engine = new Engine(plan, RegionDirectory.STANDARD);
        EngineOutput out = new EngineOutput();
        int settled = 0;
        int flagged = 0;
        int closes = 0;
        int findings = 0;
        int statements = 0;
        for (Command command : accepted) {
            assertThat(command.at()).isBefore(NOW);
            out.clear();
            engine.execute(command, out);
            for (Event event : out.events()) {
                if (event instanceof Event.PartyOrderSettled) {
                    settled++;
                } else if (event instanceof Event.PartyOrderPaid paid && !"CLEAR".equals(paid.risk())) {
                    flagged++;
                } else if (event instanceof Event.PartyMonthClosed closed) {
                    closes++;
                    assertThat(closed.close().pnl().gmvFen()).as("the month has settled sales").isPositive();
                    assertThat(closed.close().pnl().operatingCostFen()).isPositive();
                    assertThat(closed.close().burn().contribBurnedFen()).as("the burn").isPositive();
                } else if (event instanceof Event.EscrowReconciled reconciled) {
                    statements++;
                    findings += reconciled.differenceFen() != 0 ? 1 : 0;
                }
            }
        }
        assertThat(settled).as("30 + 7 days have passed for weeks of orders").isGreaterThan(300);
        assertThat(flagged).as("two bursts of five from one device: the 4th and 5th of each").isEqualTo(4);
        assertThat(engine.party().model().heldOrders()).as("the older burst settled, its rewards held").isEqualTo(2);
        assertThat(closes).isGreaterThanOrEqualTo(1);
        assertThat(statements).isEqualTo(2);
        assertThat(findings).isEqualTo(1);
        assertThat(engine.party().model().invariantBreaches()).isEmpty();
        org.zengzhi.engine.rank.PromoterBoard board = engine.party().closes().board();
        List<String> ranks = new java.util.ArrayList<>();
        for (int slot = 0; slot < board.promoters(); slot++) {
            ranks.add(board.rankOf(board.promoterAt(slot)).map(org.zengzhi.engine.rank.Rank::name).orElse(null));
        }
        assertThat(ranks).as("promoters climb the ladder at the close").contains("团队长").contains("推广者");
    }

    @Test
    void theSameStartGivesTheSameCommands() throws Exception {
        Plan plan = plan();
        List<String> first = PartyDemoPopulation.commands(NOW, plan).stream().map(LogLines::write).toList();
        List<String> second = PartyDemoPopulation.commands(NOW, plan).stream().map(LogLines::write).toList();
        assertThat(second).isEqualTo(first);
    }
}
