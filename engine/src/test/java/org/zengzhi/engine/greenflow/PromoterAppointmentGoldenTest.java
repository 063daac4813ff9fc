package org.zengzhi.engine.greenflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.PlanYaml;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.PlanReader;

/**
 * Issue 17 rule 7: "the 让利 of the merchants they recruited whose orders are due in that calendar month … from
 * the promoter's appointment on". The appointment is an instant: an order due earlier in the same month counts
 * nothing, even when a tick settles it after the appointment (found by the greenref comparison, where the engine
 * counted the whole appointment month). The instants live in the snapshot, so a resumed engine agrees.
 */
class PromoterAppointmentGoldenTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void anOrderDueBeforeTheAppointmentCountsNothingEvenInTheSameMonth() throws IOException {
        Engine engine = engine();
        List<Event> events = new ArrayList<>();
        head().forEach(command -> events.addAll(engine.execute(command)));
        tail().forEach(command -> events.addAll(engine.execute(command)));

        Event.PromoterMonthClosed pam = events.stream().filter(Event.PromoterMonthClosed.class::isInstance)
                .map(Event.PromoterMonthClosed.class::cast).findFirst().orElseThrow();
        assertThat(pam.metricFen()).as("10% of o2's 50,000.00 only; o1 was due before pam was appointed")
                .isEqualTo(500_000L);
        assertThat(pam.personalFen()).as("初级商务: 6% of 5,000.00").isEqualTo(30_000L);
    }

    @Test
    void aSnapshotTakenBetweenTheAppointmentAndTheTickCarriesTheAppointmentInstant() throws IOException {
        Engine whole = engine();
        head().forEach(whole::execute);
        List<Event> wholeTail = new ArrayList<>();
        tail().forEach(command -> wholeTail.addAll(whole.execute(command)));

        Engine head = engine();
        head().forEach(head::execute);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(head, bytes);
        Engine resumed = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        List<Event> resumedTail = new ArrayList<>();
        tail().forEach(command -> resumedTail.addAll(resumed.execute(command)));

        assertThat(resumedTail).isEqualTo(wholeTail);
        assertThat(resumed.stateHash()).isEqualTo(whole.stateHash());
    }

    private static Engine engine() throws IOException {
        return new Engine(PlanReader.read(PlanYaml.preset("green-points.yaml")).plan(), RegionDirectory.STANDARD);
    }

    /** o1 due on 5 March, pam appointed on 10 March, o2 due on 12 March; nothing settled yet. */
    private static List<Command> head() {
        return List.of(new Command.RegisterUser("r1", at(1, 9), "owner", null),
                new Command.RegisterUser("r2", at(1, 9), "pam", null),
                new Command.RegisterUser("r3", at(1, 9), "alice", null),
                new Command.OnboardMerchant("m1", at(1, 10), "shop", "owner", "pam", "440106", 100_000),
                new Command.PayOrder("o1", at(5, 10), "alice", "shop", Channel.STORE, 10_000_000, 0, null, null, 0),
                new Command.AppointPromoter("p1", at(10, 10), "pam", null),
                new Command.PayOrder("o2", at(12, 10), "alice", "shop", Channel.STORE, 5_000_000, 0, null, null, 0));
    }

    /** A tick settles both orders after the appointment; March closes. */
    private static List<Command> tail() {
        return List.of(new Command.Tick("t1", at(13, 0)),
                new Command.CloseMonth("c1", LocalDateTime.of(2026, 4, 1, 0, 0).atZone(SHANGHAI).toInstant(), "2026-03"));
    }

    private static Instant at(int marchDay, int hour) {
        return LocalDateTime.of(2026, 3, marchDay, hour, 0).atZone(SHANGHAI).toInstant();
    }
}
