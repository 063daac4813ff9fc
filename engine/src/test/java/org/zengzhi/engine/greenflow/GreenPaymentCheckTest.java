package org.zengzhi.engine.greenflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.PlanYaml;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.PlanReader;

/**
 * Issue 19 item 4's rule for green points (issue 17 rule 6): the check the server asks before a payment exists,
 * {@code OrderFlow.paymentProblem}, refuses what the engine's {@code pay} refuses — more vouchers than held, coins
 * not held — with the same code and field, changing nothing; a payment within the holdings passes both.
 */
class GreenPaymentCheckTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    @Test
    void theCheckBeforePaymentRefusesVouchersAndCoinsNotHeld_asPayDoes() throws IOException {
        Engine engine = new Engine(PlanReader.read(PlanYaml.preset("green-points.yaml")).plan(), RegionDirectory.STANDARD);
        engine.execute(new Command.RegisterUser("r1", T0, "amy", null));
        engine.execute(new Command.OnboardMerchant("m1", T0, "shop", "lee", null, "440106", 200_000));
        Command.PayOrder vouchers = new Command.PayOrder("o1", T0, "amy", "shop", Channel.STORE, 10_000, 0, null, null, 1);
        Command.PayOrder coins = new Command.PayOrder("c1", T0, "amy", "shop", Channel.COIN, 1, 0, null, null);
        for (Command.PayOrder pay : List.of(vouchers, coins)) {
            Problem before = engine.models().orders().paymentProblem(pay);
            assertThat(before).as(pay.id()).isNotNull();
            assertThat(before.code()).isIn(RejectionCode.INSUFFICIENT_VOUCHERS, RejectionCode.INSUFFICIENT_COINS);
            List<Event> events = engine.execute(pay);
            assertThat(events).singleElement().isInstanceOfSatisfying(Event.CommandRejected.class, rejected -> {
                assertThat(rejected.code()).isEqualTo(before.code());
                assertThat(rejected.field()).isEqualTo(before.field());
            });
        }
        Command.PayOrder cash = new Command.PayOrder("o2", T0, "amy", "shop", Channel.STORE, 10_000, 0, null, null);
        assertThat(engine.models().orders().paymentProblem(cash)).isNull();
        assertThat(engine.execute(cash)).noneMatch(Event.CommandRejected.class::isInstance);
    }
}
