package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.PlanYaml;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.plan.PlanReader;

/**
 * Issue 17's golden cases run through the whole engine with plans/green-points.yaml: the
 * order flow settles store orders into the green-points model, ticks interleave settlements and dividends,
 * and everything lands in the ledger, the snapshot and the state hash.
 */
class GreenEngineGoldenTest {
    /** A 20% 让利 on 5,000,000.00 CNY earns 1,000,000 points (100,000,000 centipoints). */
    private static final long MILLION_POINTS_ORDER_FEN = 500_000_000L;

    private final Engine engine = new Engine(preset("green-points.yaml"), RegionDirectory.STANDARD);
    private int commands;

    static Plan preset(String file) {
        try {
            PlanCheck check = PlanReader.read(PlanYaml.preset(file));
            assertThat(check.errors()).isEmpty();
            return check.plan();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePresetsAreSeed003AsWrittenAndEscalating() {
        assertThat(preset("green-points.yaml").greenPoints()).isEqualTo(GreenRules.SEED);
        assertThat(preset("green-points-escalating.yaml").greenPoints()).isEqualTo(GreenRules.SEED_ESCALATING);
    }

    @Test
    void theFirstConsumerDividendAtOneMillionPointsPaysHalfAPercent() {
        setUp();
        pay("alice", MILLION_POINTS_ORDER_FEN, 0, GreenTimes.at(0, 10));
        List<Event> events = tick(GreenTimes.midnight(1));

        Event.GreenEarned earned = only(events, Event.GreenEarned.class).get(0);
        assertThat(earned.pointsCentipoints()).isEqualTo(100_000_000L);
        assertThat(earned.coinsFen()).isEqualTo(10_000_000L);
        assertThat(earned.merchantCentipoints()).isEqualTo(100_000_000L);
        Event.DividendPaid dividend = only(events, Event.DividendPaid.class).get(0);
        assertThat(dividend.pool()).isEqualTo("consumer");
        assertThat(dividend.period()).isEqualTo(1);
        assertThat(dividend.at()).isEqualTo(GreenTimes.midnight(1));
        assertThat(dividend.growthPpm()).isEqualTo(Event.DividendPaid.NO_GROWTH);
        assertThat(dividend.vouchersFen()).isEqualTo(500_000L);
        assertThat(engine.balance(AccountType.USER_VOUCHER, "alice")).isEqualTo(500_000L);
        assertThat(engine.balance(AccountType.USER_GREEN, "alice")).isEqualTo(100_000_000L);
        assertThat(engine.balance(AccountType.SETTLEMENT_CENTRE, null)).isEqualTo(100_000_000L);
        assertBooksHold();
    }

    @Test
    void growthOnDayThreeIsPaidOnDayElevenAndOnDayTenToMerchants() {
        setUp();
        pay("alice", 10 * MILLION_POINTS_ORDER_FEN, 0, GreenTimes.at(0, 10)); // both pools start
        tick(GreenTimes.midnight(1));
        pay("alice", 15 * MILLION_POINTS_ORDER_FEN / 10, 0, GreenTimes.at(4, 10)); // day 3 after day 1
        List<Event.DividendPaid> dividends = dividends(tick(GreenTimes.midnight(13)));

        assertThat(dividends).extracting(Event.DividendPaid::pool, Event.DividendPaid::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("merchant", GreenTimes.midnight(11)),
                        org.assertj.core.groups.Tuple.tuple("consumer", GreenTimes.midnight(12)));
        assertThat(dividends.get(1).growthPpm()).isEqualTo(150_000);
        assertBooksHold();
    }

    @Test
    void growthOnDaySeventeenIsPaidOnDayEighteen() {
        setUp();
        pay("alice", MILLION_POINTS_ORDER_FEN, 0, GreenTimes.at(0, 10));
        tick(GreenTimes.midnight(1));
        pay("alice", 15 * MILLION_POINTS_ORDER_FEN / 100, 0, GreenTimes.at(18, 10)); // day 17 after day 1
        List<Event.DividendPaid> dividends = dividends(tick(GreenTimes.midnight(25)));

        assertThat(dividends).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(GreenTimes.midnight(19));
            assertThat(d.scalePpm()).isEqualTo(1_000_000);
            assertThat(d.vouchersFen()).isEqualTo(500_000L + 75_000L);
        });
        assertBooksHold();
    }

