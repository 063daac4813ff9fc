package org.zengzhi.simulator;

import java.nio.file.Path;
import java.util.List;

import org.zengzhi.engine.plan.Plan;

/**
 * A simulated economy (SPEC ): a plan, a population and how it grows, how people buy, sell and
 * leave, merchants and agents per region, the operator's actions, and how long and how often to run it.
 * All values are exact integers: money in fen, rates in ppm, orders per month in thousandths.
 *
 * @param name          a label for the report
 * @param planFile      the plan file, as resolved against the scenario's folder
 * @param plan          the validated plan
 * @param seed          the seed every path's random numbers derive from
 * @param paths         how many independent paths to run
 * @param horizonMonths months simulated (30 days each)
 */
public record Scenario(String name, Path planFile, Plan plan, long seed, int paths, int horizonMonths,
        Population population, Orders orders, Selling selling, List<Region> regions, List<Subsidy> subsidies,
        List<SellOff> sellOffs) {

    public Scenario {
        regions = List.copyOf(regions);
        subsidies = List.copyOf(subsidies);
        sellOffs = List.copyOf(sellOffs);
    }

    /** The same scenario with another plan (the sweep varies the plan and nothing else). */
    public Scenario withPlan(Plan other, int otherPaths) {
        return new Scenario(name, planFile, other, seed, otherPaths, horizonMonths, population, orders, selling,
                regions, subsidies, sellOffs);
    }

    /**
     * Consumers: {@code initial} join in month 0, then each month the growth phase in force adds more.
     * {@code invitedPpm} of newcomers register through an existing consumer's invitation (so referral
     * rewards flow); {@code churnPpm} of active consumers leave for good at each month's end.
     */
    public record Population(int initial, List<GrowthPhase> growth, long invitedPpm, long churnPpm) {
        public Population {
            growth = List.copyOf(growth);
        }
    }

    /** How newcomers arrive for {@code months} months (the last phase lasts to the horizon). */
    public enum Curve { CONSTANT, LINEAR, LOGISTIC, DECLINE, STOP }

    /**
     * One phase of growth. constant: {@code newUsers} a month; linear: {@code newUsers} + {@code increase}
     * × months into the phase; logistic: ⌊n·rate·(capacity − n)/capacity⌋ for n consumers so far; decline:
     * {@code newUsers} shrinking by {@code rate} each month; stop: nobody.
     */
    public record GrowthPhase(Curve curve, int months, int newUsers, int increase, long ratePpm, int capacity) {
    }

    /**
     * Buying: {@code perUserPerMonthMilli}/1000 orders per active consumer a month on average (the whole
     * part always, the fraction as a chance), {@code mallPpm} of them in the platform mall, the rest in a
     * store of a random merchant; amounts drawn from {@code amount}.
     */
    public record Orders(long perUserPerMonthMilli, long mallPpm, Amount amount) {
    }

    /** Order amounts in fen: fixed, uniform in [min, max], or weighted choices. */
    public record Amount(String distribution, long minFen, long maxFen, List<long[]> choices) {
        public Amount {
            choices = List.copyOf(choices);
        }
    }

    /**
     * Each month, every active consumer who joined at least {@code afterMonths} ago sells, with a chance of
     * {@code sharePpm}, {@code portionPpm} of their points (卖出/兑换零钱).
     */
    public record Selling(long sharePpm, long portionPpm, int afterMonths) {
    }

    /**
     * A region (GB/T 2260 code) with {@code merchants} stores at {@code commissionPpm} (−1: the plan's
     * default), recruited by {@code recruiters} promoters in turn, and agents at the listed levels of the
     * region's path (区代/市代/省代).
     */
    public record Region(String code, int merchants, int recruiters, long commissionPpm,
            List<org.zengzhi.engine.RegionLevel> agents) {
        public Region {
            agents = List.copyOf(agents);
        }
    }

    /** The operator injects {@code amountFen} into the pool at the start of {@code month} (融资补贴). */
    public record Subsidy(int month, long amountFen) {
    }

    /** At the end of {@code month}, {@code sharePpm} of all holders sell {@code portionPpm} of their points. */
    public record SellOff(int month, long sharePpm, long portionPpm) {
    }
}
