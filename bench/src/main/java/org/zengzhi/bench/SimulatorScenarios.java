package org.zengzhi.bench;

import java.nio.file.Path;
import java.util.List;

import org.zengzhi.simulator.Scenario;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.RegionLevel;

/** Scenarios for the simulator's benchmarks, built in code so they do not depend on the working folder. */
final class SimulatorScenarios {
    private SimulatorScenarios() {
    }

    /**
     * One path of {@code consumers} consumers buying {@code perMonthMilli}/1000 times a month for {@code months}
     * months; 80% of orders in the mall, 20% in 20 stores of one district with agents at every level, so
     * every reward kind and the exit cascade are exercised.
     */
    static Scenario orders(int consumers, long perMonthMilli, int months) {
        Plan plan = Plan.defaults(PoolRules.MALL);
        Scenario.Population population = new Scenario.Population(consumers,
                List.of(new Scenario.GrowthPhase(Scenario.Curve.STOP, 0, 0, 0, 0, 0)), 800_000, 0);
        Scenario.Orders orders = new Scenario.Orders(perMonthMilli, 800_000,
                new Scenario.Amount("uniform", 5_000, 100_000, List.of()));
        return new Scenario("benchmark", Path.of("default"), plan, 42, 1, months, population, orders,
                new Scenario.Selling(50_000, 500_000, 2),
                List.of(new Scenario.Region("440106", 20, 2, -1,
                        List.of(RegionLevel.DISTRICT, RegionLevel.CITY, RegionLevel.PROVINCE))),
                List.of(), List.of());
    }
}