    @Test
    void growthNeverReachedIsPaidOnDayThirtyOneAtItsScale() {
        setUp();
        pay("alice", MILLION_POINTS_ORDER_FEN, 0, GreenTimes.at(0, 10));
        tick(GreenTimes.midnight(1));
        pay("alice", 75 * MILLION_POINTS_ORDER_FEN / 1000, 0, GreenTimes.at(5, 10)); // 7.5%: half the growth
        List<Event.DividendPaid> dividends = dividends(tick(GreenTimes.midnight(40)));

        assertThat(dividends).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(GreenTimes.midnight(32));
            assertThat(d.scalePpm()).isEqualTo(500_000);
            assertThat(d.growthPpm()).isEqualTo(75_000);
        });
        assertBooksHold();
    }

    @Test
    void vouchersPayPartOfAStoreOrderAndARefundBeforeSettlementGivesThemBack() {
        setUp();
        pay("alice", MILLION_POINTS_ORDER_FEN, 0, GreenTimes.at(0, 10));
        tick(GreenTimes.midnight(1));
        long vouchers = engine.balance(AccountType.USER_VOUCHER, "alice");

        List<Event> tooMany = pay("alice", 1_000_000, vouchers + 1, GreenTimes.at(1, 10));
        assertThat(only(tooMany, Event.CommandRejected.class)).extracting(Event.CommandRejected::code)
                .containsExactly(RejectionCode.INSUFFICIENT_VOUCHERS);

        long centre = engine.balance(AccountType.SETTLEMENT_CENTRE, null);
        execute(new Command.PayOrder("o-refund", GreenTimes.at(1, 12), "alice", "shop", Channel.STORE, 100_000, 0,
                null, null, 40_000));
        assertThat(engine.balance(AccountType.USER_VOUCHER, "alice")).isEqualTo(vouchers - 40_000);
        execute(new Command.RefundOrder("r", GreenTimes.at(1, 12), "o-refund"));
        assertThat(engine.balance(AccountType.USER_VOUCHER, "alice")).isEqualTo(vouchers);
        assertThat(engine.balance(AccountType.SETTLEMENT_CENTRE, null)).isEqualTo(centre);

        List<Event> paid = pay("alice", 100_000, 40_000, GreenTimes.at(1, 13));
        assertThat(only(paid, Event.CommandRejected.class)).isEmpty();
        Event.GreenEarned earned = only(tick(GreenTimes.at(1, 14)), Event.GreenEarned.class).get(0);
        assertThat(earned.pointsCentipoints()).isEqualTo(12_000); // 20% of the 600.00 paid in cash
        assertThat(earned.merchantCentipoints()).isEqualTo(20_000); // 20% of the whole 1000.00
        assertThat(engine.balance(AccountType.MERCHANT_CASH, "shop"))
                .isEqualTo(MILLION_POINTS_ORDER_FEN * 8 / 10 + 80_000);
        assertBooksHold();
    }

    @Test
    void aSnapshotAndItsTailGiveTheStateHashOfTheFullRun() throws IOException {
        setUp();
        pay("alice", MILLION_POINTS_ORDER_FEN, 0, GreenTimes.at(0, 10));
        tick(GreenTimes.midnight(1));
        pay("alice", 100_000, 30_000, GreenTimes.at(1, 13));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());

        Command tail = new Command.Tick("tail", GreenTimes.midnight(40));
        engine.execute(tail);
        restored.execute(tail);
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.balances()).isEqualTo(engine.balances());
    }

    private void setUp() {
        execute(new Command.RegisterUser("u1", GreenTimes.at(0, 8), "owner", null));
        execute(new Command.RegisterUser("u2", GreenTimes.at(0, 8), "alice", null));
        execute(new Command.OnboardMerchant("m1", GreenTimes.at(0, 9), "shop", "owner", null, "440106", -1));
    }

    private List<Event> pay(String user, long amountFen, long voucherFen, Instant at) {
        return execute(new Command.PayOrder("o" + (++commands), at, user, "shop", Channel.STORE, amountFen, 0, null,
                null, voucherFen));
    }

    private List<Event> tick(Instant at) {
        return execute(new Command.Tick("t" + (++commands), at));
    }

    private List<Event> execute(Command command) {
        List<Event> events = engine.execute(command);
        assertThat(engine.checkInvariants()).isEmpty();
        return events;
    }

    private static <T extends Event> List<T> only(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Event.DividendPaid> dividends(List<Event> events) {
        return only(events, Event.DividendPaid.class);
    }

    private void assertBooksHold() {
        for (Asset asset : Asset.values()) {
            assertThat(engine.assetTotal(asset)).as(asset.name()).isZero();
        }
        assertThat(engine.findings()).isEmpty();
    }
}
