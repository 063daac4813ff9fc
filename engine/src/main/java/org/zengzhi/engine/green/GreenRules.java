package org.zengzhi.engine.green;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.zengzhi.engine.Limits;

/**
 * The rules of the green-points model (SPEC R-6, issue 17), as a plan's {@code greenPoints} section gives
 * them. Rates are in ppm.
 *
 * @param timeZone              the zone whose calendar days count dividend days ("第11天", "次日")
 * @param coinSharePpm          gold coins (fen) per centipoint a consumer earns (the seed gives no figure)
 * @param boundMerchantSharePpm a bound merchant's vouchers per centipoint its consumer earns ("5%的抵用券")
 * @param dividendCapPpm        rule 8, beyond the seed: a period's vouchers at most this share of the 让利
 *                              settled since the pool's last dividend; empty when off
 * @param consumerPool          the consumers' pool terms
 * @param merchantPool          the merchants' pool terms
 */
public record GreenRules(ZoneId timeZone, long coinSharePpm, long boundMerchantSharePpm,
        OptionalLong dividendCapPpm, PoolTerms consumerPool, PoolTerms merchantPool) {

    /** The plan's default zone. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A dividend cap may allow at most 100 times the 让利 settled since the last dividend. */
    public static final long DIVIDEND_CAP_PPM_MAX = 100 * Limits.PPM;

    /** Seed 003 as written: coins 10%, bound merchants 5%, no dividend cap, constant 0.5%. */
    public static final GreenRules SEED = new GreenRules(SHANGHAI, 100_000, 50_000, OptionalLong.empty(),
            PoolTerms.CONSUMER, PoolTerms.MERCHANT);
    /** Seed 003 with the escalating schedule in both pools, so a lot can reach 5×. */
    public static final GreenRules SEED_ESCALATING = new GreenRules(SHANGHAI, 100_000, 50_000,
            OptionalLong.empty(), PoolTerms.CONSUMER.withRates(RateSchedule.ESCALATING_TO_FIVE_TIMES),
            PoolTerms.MERCHANT.withRates(RateSchedule.ESCALATING_TO_FIVE_TIMES));

    public GreenRules {
        List<GreenRuleProblem> problems = problems(timeZone, coinSharePpm, boundMerchantSharePpm, dividendCapPpm);
        if (consumerPool == null) {
            problems.add(new GreenRuleProblem("consumerPool", "is required"));
        }
        if (merchantPool == null) {
            problems.add(new GreenRuleProblem("merchantPool", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
    }

    /** The terms of {@code pool}. */
    public PoolTerms terms(GreenPool pool) {
        return pool == GreenPool.CONSUMER ? consumerPool : merchantPool;
    }

    /**
     * Every problem with the section's own fields, each naming its field; the pools' terms are checked by
     * {@link PoolTerms#problems} with the prefixes {@code consumerPool.} and {@code merchantPool.}.
     */
    public static List<GreenRuleProblem> problems(ZoneId timeZone, long coinSharePpm, long boundMerchantSharePpm,
            OptionalLong dividendCapPpm) {
        List<GreenRuleProblem> problems = new ArrayList<>();
        if (timeZone == null) {
            problems.add(new GreenRuleProblem("timeZone", "is required"));
        }
        if (coinSharePpm < 0 || coinSharePpm > Limits.PPM) {
            problems.add(new GreenRuleProblem("coinShare", "must be from 0% to 100%: " + coinSharePpm + " ppm"));
        }
        if (boundMerchantSharePpm < 0 || boundMerchantSharePpm > Limits.PPM) {
            problems.add(new GreenRuleProblem("boundMerchantShare",
                    "must be from 0% to 100%: " + boundMerchantSharePpm + " ppm"));
        }
        if (dividendCapPpm == null) {
            problems.add(new GreenRuleProblem("dividendCap", "is required (empty when off)"));
        } else if (dividendCapPpm.isPresent()
                && (dividendCapPpm.getAsLong() < 0 || dividendCapPpm.getAsLong() > DIVIDEND_CAP_PPM_MAX)) {
            problems.add(new GreenRuleProblem("dividendCap",
                    "must be none or from 0% to 10000%: " + dividendCapPpm.getAsLong() + " ppm"));
        }
        return problems;
    }
}
