package org.zengzhi.engine.plan;

import org.zengzhi.engine.Limits;

/** The split templates' rule: the shares of one whole must add up to exactly 100%. */
final class PlanShares {
    private PlanShares() {
    }

    /**
     * Records an error on the section unless the shares named by {@code keys} add up to exactly 100% of
     * {@code whole}; stays silent when one of them failed to read, since its value is then a stand-in.
     */
    static void mustMakeWhole(PlanFields section, String whole, String[] keys, long[] sharesPpm) {
        String[] fields = new String[keys.length];
        long sum = 0;
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            fields[i] = section.field(keys[i]);
            sum += sharesPpm[i];
            parts.append(i == 0 ? "" : " + ").append(fields[i]).append(' ').append(PlanText.percent(sharesPpm[i]));
        }
        if (section.anyFailed(fields) || sum == Limits.PPM) {
            return;
        }
        String verdict = sum > Limits.PPM ? ", more than " + whole : ", less than " + whole;
        section.error(section.path(), parts + " = " + PlanText.percent(sum) + verdict
                + "; the shares must add up to exactly 100% (R-2.2)");
    }
}
