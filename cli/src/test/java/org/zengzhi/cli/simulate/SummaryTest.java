package org.zengzhi.cli.simulate;

import org.zengzhi.simulator.*;

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
        SimulateTest.Run run = cli("simulate", file.toString(), "--out", out.toString(), "--lang", "en");
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
        assertThat(text).contains(" for the goods and " + Units.formatFen(rebates) + " of mall rebates (商家返点)")
                .contains("rewards (分销/招商/区代) of " + Units.formatFen(rewards) + " came out");
    }

    @Test
    void aPoolWithoutPointsIsNotSaidToBackAnyone() throws IOException {
        // Everyone sells everything in the last month: the pool keeps the 20% retained, and no point circulates.
        String text = summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 3\n"
                + "population: {initial: 5, growth: [{curve: constant, newUsers: 2}]}\n"
                + "regions: [{code: \"440106\"}]\nsellOffs: [{month: 2}]\n");
        assertThat(column(temp.resolve("out"), "circulating_points", "path0").get(2)).isEqualTo("0.000000");
        assertThat(text).contains("while no point is in circulation").doesNotContain("behind the points of holders")
                .contains("Pool cash nobody holds (无人持有的盈利池): in 1 of 1 path a month ended with every point sold");
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

    @Test
    void theClassTableIsTheMedianPathWholeAndBalancesWithRewardsPendingOnUnsettledOrdersInTheirRow() throws IOException {
        // mall orders wait mallAutoReceiveDays + mallReturnDays, so some are unsettled at the end;
        // the agents' district rewards on them are pending, counted with the unsettled orders, not the agents.
        String text = summary("plan: " + LOCAL_LIFE + "\npaths: 5\nhorizonMonths: 3\npopulation: {initial: 30}\n"
                + "orders: {perUserPerMonth: 3, mall: 100%, amount: {distribution: uniform, min: 50.00, max: 500.00}}\n"
                + "regions: [{code: \"440106\", merchants: 0, agents: [district]}]\n");
        Path out = temp.resolve("out");
        List<String[]> classes = Files.readAllLines(out.resolve("classes.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        int path = Integer.parseInt(classes.get(0)[1]);
        assertThat(classes).allSatisfy(row -> assertThat(row[1]).isEqualTo(Integer.toString(path)));
        assertThat(classes.stream().mapToLong(row -> Units.parseFen(row[2])).sum())
                .isEqualTo(classes.stream().mapToLong(row -> Units.parseFen(row[3])).sum());
        // The median by final price, nearest rank (3rd of 5), ties in path order.
        List<String> lastPrices = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lastPrices.add(column(out, "price", "path" + i).get(2));
        }
        List<Integer> byPrice = java.util.stream.IntStream.range(0, 5).boxed()
                .sorted(java.util.Comparator.comparingLong((Integer i) -> Units.parseFixed(lastPrices.get(i), 4))
                        .thenComparing(i -> i))
                .toList();
        assertThat(path).isEqualTo(byPrice.get(2));
        long agents = column(out, "reward_agent", "path" + path).stream().mapToLong(Units::parseFen).sum();
        assertThat(agents).isPositive();
        assertThat(row(classes, "regional agents")[3]).isEqualTo(Units.formatFen(agents));
        assertThat(Units.parseFen(row(classes, "unsettled orders")[3])).isPositive();
        assertThat(text).contains("path " + path + ", the median path by final price")
                .contains(row(classes, "unsettled orders")[3] + " of orders paid is not yet settled");
    }

    private static String[] row(List<String[]> classes, String label) {
        return classes.stream().filter(row -> row[0].startsWith(label)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyPoolStillHasAnEstimateAndCohortsNobodyJoinedHaveNone() throws IOException {
        // Nobody buys: the pool is empty at the end of month 0, yet the first order would mint at 1.00 and lift
        // the price from there, so the estimate is an amount, not "never". Months 1 and 2 have
        // no newcomers: no price at joining, no exit figures.
        String text = summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 3\npopulation: {initial: 1}\n"
                + "orders: {perUserPerMonth: 0}\nregions: [{code: \"440106\"}]\n");
        List<String> cohorts = Files.readAllLines(temp.resolve("out/cohorts.csv"));
        String[] first = cohorts.get(1).split(",", -1);
        assertThat(first[10]).isNotEqualTo("never");
        assertThat(Units.parseFen(first[10])).isPositive();
        assertThat(cohorts.get(2)).isEqualTo("1,0,0,,,0.00,0.00,,,,");
        assertThat(text).contains("a consumer of the latest cohort (joined in month 0, at 1.0000) needs about " + first[10]);
    }

    @Test
    void aFewExitsAmongManyAreNotShownAsNone() {
        assertThat(CohortRow.share(8, 17_000)).isEqualTo("0.047%");
        assertThat(CohortRow.share(0, 17_000)).isEqualTo("0%");
        assertThat(CohortRow.share(1, 3)).isEqualTo("33.3%");
        assertThat(CohortRow.share(1, 100)).isEqualTo("1.0%");
        assertThat(CohortRow.share(1, 101)).isEqualTo("0.990%");
    }

    @Test
    void aSubsidyIntoAPoolNobodyHoldsIsFlaggedAsAWindfall() throws IOException {
        String scenario = "plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 3\npopulation: {initial: 5}\n"
                + "regions: [{code: \"440106\"}]\nsubsidies: [{month: %d, amount: 1000.00}]\n";
        assertThat(summary(scenario.formatted(0))).contains("in 1 of 1 path 1000.00 in all was injected while no point");
        assertThat(summary(scenario.formatted(1))).doesNotContain("nobody holds");
    }

    @Test
    void rewardsTheBudgetCannotPayAreCountedAsCutAndTheRegionsCommissionIsWarnedAbout() throws IOException {
        // stores at 5% commission, 10% of it to distribution: ⌊⌊12345 · 5%⌋ · 10%⌋ = 61 fen of budget.
        // Each consumer is bound to the store's owner at the first payment, who gets the direct 0.3% (37 fen);
        // recruitment 0.5% (61) is cut to the 24 left, the agents' 0.3% in all (37) to nothing.
        String text = summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 3\npopulation: {initial: 50, invited: 0%}\n"
                + "orders: {amount: {value: 123.45}}\n"
                + "regions: [{code: \"440106\", commission: 5%, agents: [district, city, province]}]\n");
        Path out = temp.resolve("out");
        long amount = 12_345;
        long nominal = amount * 3_000 / 1_000_000 + amount * 5_000 / 1_000_000 + amount * 3_000 / 1_000_000;
        long budget = amount * 50_000 / 1_000_000 * 100_000 / 1_000_000;
        long orders = column(out, "orders", "path0").stream().mapToLong(Long::parseLong).sum();
        assertThat(orders).isEqualTo(150);
        assertThat(total(out, "reward_cut")).isEqualTo(orders * (nominal - budget));
        assertThat(total(out, "reward_agent")).isZero();
        assertThat(text).contains("rewards came to " + Units.formatFen(orders * (nominal - budget)) + " less in all")
                .contains("regions[0].commission: at a commission of 5% the distribution budget is 0.5% of the amount");
        assertThat(summary("plan: " + LOCAL_LIFE + "\npaths: 1\nhorizonMonths: 2\npopulation: {initial: 5}\n"
                + "regions: [{code: \"440106\"}]\n")).doesNotContain("Rewards cut").doesNotContain("regions[0].commission");
    }

    @Test
    void paidBackPer100IsRoundedHalfUp() {
        assertThat(CohortRow.perHundred(42_145_687, 782_230_601)).isEqualTo(539); // 5.3879 → 5.39
        assertThat(CohortRow.perHundred(1, 3)).isEqualTo(3_333); // 33.33
        assertThat(CohortRow.perHundred(2, 3)).isEqualTo(6_667); // 66.666… → 66.67
        assertThat(CohortRow.perHundred(1, 200)).isEqualTo(50); // 0.5 exactly
    }

    private static long total(Path out, String series) throws IOException {
        List<String> values = column(out, series, "path0");
        return values.stream().mapToLong(Units::parseFen).sum();
    }
}
