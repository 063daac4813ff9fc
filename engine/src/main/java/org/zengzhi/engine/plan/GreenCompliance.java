package org.zengzhi.engine.plan;

import java.util.List;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.green.GreenPool;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.green.PoolTerms;
import org.zengzhi.engine.rank.Rank;

/**
 * What the green-points model promises, for the compliance report (issue 17, deliver 3; ): vouchers up
 * to a multiple of the 让利, owed by a settlement centre that pays them from later consumers' 让利; whether the
 * rate schedule can reach that multiple at all; and coaching pay computed from other promoters' results.
 */
final class GreenCompliance {
    static final String GREEN_VOUCHER_PROMISE = "GREEN_VOUCHER_PROMISE";
    static final String GREEN_CAP_CANNOT_BIND = "GREEN_CAP_CANNOT_BIND";
    static final String GREEN_COACHING = "GREEN_COACHING";

    private GreenCompliance() {
    }

    static void addFindings(Plan plan, List<Finding> findings) {
        GreenRules rules = plan.greenPoints();
        if (rules == null) {
            return;
        }
        findings.add(new Finding(GREEN_VOUCHER_PROMISE, "greenPoints", "every point earned promises vouchers of up to "
                + multiple(rules.consumerPool().capPpm()) + "× its 让利 (consumers; merchants "
                + multiple(rules.merchantPool().capPpm()) + "×), and vouchers pay like cash (等同于零钱或现金): "
                + "the settlement centre (结算中心) pays them from the 让利 of later consumers, so the promise holds "
                + "only while new 让利 keeps coming; its cash may go negative, and the engine reports that rather "
                + "than prevent it"));
        for (GreenPool pool : GreenPool.values()) {
            PoolTerms terms = rules.terms(pool);
            long reachable = terms.rates().sumPpm(terms.periodsMax());
            if (reachable < terms.capPpm()) {
                findings.add(new Finding(GREEN_CAP_CANNOT_BIND, "greenPoints." + pool.label() + "Pool",
                        "its rates sum to " + PlanText.percent(reachable) + " in " + terms.periodsMax()
                                + " periods, so a lot receives at most that share of its points in vouchers and the cap of "
                                + multiple(terms.capPpm()) + "× (\"最高可转化为原积分5倍\") cannot bind: the seed's"
                                + " promise of up to 5× is not what this schedule pays"));
            }
        }
        for (Rank rank : plan.promoters() == null ? List.<Rank>of() : plan.promoters().ranks()) {
            if (rank.coachingRatePpm() > 0) {
                findings.add(new Finding(GREEN_COACHING, "promoters.ranks", "a coach earns " + PlanText.percent(
                        rank.coachingRatePpm()) + " of the results of the promoters it brought (辅导提成, rank "
                        + rank.name() + "), passed up the coach chain: pay computed from a downline's results "
                        + "(团队计酬, art. 7(3))"));
                return;
            }
        }
    }

    private static String multiple(long ppm) {
        String text = Units.format(ppm, Units.RATE_DECIMALS);
        return ppm % Limits.PPM == 0 ? Long.toString(ppm / Limits.PPM) : text.replaceAll("0+$", "");
    }
}
