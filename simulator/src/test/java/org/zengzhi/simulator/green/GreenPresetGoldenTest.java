package org.zengzhi.simulator.green;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Goldens of the two green-points presets (issue 17 deliver 4): the key figures of each preset's own plan (the
 * first variant; the compare entries run the same code with other plans), exactly as integers. A change here is a
 * change of the engine's rules or of the scenario's draws: say which in the commit.
 */
class GreenPresetGoldenTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios").toAbsolutePath().normalize();

    private static GreenResult base(String file) throws Exception {
        GreenScenario scenario = GreenScenarioReader.read(SCENARIOS.resolve(file));
        assertThat(scenario.variants()).extracting(GreenScenario.Variant::label).containsExactly("green-points.yaml",
                "escalating 递增", "dividendCap 50%", "dividendCap 10%", "dividendCap 2%");
        return new GreenRun(scenario, scenario.variants().get(0)).run();
    }

    @Test
    void steady() throws Exception {
        GreenResult r = base("green-points-steady.yaml");
        assertKeyFigures(r, 399_804, 27_492, 2_118_274_508L, 115_893_560L, 105_305_953L, 1_728_530_304L,
                154_179_609L, 51_997_572L, 8_383_712L, 23, 8, 799_608);
    }

    @Test
    void growthStops() throws Exception {
        GreenResult r = base("green-points-growth-stops.yaml");
        assertKeyFigures(r, 397_240, 27_687, 2_105_867_919L, 109_305_013L, 104_689_495L, 1_708_693_050L,
                147_381_558L, 42_241_730L, 9_010_987L, 23, 9, 794_480);
        // Rule 3: once growth slows, consumer dividends come late, on day 31, scaled below 1.
        assertThat(r.dividends()).anySatisfy(d -> assertThat(d.scalePpm()).isLessThan(1_000_000L));
    }

    private static void assertKeyFigures(GreenResult r, long storeOrders, long coinOrders, long rangliFen,
            long dividendVouchersFen, long boundVouchersFen, long cashFen, long vouchersOwedFen, long coinsOwedFen,
            long coveragePpm, int consumerDividends, int merchantDividends, long lotsEarned) {
        GreenResult.MonthRow m = r.totals().last();
        assertThat(List.of(r.totals().storeOrders(), r.totals().coinOrders(), r.totals().refused()))
                .containsExactly(storeOrders, coinOrders, 0L);
        assertThat(List.of(m.rangliFen(), m.dividendVouchersFen(), m.boundVouchersFen(), m.centreCashFen(),
                m.vouchersOutstandingFen(), m.coinsOutstandingFen(), m.coveragePpm())).containsExactly(rangliFen,
                        dividendVouchersFen, boundVouchersFen, cashFen, vouchersOwedFen, coinsOwedFen, coveragePpm);
        assertThat(m.coveragePpm()).isEqualTo(cashFen * 1_000_000 / (vouchersOwedFen + coinsOwedFen));
        assertThat(r.dividends().stream().filter(d -> d.pool().equals("consumer")).count()).isEqualTo(consumerDividends);
        assertThat(r.dividends().stream().filter(d -> d.pool().equals("merchant")).count()).isEqualTo(merchantDividends);
        assertThat(r.totals().lotsEarned()).isEqualTo(lotsEarned);
        // Constant 0.5%: no lot can reach 5× in 40 periods (issue 17 rule 4), and none has had 40 yet.
        assertThat(r.totals().lotsAtCap()).isZero();
    }
}
