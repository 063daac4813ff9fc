package org.zengzhi.engine.plan;

import org.zengzhi.engine.PlanError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.PlanYaml;
import org.zengzhi.engine.partyrules.PartyRules;

/** The plan's {@code fourParty} section (issue 18 deliver 3): the preset is seed 000 as written; errors name the field. */
class PartyPlanSectionTest {

    private static String preset() throws IOException {
        return Files.readString(Path.of("../plans/four-party.yaml"));
    }

    @Test
    void thePresetIsSeed000AsWritten() throws IOException {
        PlanCheck check = PlanYaml.read(preset());
        assertThat(check.errors()).isEmpty();
        PartyRules rules = check.plan().party();
        assertThat(rules.feePpm()).isEqualTo(60_000);
        assertThat(rules.rebateTiersPpm()).containsExactly(80_000L, 120_000L);
        assertThat(rules.commissionPpm()).isEqualTo(120_000);
        assertThat(rules.supplierSharePpm()).isEqualTo(550_000);
        assertThat(rules.prepayPpm()).isEqualTo(300_000);
        assertThat(rules.burnPpm()).isEqualTo(50_000);
        assertThat(rules.settlementDelay()).isEqualTo(Duration.ofDays(37));
        assertThat(rules.ratingMinCenti()).isEqualTo(450);
        assertThat(rules.equityPoolPpm()).isEqualTo(100_000);
        assertThat(check.warnings()).extracting(Finding::code)
                .containsExactly(PartyCompliance.PARTY_TOKENS, PartyCompliance.PARTY_FUNDS_STAY);
    }

    /** Issue 18: months close on the plan's calendar; Asia/Shanghai unless the section names another zone. */
    @Test
    void theTimeZoneIsShanghaiUnlessThePlanNamesAnother() throws IOException {
        assertThat(PlanYaml.read(preset()).plan().party().timeZone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
        String without = preset().replace("  timeZone: Asia/Shanghai", "  ");
        assertThat(PlanYaml.read(without).plan().party().timeZone()).isEqualTo(PartyRules.DEFAULT_TIME_ZONE);
        String berlin = preset().replace("  timeZone: Asia/Shanghai", "  timeZone: Europe/Berlin");
        assertThat(PlanYaml.read(berlin).plan().party().timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        PlanCheck bad = PlanYaml.read(preset().replace("  timeZone: Asia/Shanghai", "  timeZone: Mars/Olympus"));
        assertThat(bad.plan()).isNull();
        assertThat(bad.errors()).extracting(PlanError::field).contains("fourParty.timeZone");
    }

    @Test
    void aPlanWithoutTheSectionHasNoFourPartyModel() {
        assertThat(PlanYaml.read("name: plain\n").plan().party()).isNull();
    }

    @Test
    void everyErrorNamesItsFieldAndThePartsAreChecked() throws IOException {
        String bad = preset().replace("  fee: 6%", "  fee: 9%").replace("burnMode: proRata", "burnMode: haircut")
                .replace("  supplierShare: 55%", "  supplierShare: 60%").replace("  commission: 12%", "  commission: 15%")
                .replace("  inviteReward: 8%", "  inviteReward: 9%  ").replace("  stokenRate: 1%", "  stokenRate: 1%\n  colour: red");
        PlanCheck check = PlanYaml.read(bad);
        assertThat(check.plan()).isNull();
        List<String> fields = check.errors().stream().map(PlanError::field).toList();
        assertThat(fields).contains("fourParty.fee", "fourParty.burnMode", "fourParty.colour", "fourParty.parts");
    }

    @Test
    void aTeamAllowanceAndARankFeeCarryTheirLegalMarks() throws IOException {
        String marked = preset().replace("  teamAllowance: 0%       #", "  teamAllowance: 3%       #")
                .replace("  riskAcknowledged: false\n  inviteReward", "  riskAcknowledged: true\n  inviteReward")
                .replace("  agentFee: 0.00", "  agentFee: 50000.00");
        PlanCheck check = PlanYaml.read(marked);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).extracting(Finding::code)
                .contains(PartyCompliance.PARTY_TEAM_ALLOWANCE, PartyCompliance.PARTY_RANK_FEE);
    }
}
