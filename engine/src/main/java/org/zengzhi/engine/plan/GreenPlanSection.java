package org.zengzhi.engine.plan;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.green.GreenRuleProblem;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.green.PoolTerms;
import org.zengzhi.engine.green.RateSchedule;

/**
 * Reads a plan's {@code greenPoints} section (issue 17, deliver 3) into {@link GreenRules}: every key is
 * optional and takes seed 003's figure; every error names its field. A plan without the section has no
 * green-points model, so it pays nothing for it.
 */
final class GreenPlanSection {
    private static final String SECTION = "greenPoints";

    private GreenPlanSection() {
    }

    /** The rules, or null when the plan has no such section or the section has errors (then reported). */
    static GreenRules read(PlanFields root) {
        if (!root.has(SECTION)) {
            return null;
        }
        PlanFields fields = root.section(SECTION);
        ZoneId zone = fields.parse("timeZone", GreenRules.SHANGHAI, GreenPlanSection::zone);
        long coinShare = fields.rate("coinShare", GreenRules.SEED.coinSharePpm());
        long boundShare = fields.rate("boundMerchantShare", GreenRules.SEED.boundMerchantSharePpm());
        OptionalLong cap = fields.parse("dividendCap", OptionalLong.empty(), GreenPlanSection::cap);
        PoolTerms consumers = readPool(fields.section("consumerPool"), PoolTerms.CONSUMER);
        PoolTerms merchants = readPool(fields.section("merchantPool"), PoolTerms.MERCHANT);
        fields.rejectUnknownKeys();
        report(fields, GreenRules.problems(zone, coinShare, boundShare, cap));
        if (fields.anyFailed(fields.path()) || consumers == null || merchants == null) {
            return null;
        }
        return new GreenRules(zone, coinShare, boundShare, cap, consumers, merchants);
    }

    private static PoolTerms readPool(PlanFields fields, PoolTerms defaults) {
        long start = fields.fen("startValue", defaults.startValueCentipoints());
        long growth = fields.rate("growth", defaults.growthPpm());
        int earliest = fields.whole("earliestPayDay", defaults.earliestPayDay(), PoolTerms.LATE_DAYS_MAX + 1);
        int late = fields.whole("lateDays", defaults.lateDays(), PoolTerms.LATE_DAYS_MAX);
        long capPpm = Math.multiplyExact(fields.whole("cap", (int) (defaults.capPpm() / Limits.PPM), 100), Limits.PPM);
        int periods = fields.whole("periodsMax", defaults.periodsMax(), PoolTerms.PERIODS_MAX);
        RateSchedule rates = schedule(fields, defaults.rates());
        fields.rejectUnknownKeys();
        report(fields, PoolTerms.problems("", start, growth, earliest, late, rates, capPpm, periods));
        if (fields.anyFailed(fields.path())) {
            return null;
        }
        return new PoolTerms(start, growth, earliest, late, rates, capPpm, periods);
    }

    /** {@code rate: 0.5%} for one constant rate, or {@code rates: [...]} for one rate per period; not both. */
    private static RateSchedule schedule(PlanFields fields, RateSchedule defaults) {
        boolean constant = fields.has("rate");
        List<Long> list = fields.scalars("rates", PlanText::ratePpm);
        if (constant && list != null) {
            fields.error(fields.field("rates"), "give either rate or rates, not both");
            return defaults;
        }
        if (list != null) {
            return RateSchedule.perPeriod(list);
        }
        return constant ? RateSchedule.constant(fields.rate("rate", 0)) : defaults;
    }

    private static void report(PlanFields fields, List<GreenRuleProblem> problems) {
        for (GreenRuleProblem problem : problems) {
            fields.error(fields.field(problem.field()), problem.message());
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a time zone such as Asia/Shanghai: " + text);
        }
    }

    private static OptionalLong cap(String text) {
        return "none".equals(text) ? OptionalLong.empty() : OptionalLong.of(PlanText.ratePpm(text));
    }
}
