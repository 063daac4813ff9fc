package org.zengzhi.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.cli.simulate.SimulateTest.cli;
import static org.zengzhi.cli.simulate.SimulateTest.column;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.engine.Units;

/** The figures of the plain-language summary against the scenario and the series they come from. */
class SummaryTest {
    static final String LOCAL_LIFE = SimulateTest.RESOURCES.toAbsolutePath().resolve("../../../../../plans/local-life.yaml")
            .normalize().toString();

    @TempDir
    Path temp;

    private String summary(String scenario) throws IOException {
        Path file = temp.resolve("scenario.yaml");
        Files.writeString(file, scenario);
        Path out = temp.resolve("out");
        SimulateTest.Run run = cli("simulate", file.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return Files.readString(out.resolve("summary.txt"));
    }

    @Test
    void withoutStoresEveryOrderIsAMallOrderAndTheExitNeedsTheMallShare() throws IOException {
        // No region has a store, so the simulator sends every order to the mall (30% to the pool), whatever
        // orders.mall says; the summary used to take the store share (16%) and 3 / (16% · 70%) = 26.79.
        String text = summary("plan: " + SimulateTest.RESOURCES.toAbsolutePath().resolve("mall-at-once.yaml")
                + "\npaths: 1\nhorizonMonths: 3\npopulation: {initial: 3}\norders: {amount: {value: 1000.00}}\n");
        assertThat(column(temp.resolve("out"), "minted", "path0").get(0)).as("three orders of S = 300.00: seed 002's table").isEqualTo("481.950000");
        assertThat(text).contains("30% of an order enters the pool").contains("reach 14.29 times")
                .doesNotContain("on average");
    }

    @Test
    void mallAndStoresAtDifferentRatesGiveTheAverageShare() throws IOException {
        // Stores at 10% and 20% commission, 80% of it to the pool: 8% and 16%, 12% on average; half the orders
        // in the mall at 30%: 21% on average; k = 1.2 needs 1.2 / (21% · 70%) = 8.16 times the price.
        String text = summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 3\npopulation: {initial: 20}\n"
                + "orders: {mall: 50%, amount: {value: 100.00}}\nregions:\n  - {code: \"440106\", commission: 10%}\n"
                + "  - {code: \"440104\"}\n");
        assertThat(text).contains("on average over the scenario's mall and store orders, 21% of an order enters the pool")
                .contains("reach 8.16 times");
    }

    @Test
    void mallRebatesAreCountedOnceWithTheMerchants() throws IOException {
        // Consumers bound to the store's owner earn the merchant a 20% mall rebate on their mall orders.
        String text = summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 4\npopulation: {initial: 20, invited: 0%}\n"
                + "orders: {perUserPerMonth: 2, mall: 50%, amount: {value: 100.00}}\nregions: [{code: \"440106\", agents: [district]}]\n");
        Path out = temp.resolve("out");
        long rebates = total(out, "reward_mall_rebate");
        long rewards = total(out, "reward_direct") + total(out, "reward_indirect") + total(out, "reward_first_order")
                + total(out, "reward_recruitment") + total(out, "reward_agent");
        assertThat(rebates).isPositive();
        assertThat(text).contains("which includes " + Units.formatFen(rebates) + " of mall rebates (商家返点)")
                .contains("rewards (分销/招商/区代) of " + Units.formatFen(rewards) + " came out");
    }

    @Test
    void aPoolWithoutPointsIsNotSaidToBackAnyone() throws IOException {
        // Everyone sells everything in the last month: the pool keeps the 20% retained, and no point circulates.
        String text = summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 3\npopulation: {initial: 5}\n"
                + "regions: [{code: \"440106\"}]\nsellOffs: [{month: 2}]\n");
        assertThat(column(temp.resolve("out"), "circulating_points", "path0").get(2)).isEqualTo("0.000000");
        assertThat(text).contains("while no point is in circulation").doesNotContain("behind the points of holders");
        // The next order mints at the last price into the cash the sales left: the price jumps, so the
        // estimate is a small amount, not "never" (which it was, for want of circulating points to start from).
        List<String> cohorts = Files.readAllLines(temp.resolve("out/cohorts.csv"));
        String needed = cohorts.get(3).substring(cohorts.get(3).lastIndexOf(',') + 1);
        assertThat(needed).isNotEqualTo("never");
        assertThat(Units.parseFen(needed)).isPositive().isLessThan(Units.parseFen("100.00"));
        assertThat(text).contains("needs about " + needed + " of new consumption");
    }

    @Test
    void ordersThatMintNoPointAreCountedAndSaidToHaveNoClaim() throws IOException {
        // At 100,000,000.00 a point, a 10.00 order's 3.00 pool share is 3·10⁻⁸ point: ⌊…⌋ mints none.
        Files.writeString(temp.resolve("dear.yaml"), "name: dear\npool: {initialPrice: 100000000.00}\n"
                + "split:\n  mall: {cost: 30%, distribution: 30%, platform: 10%, pool: 30%}\n"
                + "settlement: {storeDays: 0, mallReturnDays: 0, mallAutoReceiveDays: 0}\n");
        String text = summary("plan: dear.yaml\npaths: 1\nhorizonMonths: 2\npopulation: {initial: 3}\n"
                + "orders: {mall: 100%, amount: {value: 10.00}}\n");
        assertThat(column(temp.resolve("out"), "minted", "path0")).containsOnly("0.000000");
        assertThat(text).contains("over all paths 6 settled orders put 18.00 into the pool and minted no point");
        assertThat(summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 2\npopulation: {initial: 3}\n"
                + "regions: [{code: \"440106\"}]\n")).doesNotContain("got no points");
    }

    private static long total(Path out, String series) throws IOException {
        List<String> values = column(out, series, "path0");
        return values.stream().mapToLong(Units::parseFen).sum();
    }
}
