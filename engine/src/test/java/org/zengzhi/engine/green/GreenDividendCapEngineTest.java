package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.Plan;

/**
 * Issue 17 rule 8 ({@code dividendCap}) through the whole engine, not only the dividend pool: store orders settle
 * through the order flow, a tick pays the first consumer dividend, and the cap on the 让利 settled since the pool's
 * last dividend scales the period down; the {@code dividend} event says so with a scale below 1 on a dividend that
 * is on time (its growth scale is 1), and the ledger holds exactly what the event says.
 */
class GreenDividendCapEngineTest {
    /** 5,000,000.00 CNY at the preset's 20% 让利: 1,000,000.00 CNY to the settlement centre, 1,000,000 points. */
    private static final long ORDER_FEN = 500_000_000L;
    private static final long RANGLI_FEN = 100_000_000L;

    @Test
    void rule8ACapThatBindsScalesTheFirstConsumerDividendAndTheEventSaysSo() {
        // Uncapped the first dividend pays 0.5% of 1,000,000 points = 5,000.00 CNY; a 0.1% cap allows 1,000.00.
        Event.DividendPaid dividend = firstDividend(OptionalLong.of(1_000));
        long budget = RANGLI_FEN / 1_000;
        assertThat(dividend.scalePpm()).isEqualTo(1_000_000L * budget / (500_000 + 1)); // ⌊scale·budget/(raw+lots)⌋
        assertThat(dividend.scalePpm()).isLessThan(1_000_000L);
        assertThat(dividend.vouchersFen()).isLessThanOrEqualTo(budget).isEqualTo(99_999L);
        assertThat(lastEngine.balance(AccountType.USER_VOUCHER, "alice")).isEqualTo(dividend.vouchersFen());
        // Rule 5's bound-merchant vouchers (5% of the points) are not dividends and are not capped.
        assertThat(lastEngine.balance(AccountType.MERCHANT_VOUCHER, "shop")).isEqualTo(5_000_000L);
        assertThat(-lastEngine.balance(AccountType.VOUCHER_ISSUANCE, null)).isEqualTo(dividend.vouchersFen() + 5_000_000L);
    }

    @Test
    void rule8ACapThatDoesNotBindChangesNothing() {
        Event.DividendPaid none = firstDividend(OptionalLong.empty());
        Event.DividendPaid half = firstDividend(OptionalLong.of(500_000));
        assertThat(half.scalePpm()).isEqualTo(none.scalePpm()).isEqualTo(1_000_000L);
        assertThat(half.vouchersFen()).isEqualTo(none.vouchersFen()).isEqualTo(500_000L);
    }

    @Test
    void rule8TheCapCountsOnlyTheRangliSinceTheLastDividendOfThatPool() {
        Engine engine = engine(OptionalLong.of(20_000)); // 2%
        setUp(engine);
        execute(engine, pay("o1", ORDER_FEN, GreenTimes.at(0, 10)));
        Event.DividendPaid first = dividends(execute(engine, new Command.Tick("t1", GreenTimes.midnight(1)))).get(0);
        assertThat(first.scalePpm()).isEqualTo(1_000_000L); // 2% of 1,000,000.00 = 20,000.00 ≥ 5,000.00

        // 15% growth on day 3 (rule 3) with 150,000.00 of 让利: a 2% cap allows 3,000.00 of the 5,750.00 due.
        execute(engine, pay("o2", ORDER_FEN * 15 / 100, GreenTimes.at(4, 10)));
        Event.DividendPaid second = dividends(execute(engine, new Command.Tick("t2", GreenTimes.midnight(13)))).get(0);
        assertThat(second.period()).isEqualTo(2);
        assertThat(second.scalePpm()).isLessThan(1_000_000L);
        assertThat(second.vouchersFen()).isLessThanOrEqualTo(RANGLI_FEN * 15 / 100 * 2 / 100);
        assertThat(engine.balance(AccountType.USER_VOUCHER, "alice"))
                .isEqualTo(first.vouchersFen() + second.vouchersFen());
        assertBooksHold(engine);
    }

    private Engine lastEngine;

    private Event.DividendPaid firstDividend(OptionalLong cap) {
        Engine engine = engine(cap);
        lastEngine = engine;
        setUp(engine);
        execute(engine, pay("o1", ORDER_FEN, GreenTimes.at(0, 10)));
        List<Event.DividendPaid> paid = dividends(execute(engine, new Command.Tick("t1", GreenTimes.midnight(1))));
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).pool()).isEqualTo("consumer");
        assertBooksHold(engine);
        return paid.get(0);
    }

    private static Engine engine(OptionalLong cap) {
        Plan preset = GreenEngineGoldenTest.preset("green-points.yaml");
        GreenRules seed = preset.greenPoints();
        GreenRules rules = new GreenRules(seed.timeZone(), seed.coinSharePpm(), seed.boundMerchantSharePpm(), cap,
                seed.consumerPool(), seed.merchantPool());
        return new Engine(preset.withGreenPoints(rules, preset.promoters()), RegionDirectory.STANDARD);
    }

    private static void setUp(Engine engine) {
        execute(engine, new Command.RegisterUser("u1", GreenTimes.at(0, 8), "owner", null));
        execute(engine, new Command.RegisterUser("u2", GreenTimes.at(0, 8), "alice", null));
        execute(engine, new Command.OnboardMerchant("m1", GreenTimes.at(0, 9), "shop", "owner", null, "440106", -1));
    }

    private static Command pay(String id, long amountFen, java.time.Instant at) {
        return new Command.PayOrder(id, at, "alice", "shop", Channel.STORE, amountFen, 0, null, null, 0);
    }

    private static List<Event> execute(Engine engine, Command command) {
        List<Event> events = engine.execute(command);
        assertThat(events).noneMatch(Event.CommandRejected.class::isInstance);
        assertThat(engine.checkInvariants()).isEmpty();
        return events;
    }

    private static List<Event.DividendPaid> dividends(List<Event> events) {
        return events.stream().filter(Event.DividendPaid.class::isInstance).map(Event.DividendPaid.class::cast)
                .toList();
    }

    private static void assertBooksHold(Engine engine) {
        for (Asset asset : Asset.values()) {
            assertThat(engine.assetTotal(asset)).as(asset.name()).isZero();
        }
    }
}
