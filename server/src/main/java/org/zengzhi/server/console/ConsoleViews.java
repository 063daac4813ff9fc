package org.zengzhi.server.console;

import java.math.BigDecimal;

/** How the console's pages write numbers for people, whatever the feature. */
public final class ConsoleViews {
    private ConsoleViews() {
    }

    /** A ratio in ppm as people read it: 800000 → "80%" (exact: a decimal string, never a double). */
    public static String percent(long ppm) {
        return new BigDecimal(ppm).movePointLeft(4).stripTrailingZeros().toPlainString() + "%";
    }
}
