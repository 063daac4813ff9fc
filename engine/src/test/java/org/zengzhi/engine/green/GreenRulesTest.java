package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** Validation names the field at fault, as the plan reader reports it (issue 17, Deliver 3). */
class GreenRulesTest {

    @Test
    void everyPoolFieldAtFaultIsNamedUnderItsPrefix() {
        List<GreenRuleProblem> problems = PoolTerms.problems("consumerPool.", 0, 0, 0, 30,
                RateSchedule.constant(5_000), 0, 0);

        assertThat(problems).extracting(GreenRuleProblem::field).containsExactly("consumerPool.startValue",
                "consumerPool.growth", "consumerPool.earliestPayDay", "consumerPool.cap", "consumerPool.periodsMax");
    }

    @Test
    void anEarliestPayDayAfterTheLateDayIsRefused() {
        assertThat(PoolTerms.problems("merchantPool.", 1, 150_000, 32, 30, RateSchedule.constant(5_000), 5_000_000, 40))
                .extracting(GreenRuleProblem::field).containsExactly("merchantPool.earliestPayDay");
    }

    @Test
    void aRateListMustHaveOneRatePerPeriodEachAtMostOneHundredPercent() {
        RateSchedule short39 = RateSchedule.perPeriod(Collections.nCopies(39, 5_000L));
        RateSchedule tooHigh = RateSchedule.perPeriod(List.of(5_000L, 1_000_001L));

        assertThat(PoolTerms.problems("p.", 1, 1, 1, 1, short39, 1, 40)).extracting(GreenRuleProblem::field)
                .containsExactly("p.rates");
        assertThat(PoolTerms.problems("p.", 1, 1, 1, 1, tooHigh, 1, 2)).extracting(GreenRuleProblem::field)
                .containsExactly("p.rates[1]");
        assertThat(PoolTerms.problems("p.", 1, 1, 1, 1, RateSchedule.constant(-1), 1, 2))
                .extracting(GreenRuleProblem::field).containsExactly("p.rate");
    }

    @Test
    void theSectionsOwnFieldsAreNamed() {
        assertThat(GreenRules.problems(null, 1_000_001, -1, OptionalLong.of(-5)))
                .extracting(GreenRuleProblem::field)
                .containsExactly("timeZone", "coinShare", "boundMerchantShare", "dividendCap");
    }

    @Test
    void theRecordsRefuseWhatTheirCheckRefuses() {
        assertThatThrownBy(() -> new PoolTerms(1, 150_000, 11, 30, RateSchedule.constant(5_000), 5_000_000, 0))
                .hasMessageStartingWith("periodsMax:");
        assertThatThrownBy(() -> new GreenRules(GreenRules.SHANGHAI, 2_000_000, 0, OptionalLong.empty(),
                PoolTerms.CONSUMER, PoolTerms.MERCHANT)).hasMessageStartingWith("coinShare:");
    }

    @Test
    void theShippedPresetsAreValid() {
        assertThat(PoolTerms.problems("", PoolTerms.CONSUMER.startValueCentipoints(), 150_000, 11, 30,
                RateSchedule.ESCALATING_TO_FIVE_TIMES, 5_000_000, 40)).isEmpty();
        assertThat(GreenRules.SEED_ESCALATING.consumerPool().rates()).isEqualTo(RateSchedule.ESCALATING_TO_FIVE_TIMES);
    }
}
