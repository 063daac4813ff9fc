package org.zengzhi.server.localize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zengzhi.server.console.ConsoleCalls;

/** Issue 20 item 7: times shown in the plan's zone (Asia/Shanghai by default), to the minute, never UTC. */
class PlanTimeTest {
    private static final Instant UTC_0336 = Instant.parse("2026-12-06T03:36:12.123456789Z");

    @AfterEach
    void back() {
        PlanTime.use(PlanTime.DEFAULT_ZONE);
    }

    @Test
    void issue20Item7BeijingTimeByDefaultWithoutNanoseconds() {
        assertThat(PlanTime.zoneOf(null)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(PlanTime.format(UTC_0336)).isEqualTo("2026-12-06 11:36");
        assertThat(PlanTime.format(null)).isEmpty();
        assertThat(ConsoleCalls.isoTime(UTC_0336.toString())).isEqualTo("2026-12-06 11:36");
        assertThat(ConsoleCalls.time(java.sql.Timestamp.from(UTC_0336))).isEqualTo("2026-12-06 11:36");
    }

    @Test
    void issue20Item7ThePlansZoneIsUsed() {
        PlanTime.use(ZoneId.of("Europe/Berlin"));
        assertThat(PlanTime.format(UTC_0336)).isEqualTo("2026-12-06 04:36");
        assertThat(ConsoleCalls.isoTime(UTC_0336.toString())).isEqualTo("2026-12-06 04:36");
    }
}
