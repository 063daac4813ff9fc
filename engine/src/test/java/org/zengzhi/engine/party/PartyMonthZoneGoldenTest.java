package org.zengzhi.engine.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.plan.Plan;

/**
 * Issue 18: four-party months are calendar months of the plan's time zone (Asia/Shanghai unless the plan says
 * otherwise), as green points' are (R-7.3 burn and rule 4 bonuses at the month's close, rule 8 the promoters'
 * months). 00:30 on 1 April in Beijing is 16:30 on 31 March in UTC: March has ended there, and a sale settled
 * then is April's.
 */
class PartyMonthZoneGoldenTest {
    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    /** 2026-04-01 00:30 in Beijing. */
    private static final Instant APRIL_FIRST_0030_BEIJING = Instant.parse("2026-03-31T16:30:00Z");
    /** 2026-03-31 23:30 in Beijing. */
    private static final Instant MARCH_LAST_2330_BEIJING = Instant.parse("2026-03-31T15:30:00Z");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void marchClosesAtHalfPastMidnightOnTheFirstInBeijingNotBefore() {
        Engine engine = engine(PartyRules.seed000());
        assertThat(engine.party().model().rules().timeZone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(code(engine.execute(new Command.CloseMonth("m0", MARCH_LAST_2330_BEIJING, "2026-03"))))
                .isEqualTo(RejectionCode.INVALID_PERIOD);
        List<Event> closed = engine.execute(new Command.CloseMonth("m1", APRIL_FIRST_0030_BEIJING, "2026-03"));
        assertThat(closed).anyMatch(event -> event instanceof Event.PartyMonthClosed month
                && month.month().equals("2026-03"));
    }

    @Test
    void aPlanInUtcStillWaitsForMidnightUtc() throws IOException {
        Engine engine = engine(PartyRules.seed000().withTimeZone(ZoneOffset.UTC));
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(snapshot(engine)));
        for (Engine each : List.of(engine, restored)) {
            assertThat(each.party().model().rules().timeZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(code(each.execute(new Command.CloseMonth("m1", APRIL_FIRST_0030_BEIJING, "2026-03"))))
                    .isEqualTo(RejectionCode.INVALID_PERIOD);
        }
    }

    /** Rule 8: the promoter's promoted sales count in the Beijing month of the settlement. */
    @Test
    void aSaleSettledAtHalfPastMidnightOnTheFirstInBeijingIsAprils() {
        Engine engine = engine(PartyRules.seed000());
        Instant paid = APRIL_FIRST_0030_BEIJING.minus(engine.party().model().rules().settlementDelay());
        engine.execute(new Command.RegisterUser("r0", T0, "pro", null));
        engine.execute(new Command.RegisterUser("r1", T0, "amy", "pro"));
        engine.execute(new Command.SetCreditScore("c0", T0, "pro", 700));
        engine.execute(new Command.RegisterSupplier("s0", T0, "tea-farm", 0, 0));
        engine.execute(new Command.ListProduct("l0", T0, "tea", "tea-farm", 10_000, 3_000));
        assertThat(engine.execute(new Command.PayPartyOrder("o1", paid, "amy", "tea", 1, 0, null, "d1", "i1")))
                .anyMatch(Event.PartyOrderPaid.class::isInstance);
        assertThat(engine.execute(new Command.Tick("t1", APRIL_FIRST_0030_BEIJING)))
                .anyMatch(Event.PartyOrderSettled.class::isInstance);

        int pro = engine.models().network().participants().find("pro");
        assertThat(engine.party().closes().board().metricOf(pro, MARCH.plusMonths(1))).isEqualTo(10_000);
        assertThat(engine.party().closes().board().metricOf(pro, MARCH)).isZero();
    }

    private static Engine engine(PartyRules rules) {
        return new Engine(Plan.defaults(PoolRules.MALL).withParty(rules), RegionDirectory.STANDARD);
    }

    private static RejectionCode code(List<Event> events) {
        return events.stream().filter(Event.CommandRejected.class::isInstance).map(Event.CommandRejected.class::cast)
                .map(Event.CommandRejected::code).findFirst().orElse(null);
    }

    private static byte[] snapshot(Engine engine) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        return bytes.toByteArray();
    }
}
