package org.zengzhi.cli.greenref;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17, "How it is checked": random logs replayed through the real {@code replay --plan} path and compared,
 * event by event and balance by balance, with the independent reading of rules 1–7 ({@link GreenRef}). A few
 * seeds per plan keep the default run short; {@code -Dgreenref.soak=400} runs a soak (see
 * {@link GreenSoakTest}).
 */
class GreenReplayComparisonTest {
    static final int SEEDS = 2;

    @TempDir
    static Path plans;

    /** The plans: the preset as shipped, and test plans scaled down so dividends come often. */
    static Stream<RefTerms> terms() {
        return GreenPlans.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terms")
    void randomLogsAgreeWithTheIndependentReading(RefTerms terms) {
        Path plan = GreenPlans.planFile(terms, plans);
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<String> log = LogGenerator.generate(seed * 7919 + terms.name().hashCode(), terms, 400, 4);
            String difference = GreenComparison.firstDifference(log, terms, plan);
            assertThat(difference).as(terms.name() + " seed " + seed).isNull();
        }
    }

    @Test
    void theScaledLogsPayDividendsInBothPoolsAndRejectTheBadCommands() {
        RefTerms terms = RefTerms.scaled();
        List<String> log = LogGenerator.generate(11, terms, 400, 4);
        GreenRef ref = GreenRef.run(terms, log);
        assertThat(ref.events).filteredOn(e -> e.get("event").asString().equals("dividend"))
                .extracting(e -> e.get("pool").asString()).contains("consumer", "merchant");
        assertThat(ref.events).filteredOn(e -> e.get("event").asString().equals("rejected"))
                .extracting(e -> e.get("code").asString()).contains("INSUFFICIENT_VOUCHERS", "INSUFFICIENT_COINS",
                        "DUPLICATE_ORDER", "ALREADY_REFUNDED");
        List<String> coinOrders = ref.events.stream().filter(e -> e.get("event").asString().equals("coinsSpent"))
                .map(e -> e.get("order").asString()).toList();
        assertThat(ref.events).as("issue 20 item 1: coin-mall orders refunded")
                .filteredOn(e -> e.get("event").asString().equals("refunded"))
                .anyMatch(e -> coinOrders.contains(e.get("order").asString()));
    }
}
