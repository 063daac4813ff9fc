package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRuleError;
import org.zengzhi.engine.partyrules.PartyRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules' validation names the field at fault (issue 18 rule 2's parts check among them). */
class PartyRulesTest {
    private static final PartyRules SEED = PartyRules.seed000();

    private static List<String> fields(PartyRules rules) {
        return rules.check().stream().map(PartyRuleError::field).toList();
    }

    private static PartyRules with(long fee, List<Long> tiers, long commission, long allowance, boolean acknowledged,
                                   long invite, long share) {
        return new PartyRules(fee, tiers, commission, allowance, acknowledged, invite, share, SEED.prepayPpm(),
                SEED.confirmWindow(), SEED.noReturnWindow(), SEED.contribTransferFeePpm(), SEED.stokenPpm(),
                SEED.baselineBonusPpm(), SEED.ratingMinCenti(), SEED.depositPenaltyPpm(), SEED.burnPpm(),
                SEED.burnMode(), SEED.buybackBudgetFen(), SEED.riskWindow(), SEED.riskOrderThreshold(),
                SEED.creditScoreMin(), SEED.feeDiscountPpm(), SEED.feeDiscountPriceStoken(), SEED.trafficPackages());
    }

    @Test
    void theSeedPresetIsValidAndReadsTheSeedsNumbers() {
        assertThat(SEED.check()).isEmpty();
        assertThat(SEED.feePpm()).isEqualTo(60_000);
        assertThat(SEED.rebateTiersPpm()).containsExactly(80_000L, 120_000L);
        assertThat(SEED.commissionPpm()).isEqualTo(120_000);
        assertThat(SEED.teamAllowancePpm()).isZero();
        assertThat(SEED.supplierSharePpm()).isEqualTo(550_000);
        assertThat(SEED.prepayPpm()).isEqualTo(300_000);
        assertThat(SEED.settlementDelay()).isEqualTo(Duration.ofDays(37));
        assertThat(SEED.burnPpm()).isEqualTo(50_000);
        assertThat(SEED.riskOrderThreshold()).isEqualTo(4);
        assertThat(SEED.creditScoreMin()).isEqualTo(600);
    }

    @Test
    void ratesOutsideTheSeedsRangesAreNamed() {
        PartyRules rules = with(90_000, List.of(40_000L, 130_000L), 160_000, 0, false, 0, 650_000);
        assertThat(fields(rules)).contains("fee", "rebateTiers[0]", "rebateTiers[1]", "commission", "supplierShare");
        assertThat(rules.check()).contains(new PartyRuleError("fee", "is 9%, allowed 5% to 8%"));
    }

    @Test
    void onlyTheGoldTierMayRebateTwelvePercent() {
        assertThat(fields(with(60_000, List.of(120_000L, 120_000L), 120_000, 0, false, 0, 550_000)))
                .containsExactly("rebateTiers[0]");
    }

    @Test
    void aTeamAllowanceNeedsTheRiskAcknowledgement() {
        assertThat(fields(with(60_000, List.of(80_000L), 120_000, 40_000, false, 0, 550_000)))
                .containsExactly("teamAllowance");
        assertThat(with(60_000, List.of(80_000L), 120_000, 40_000, true, 0, 550_000).check()).isEmpty();
        assertThat(fields(with(60_000, List.of(80_000L), 120_000, 60_000, true, 0, 550_000)))
                .containsExactly("teamAllowance");
    }

    @Test
    void partsThatCanExceedThePriceAreRejectedNamingEveryPart() {
        PartyRules rules = with(80_000, List.of(100_000L, 120_000L), 150_000, 50_000, true, 80_000, 600_000);
        List<PartyRuleError> errors = rules.check();
        assertThat(errors).extracting(PartyRuleError::field).containsExactly("parts");
        assertThat(errors.get(0).message()).isEqualTo("fee 8% + highest rebate 12% + commission 15% + team allowance 5%"
                + " + invite reward 8% + supplier share 60% = 108% of the price, more than 100%");
    }

    @Test
    void aModelRefusesInvalidRulesAsABug() {
        PartyRules rules = with(90_000, List.of(80_000L), 120_000, 0, false, 0, 550_000);
        assertThatThrownBy(() -> new PartyModel(rules, new TestLedger())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fee");
    }
}
