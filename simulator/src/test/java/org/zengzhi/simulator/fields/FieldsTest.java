package org.zengzhi.simulator.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The one field parser of the three scenario readers (pool, green points, four-party): each refusal names the
 * field by its path and says the bounds, in the same words whichever model the scenario is of.
 */
class FieldsTest {
    private static Fields fields(Map<String, Object> values) throws ScenarioException {
        return Fields.of("orders", values, values.keySet());
    }

    private static String refusal(ThrowingRead read) {
        try {
            read.run();
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("no refusal");
    }

    private interface ThrowingRead {
        void run() throws ScenarioException;
    }

    @Test
    void moneyNamesBothBoundsWhicheverIsBroken() throws ScenarioException {
        Fields f = fields(Map.of("low", "0.00", "high", "10000000.01", "ok", "150.00", "cents", "1.005"));
        assertThat(refusal(() -> f.money("low", 0, 1))).isEqualTo("orders.low: must be from 0.01 to 10000000000.00, not 0.00");
        assertThat(refusal(() -> f.money("high", 0, 0, 1_000_000_000L)))
                .isEqualTo("orders.high: must be from 0.00 to 10000000.00, not 10000000.01");
        assertThat(refusal(() -> f.money("cents", 0, 1))).startsWith("orders.cents: must be an amount in CNY such as 100.00");
        assertThat(f.money("ok", 0, 1)).isEqualTo(15_000);
        assertThat(f.money("absent", 7, 1)).isEqualTo(7);
    }

    @Test
    void aRateSaysItsUpperBound() throws ScenarioException {
        Fields f = fields(Map.of("share", "120%", "cap", "16%", "half", "0.5"));
        assertThat(refusal(() -> f.rate("share", 0))).isEqualTo("orders.share: must be between 0% and 100%, not 120%");
        assertThat(refusal(() -> f.rate("cap", 0, 150_000))).isEqualTo("orders.cap: must be between 0% and 15%, not 16%");
        assertThat(f.rate("half", 0)).isEqualTo(500_000);
    }

    @Test
    void wholeNumbersThousandthsAndUnknownKeys() throws ScenarioException {
        Fields f = fields(Map.of("n", "x", "m", "11", "per", "2.5", "many", "100.001"));
        assertThat(refusal(() -> f.whole("n", 0, 0, 10))).isEqualTo("orders.n: must be a whole number, not \"x\"");
        assertThat(refusal(() -> f.whole("m", 0, 0, 10))).isEqualTo("orders.m: must be between 0 and 10, not 11");
        assertThat(f.thousandths("per", 0, 100_000)).isEqualTo(2_500);
        assertThat(refusal(() -> f.thousandths("many", 0, 100_000))).isEqualTo("orders.many: must be between 0 and 100, not 100.001");
        assertThatThrownBy(() -> Fields.of("risk", Map.of("farmShar", "1%"), Set.of("farmShare", "approve")))
                .isInstanceOf(ScenarioException.class).hasMessage("risk.farmShar: unknown key; risk takes approve, farmShare")
                .satisfies(e -> assertThat(((ScenarioException) e).field()).isEqualTo("risk.farmShar"));
        assertThatThrownBy(() -> Fields.of("suppliers", "nine", Set.of())).hasMessage("suppliers: must be a mapping");
    }
}
