package org.zengzhi.server.localize;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.plan.Plan;

/**
 * The one formatter of every time the console shows (issue 20 item 7): minutes, in the plan's time zone
 * (the green-points section's {@code timeZone}, else Asia/Shanghai), never UTC or an ISO instant with nanoseconds.
 */
public final class PlanTime {
    public static final ZoneId DEFAULT_ZONE = GreenRules.SHANGHAI;
    private static final String PATTERN = "yyyy-MM-dd HH:mm";
    private static volatile DateTimeFormatter formatter = DateTimeFormatter.ofPattern(PATTERN).withZone(DEFAULT_ZONE);

    private PlanTime() {
    }

    /** The zone a plan's calendar is kept in: the green-points section's, else Asia/Shanghai. */
    public static ZoneId zoneOf(Plan plan) {
        return plan != null && plan.greenPoints() != null && plan.greenPoints().timeZone() != null
                ? plan.greenPoints().timeZone() : DEFAULT_ZONE;
    }

    /** Set once the tenant's plan is loaded ({@link PlanTimeSetup}). */
    static void use(ZoneId zone) {
        formatter = DateTimeFormatter.ofPattern(PATTERN).withZone(zone);
    }

    public static ZoneId zone() {
        return formatter.getZone();
    }

    /** An instant as people read it in the plan's zone, such as {@code 2026-12-06 11:36}; null is blank. */
    public static String format(Instant instant) {
        return instant == null ? "" : formatter.format(instant);
    }
}
