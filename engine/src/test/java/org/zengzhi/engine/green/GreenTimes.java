package org.zengzhi.engine.green;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Instants on calendar days in Shanghai, counted from day 0 = 2026-03-01, as the golden cases count. */
final class GreenTimes {
    static final LocalDate DAY_0 = LocalDate.of(2026, 3, 1);

    private GreenTimes() {
    }

    /** {@code hour}:00 on day {@code day}. */
    static Instant at(int day, int hour) {
        return DAY_0.plusDays(day).atTime(LocalTime.of(hour, 0)).atZone(GreenRules.SHANGHAI).toInstant();
    }

    /** 00:00 of day {@code day}: when a dividend paid that day is due. */
    static Instant midnight(int day) {
        return at(day, 0);
    }
}
