package org.zengzhi.engine.partyrules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Limits;

/**
 * The rules of the four-party model (seed 000, issue 18), as a plan states them. Rates are in ppm, money
 * and tokens in fen, ratings in hundredths of a star. {@link #check} names every field at fault; the plan
 * reader calls it and refuses the plan on any error.
 *
 * @param feePpm                 technical service fee of each order (R-7.2, 5–8%)
 * @param rebateTiersPpm         the consumer's rebate in contribution value by member tier, lowest tier first
 *                               5–10%; the last tier, gold, up to 12%)
 * @param commissionPpm          the promoter's commission (R-5.3, 10–15%)
 * @param teamAllowancePpm       the team leader's allowance (R-5.3, 3–5%; 0 unless {@code riskAcknowledged})
 * @param riskAcknowledged       the operator's acknowledgement that team allowances are 团队计酬
 * @param inviteRewardPpm        the first-order invite reward
 * @param supplierSharePpm       the supplier's base share of the price (R-7.2, 50–60%)
 * @param prepayPpm              the part of the supplier's share prepaid at payment (平台预付30%货款)
 * @param confirmWindow          time to confirm receipt (30天确认收货)
 * @param noReturnWindow         time without return after it (7天无退货)
 * @param contribTransferFeePpm  fee of a contribution value transfer (1%)
 * @param stokenPpm              supplier tokens (fen) per fen of settled sales
 * @param baselineBonusPpm       bonus on a supplier's monthly sales above its baseline (5%)
 * @param ratingMinCenti         average rating below which a product costs its supplier (450 = 4.5 stars)
 * @param depositPenaltyPpm      part of the deposit such a product costs (5%)
 * @param burnPpm                monthly burn of circulating tokens (R-7.3, 5%)
 * @param burnMode               buy-back from a budget, or a pro-rata haircut
 * @param buybackBudgetFen       the month's budget of a buy-back, at face value
 * @param riskWindow             the window in which orders from one device or IP are counted (24 h)
 * @param riskOrderThreshold     the order within the window that is flagged (the 4th)
 * @param creditScoreMin         the credit score a promoter needs to earn (600)
 * @param feeDiscountPpm         the fee reduction a supplier can buy with tokens for the next month
 * @param feeDiscountPriceStoken its price in tokens (fen)
 * @param trafficPackages        the catalogue of traffic packages suppliers buy with tokens
 * @param equityPoolPpm          the share of the platform's annual net that the top 10% of promoters share as
 *                               virtual equity at the year's close (R-5.3; the seed names no share)
 * @param timeZone               the zone whose calendar months the month closes, the promoters' months and the
 *                               year close count (as green points do; default Asia/Shanghai)
 */
