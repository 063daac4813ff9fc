package org.zengzhi.cli.simulate.party;

import org.zengzhi.simulator.party.*;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.cli.Main;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * scenarios/four-party-risk.yaml (issue 18 deliver 5): determinism, the report's figures against the engine's
 * ledger, and the written command log replayed by {@code zengzhi replay} to the same state.
 */
class FourPartyRiskScenarioTest {
    private static final Path FILE = Path.of("../scenarios/four-party-risk.yaml");
    private static PartyResult result;

    @BeforeAll
    static void run() throws Exception {
        result = PartySimulation.run(PartyScenarioReader.read(FILE), true);
    }

    @Test
    void theScenarioRunsWithoutARefusedCommand() {
        assertThat(result.rejected()).isZero();
        assertThat(result.months()).extracting(PartyMonth::month).containsExactly("2026-11", "2026-12", "2027-01");
    }

    /** Same scenario and seed: the same state hash and the same P&L; another seed: another run. */
    @Test
    void determinism() throws Exception {
        PartyScenario scenario = PartyScenarioReader.read(FILE);
        PartyResult again = PartySimulation.run(scenario, false);
        assertThat(again.stateHash()).isEqualTo(result.stateHash());
        assertThat(PartyReport.pnlCsv(again)).isEqualTo(PartyReport.pnlCsv(result));
        assertThat(PartyReport.monthsCsv(again)).isEqualTo(PartyReport.monthsCsv(result));
        assertThat(PartySimulation.run(scenario.withSeed(8), false).stateHash()).isNotEqualTo(result.stateHash());
    }

    /** the CONTRIB reserve equals outstanding CONTRIB after every close: custody agrees with the ledger. */
    @Test
    void theReserveBacksEveryContribAndEscrowReconciles() {
        for (PartyMonth month : result.months()) {
            assertThat(month.reserveFen()).isPositive().isEqualTo(month.outstandingFen());
            assertThat(month.escrowDifferenceFen()).isZero();
        }
        assertThat(result.balanceFen("CONTRIB_RESERVE")).isEqualTo(-result.balanceFen("CONTRIB_ISSUANCE"));
        assertThat(result.balanceFen("CUSTODY_ESCROW")).isZero();
    }

    /** The report's sums reconcile with the engine's ledger and with its own P&L. */
    @Test
    void figuresReconcileWithTheLedger() {
        long prepaid = result.suppliers().stream().mapToLong(PartySupplier::prepaidFen).sum();
        long settled = result.suppliers().stream().mapToLong(PartySupplier::settledFen).sum();
        long clawed = result.suppliers().stream().mapToLong(PartySupplier::clawedBackFen).sum();
        long share = result.suppliers().stream().mapToLong(PartySupplier::shareFen).sum();
        assertThat(share).isEqualTo(result.totalFen("supplierShare"));
        assertThat(prepaid).isEqualTo(result.months().stream().mapToLong(PartyMonth::prepaidFen).sum());
        assertThat(clawed).isPositive();
        // Suppliers' cash: prepaid − clawed back + paid at settlement + baseline bonuses (deposit penalties take the deposit).
        assertThat(result.balanceFen("SUPPLIER_CASH") - result.balanceFen("SUPPLIER_RECEIVABLE"))
                .isEqualTo(prepaid - clawed + settled + result.totalFen("baselineBonuses"));
        // The platform's account holds exactly what the closes say it gained.
        assertThat(result.balanceFen("PARTY_RESULT")).isEqualTo(result.totalFen("platformResult"));
        // Rule 2 per month: the parts of the waterfall sum to the GMV.
        for (PartyMonth month : result.months()) {
            assertThat(PartyReport.WATERFALL.stream().mapToLong(line -> month.pnlFen(line[0])).sum())
                    .isEqualTo(month.pnlFen("gmv"));
        }
        // flagged orders held rewards, verdicts released or cancelled them; low scores had commission withheld.
        assertThat(result.months()).allSatisfy(month -> {
            assertThat(month.flagged()).isPositive();
            assertThat(month.heldFen()).isEqualTo(month.releasedFen() + month.cancelledFen());
            assertThat(month.withheldFen()).isPositive().isEqualTo(month.pnlFen("withheld"));
            assertThat(month.cancelledFen()).isEqualTo(month.pnlFen("cancelled"));
        });
        assertThat(result.equityPools()).hasSize(1);
        assertThat(result.months().get(0).ranks()).containsKeys("推广者", "团队长");
    }

    /** The log the report writes, replayed by {@code zengzhi replay}, reaches the simulator's state and P&L. */
    @Test
    void theWrittenLogReplaysToTheSameState(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] { "replay", "--plan", "../plans/four-party.yaml" },
                new ByteArrayInputStream(result.log().getBytes(StandardCharsets.UTF_8)), out, new ByteArrayOutputStream());
        assertThat(code).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> closes = new ArrayList<>();
        JsonNode state = null;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode event = mapper.readTree(line);
            if (event.get("event").asString().equals("monthClosed")) {
                closes.add(event.get("pnl"));
            }
            state = event;
        }
        assertThat(state.get("stateHash").asString()).isEqualTo(result.stateHash());
        assertThat(closes).containsExactlyElementsOf(result.months().stream().map(PartyMonth::pnl).toList());
        PartyReport.write(result, dir, org.zengzhi.simulator.ReportLanguage.ZH);
        assertThat(Files.readString(dir.resolve("commands.jsonl"))).isEqualTo(result.log());
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<th>冻结</th>").contains("年度虚拟股权池");
    }
}
