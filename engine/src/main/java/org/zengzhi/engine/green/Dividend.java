package org.zengzhi.engine.green;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One dividend of a pool: exactly the fields of the {@code dividend} event (issue 17, Deliver 2).
 *
 * @param pool          the pool that paid it
 * @param period        the pool's dividend number, 1 for the first; a dividend of scale 0 has one too
 * @param at            its due time: 00:00 of its pay day in the rules' zone
 * @param valueCentipoints the pool's value (points ever earned) at {@code at}
 * @param growthPpm     value / previous dividend's value − 1, rounded down to 6 decimals; empty for the first
 * @param scalePpm      the share of the rates paid: 1 on time, the actual growth / growth when late, and
 *                      lower when the dividend cap (rule 8) binds
 * @param vouchersFen   the vouchers paid to all lots together
 * @param lots          the active lots when it was paid
 * @param retired       the lots it retired
 */
public record Dividend(GreenPool pool, int period, Instant at, long valueCentipoints, OptionalLong growthPpm,
        long scalePpm, long vouchersFen, int lots, int retired) {
}