public record PartyRules(long feePpm, List<Long> rebateTiersPpm, long commissionPpm, long teamAllowancePpm,
                         boolean riskAcknowledged, long inviteRewardPpm, long supplierSharePpm, long prepayPpm,
                         Duration confirmWindow, Duration noReturnWindow, long contribTransferFeePpm,
                         long stokenPpm, long baselineBonusPpm, int ratingMinCenti, long depositPenaltyPpm,
                         long burnPpm, BurnMode burnMode, long buybackBudgetFen, Duration riskWindow,
                         int riskOrderThreshold, int creditScoreMin, long feeDiscountPpm, long feeDiscountPriceStoken,
                         List<TrafficPackage> trafficPackages, long equityPoolPpm, ZoneId timeZone) {
    /** The zone of a plan that names none, and of a snapshot written before rules carried one. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    /** Member tiers with a rebate rate of their own. */
    public static final int TIERS_MAX = 16;
    /** Traffic packages in the catalogue. */
    public static final int PACKAGES_MAX = 64;
    /** Length of a traffic package's name. */
    public static final int PACKAGE_NAME_LENGTH_MAX = 64;
    /** The longest settlement or risk window: a year keeps every instant far inside {@link java.time.Instant}. */
    public static final Duration WINDOW_MAX = Duration.ofDays(366);
    /** The order count that flags a device or IP cannot be set beyond this. */
    public static final int RISK_ORDERS_MAX = 100;
    /** The top of the credit score scale. */
    public static final int CREDIT_SCORE_MAX = 1000;
    /** Five stars, in hundredths. */
    public static final int RATING_MAX_CENTI = 500;

    private static final long PPM = Limits.PPM;

    /** How a month's burn takes tokens out of circulation. */
    public enum BurnMode {
        /** The platform pays holders face value for what is burned, within the month's budget. */
        BUYBACK,
        /** Every holder loses the same share, unpaid: a haircut. */
        PRO_RATA
    }

    /** A traffic package suppliers can buy with tokens (流量包). */
    public record TrafficPackage(String name, long priceStoken) {
    }

    public PartyRules {
        rebateTiersPpm = List.copyOf(rebateTiersPpm);
        trafficPackages = List.copyOf(trafficPackages);
    }

    /** Rules in the default time zone (Asia/Shanghai). */
    public PartyRules(long feePpm, List<Long> rebateTiersPpm, long commissionPpm, long teamAllowancePpm,
                      boolean riskAcknowledged, long inviteRewardPpm, long supplierSharePpm, long prepayPpm,
                      Duration confirmWindow, Duration noReturnWindow, long contribTransferFeePpm,
                      long stokenPpm, long baselineBonusPpm, int ratingMinCenti, long depositPenaltyPpm,
                      long burnPpm, BurnMode burnMode, long buybackBudgetFen, Duration riskWindow,
                      int riskOrderThreshold, int creditScoreMin, long feeDiscountPpm, long feeDiscountPriceStoken,
                      List<TrafficPackage> trafficPackages, long equityPoolPpm) {
        this(feePpm, rebateTiersPpm, commissionPpm, teamAllowancePpm, riskAcknowledged, inviteRewardPpm,
                supplierSharePpm, prepayPpm, confirmWindow, noReturnWindow, contribTransferFeePpm, stokenPpm,
                baselineBonusPpm, ratingMinCenti, depositPenaltyPpm, burnPpm, burnMode, buybackBudgetFen, riskWindow,
                riskOrderThreshold, creditScoreMin, feeDiscountPpm, feeDiscountPriceStoken, trafficPackages,
                equityPoolPpm, DEFAULT_TIME_ZONE);
    }

    /** The same rules in another time zone. */
    public PartyRules withTimeZone(ZoneId zone) {
        return new PartyRules(feePpm, rebateTiersPpm, commissionPpm, teamAllowancePpm, riskAcknowledged,
                inviteRewardPpm, supplierSharePpm, prepayPpm, confirmWindow, noReturnWindow, contribTransferFeePpm,
                stokenPpm, baselineBonusPpm, ratingMinCenti, depositPenaltyPpm, burnPpm, burnMode, buybackBudgetFen,
                riskWindow, riskOrderThreshold, creditScoreMin, feeDiscountPpm, feeDiscountPriceStoken,
                trafficPackages, equityPoolPpm, zone);
    }

    /** Rules without an equity pool. */
    public PartyRules(long feePpm, List<Long> rebateTiersPpm, long commissionPpm, long teamAllowancePpm,
                      boolean riskAcknowledged, long inviteRewardPpm, long supplierSharePpm, long prepayPpm,
                      Duration confirmWindow, Duration noReturnWindow, long contribTransferFeePpm,
                      long stokenPpm, long baselineBonusPpm, int ratingMinCenti, long depositPenaltyPpm,
                      long burnPpm, BurnMode burnMode, long buybackBudgetFen, Duration riskWindow,
                      int riskOrderThreshold, int creditScoreMin, long feeDiscountPpm, long feeDiscountPriceStoken,
                      List<TrafficPackage> trafficPackages) {
        this(feePpm, rebateTiersPpm, commissionPpm, teamAllowancePpm, riskAcknowledged, inviteRewardPpm,
                supplierSharePpm, prepayPpm, confirmWindow, noReturnWindow, contribTransferFeePpm, stokenPpm,
                baselineBonusPpm, ratingMinCenti, depositPenaltyPpm, burnPpm, burnMode, buybackBudgetFen, riskWindow,
                riskOrderThreshold, creditScoreMin, feeDiscountPpm, feeDiscountPriceStoken, trafficPackages, 0);
    }

    /** Seed 000 as written: fee 6%, rebate 8% and gold 12%, commission 12%, share 55%, prepay 30%, burn 5%. */
    public static PartyRules seed000() {
        return new PartyRules(60_000, List.of(80_000L, 120_000L), 120_000, 0, false, 80_000, 550_000, 300_000,
                Duration.ofDays(30), Duration.ofDays(7), 10_000, 10_000, 50_000, 450, 50_000,
                50_000, BurnMode.PRO_RATA, 0, Duration.ofHours(24), 4, 600, 10_000, 100_000,
                List.of(new TrafficPackage("直播间推广", 50_000), new TrafficPackage("朋友圈广告", 30_000)));
    }

    /** The time from payment to settlement: 30 days confirm + 7 days no return. */
    public Duration settlementDelay() {
        return confirmWindow.plus(noReturnWindow);
    }

    /** The rebate rate of a member tier. */
    public long rebatePpm(int tier) {
        return rebateTiersPpm.get(tier);
    }

    /** The highest rebate any tier earns: what the parts check must allow for. */
    public long maxRebatePpm() {
        return rebateTiersPpm.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Every reason these rules cannot run, each naming its field; empty when they can. */
    public List<PartyRuleError> check() {
        List<PartyRuleError> errors = new ArrayList<>();
        rate(errors, "fee", feePpm, 50_000, 80_000);
        checkTiers(errors);
        rate(errors, "commission", commissionPpm, 100_000, 150_000);
        checkAllowance(errors);
        rate(errors, "inviteReward", inviteRewardPpm, 0, PPM);
        rate(errors, "supplierShare", supplierSharePpm, 500_000, 600_000);
        rate(errors, "prepay", prepayPpm, 0, PPM);
        window(errors, "confirmWindow", confirmWindow, false);
        window(errors, "noReturnWindow", noReturnWindow, false);
        rate(errors, "contribTransferFee", contribTransferFeePpm, 0, PPM);
        rate(errors, "stokenRate", stokenPpm, 0, PPM);
        rate(errors, "baselineBonus", baselineBonusPpm, 0, PPM);
        range(errors, "ratingMin", ratingMinCenti, 0, RATING_MAX_CENTI);
        rate(errors, "depositPenalty", depositPenaltyPpm, 0, PPM);
        checkBurn(errors);
        window(errors, "riskWindow", riskWindow, true);
        range(errors, "riskOrders", riskOrderThreshold, 2, RISK_ORDERS_MAX);
        range(errors, "creditScoreMin", creditScoreMin, 0, CREDIT_SCORE_MAX);
        checkFeeDiscount(errors);
        checkPackages(errors);
        checkParts(errors);
        rate(errors, "equityPool", equityPoolPpm, 0, PPM);
        if (timeZone == null) {
            errors.add(new PartyRuleError("timeZone", "is required"));
        }
        return errors;
    }

    private void checkTiers(List<PartyRuleError> errors) {
        if (rebateTiersPpm.isEmpty() || rebateTiersPpm.size() > TIERS_MAX) {
            errors.add(new PartyRuleError("rebateTiers", "needs 1 to " + TIERS_MAX + " tiers"));
            return;
        }
        int gold = rebateTiersPpm.size() - 1;
        for (int tier = 0; tier <= gold; tier++) {
            long highest = tier == gold ? 120_000 : 100_000;
            rate(errors, "rebateTiers[" + tier + "]", rebateTiersPpm.get(tier), 50_000, highest);
        }
    }

    private void checkAllowance(List<PartyRuleError> errors) {
        if (teamAllowancePpm == 0) {
            return;
        }
        if (!riskAcknowledged) {
            errors.add(new PartyRuleError("teamAllowance", "is 团队计酬 (pay from a downline's sales, R-4.6): "
                    + "it needs riskAcknowledged, or 0"));
        }
        rate(errors, "teamAllowance", teamAllowancePpm, 30_000, 50_000);
    }

    private void checkBurn(List<PartyRuleError> errors) {
        rate(errors, "burn", burnPpm, 0, PPM);
        if (burnMode == null) {
            errors.add(new PartyRuleError("burnMode", "is missing: buyback or proRata"));
        }
        range(errors, "buybackBudget", buybackBudgetFen, 0, Limits.AMOUNT_FEN_MAX);
    }

    private void checkFeeDiscount(List<PartyRuleError> errors) {
        rate(errors, "feeDiscount", feeDiscountPpm, 0, feePpm);
        if (feeDiscountPpm > 0) {
            range(errors, "feeDiscountPrice", feeDiscountPriceStoken, 1, Limits.AMOUNT_FEN_MAX);
        }
    }

    private void checkPackages(List<PartyRuleError> errors) {
        if (trafficPackages.size() > PACKAGES_MAX) {
            errors.add(new PartyRuleError("trafficPackages", "has more than " + PACKAGES_MAX + " packages"));
            return;
        }
        for (int i = 0; i < trafficPackages.size(); i++) {
            TrafficPackage offer = trafficPackages.get(i);
            String name = offer.name();
            if (name == null || name.isBlank() || name.length() > PACKAGE_NAME_LENGTH_MAX) {
                errors.add(new PartyRuleError("trafficPackages[" + i + "].name",
                        "needs 1 to " + PACKAGE_NAME_LENGTH_MAX + " characters"));
            }
            range(errors, "trafficPackages[" + i + "].price", offer.priceStoken(), 1, Limits.AMOUNT_FEN_MAX);
        }
    }

    /**
     * The parts of one order can never add up to more than its price, whatever the consumer's tier and
     * whoever the order pays: fee + highest rebate + commission + allowance + invite reward + supplier share.
     */
    private void checkParts(List<PartyRuleError> errors) {
        long total = feePpm + maxRebatePpm() + commissionPpm + teamAllowancePpm + inviteRewardPpm + supplierSharePpm;
        if (total > PPM) {
            errors.add(new PartyRuleError("parts", "fee " + percent(feePpm) + " + highest rebate "
                    + percent(maxRebatePpm()) + " + commission " + percent(commissionPpm) + " + team allowance "
                    + percent(teamAllowancePpm) + " + invite reward " + percent(inviteRewardPpm)
                    + " + supplier share " + percent(supplierSharePpm) + " = " + percent(total)
                    + " of the price, more than 100%"));
        }
    }

    private static void range(List<PartyRuleError> errors, String field, long value, long low, long high) {
        if (value < low || value > high) {
            errors.add(new PartyRuleError(field, "is " + value + ", allowed " + low + " to " + high));
        }
    }

    /** A rate out of its range, said in percent as the seed and the plan file write it. */
    private static void rate(List<PartyRuleError> errors, String field, long ppm, long low, long high) {
        if (ppm < low || ppm > high) {
            errors.add(new PartyRuleError(field, "is " + percent(ppm) + ", allowed " + percent(low) + " to "
                    + percent(high)));
        }
    }

    private static void window(List<PartyRuleError> errors, String field, Duration value, boolean positive) {
        if (value == null || value.isNegative() || (positive && value.isZero()) || value.compareTo(WINDOW_MAX) > 0) {
            errors.add(new PartyRuleError(field, "must be " + (positive ? "more than 0" : "0 or more")
                    + " and at most " + WINDOW_MAX.toDays() + " days"));
        }
    }

    /** A rate in ppm as a percentage with every decimal it has: 60000 → "6%", 12500 → "1.25%". */
    private static String percent(long ppm) {
        return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%";
    }
}
