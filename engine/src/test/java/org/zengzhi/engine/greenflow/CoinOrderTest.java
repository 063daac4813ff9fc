package org.zengzhi.engine.greenflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.PlanYaml;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.PlanReader;

/**
 * Issue 17 rule 6 with the coin-mall orders of issue 20: a coin-mall order is an order. Its id is unique across
 * store and coin orders; a refund gives the coins back to the buyer and the seller funds the reversal of its cash
 * settlement from its cash (its debt for a shortfall), as says of a refund after settlement; once only.
 */
class CoinOrderTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private Engine engine;

    @BeforeEach
    void amyHoldsCoins() throws IOException {
        engine = new Engine(PlanReader.read(PlanYaml.preset("green-points.yaml")).plan(), RegionDirectory.STANDARD);
        engine.execute(new Command.RegisterUser("r1", T0, "amy", null));
        engine.execute(new Command.OnboardMerchant("m1", T0, "shop", "lee", null, "440106", 200_000));
        engine.execute(new Command.OnboardMerchant("m2", T0, "coinshop", "kim", null, "440106", 100_000));
        // 1,000.00 at 20% 让利: 200.00 points, 20.00 coins at the default coinShare 10%.
        engine.execute(new Command.PayOrder("o1", T0, "amy", "shop", Channel.STORE, 100_000, 0, null, null));
        engine.execute(new Command.Tick("t1", T0));
        assertThat(engine.balance(AccountType.USER_COIN, "amy")).isEqualTo(2_000);
    }

    private List<Event> coins(String id, long coins) {
        return engine.execute(new Command.PayOrder(id, T1, "amy", "coinshop", Channel.COIN, coins, 0, null, null));
    }

    private static RejectionCode rejection(List<Event> events) {
        return events.stream().filter(Event.CommandRejected.class::isInstance).map(Event.CommandRejected.class::cast)
                .map(Event.CommandRejected::code).findFirst().orElse(null);
    }

    @Test
    void aSecondCoinPaymentWithTheSameIdIsADuplicate_andChangesNothing() {
        assertThat(rejection(coins("c1", 500))).isNull();
        String before = engine.stateHash();
        assertThat(rejection(coins("c1", 500))).isEqualTo(RejectionCode.DUPLICATE_ORDER);
        assertThat(engine.stateHash()).isEqualTo(before);
        assertThat(engine.balance(AccountType.USER_COIN, "amy")).isEqualTo(1_500);
    }

    @Test
    void storeAndCoinOrdersShareOneSpaceOfIds() {
        assertThat(rejection(coins("o1", 500))).as("a coin order reusing a store order's id")
                .isEqualTo(RejectionCode.DUPLICATE_ORDER);
        assertThat(rejection(coins("c1", 500))).isNull();
        List<Event> store = engine.execute(new Command.PayOrder("c1", T1, "amy", "shop", Channel.STORE, 1_000, 0, null,
                null));
        assertThat(rejection(store)).as("a store order reusing a coin order's id").isEqualTo(RejectionCode.DUPLICATE_ORDER);
    }

    @Test
    void aRefundGivesTheCoinsBack_andTheSellerFundsIt_once() {
        long centre = engine.balance(AccountType.SETTLEMENT_CENTRE, null);
        assertThat(rejection(coins("c1", 500))).isNull();
        assertThat(engine.balance(AccountType.MERCHANT_CASH, "coinshop")).isEqualTo(500);
        assertThat(engine.balance(AccountType.SETTLEMENT_CENTRE, null)).isEqualTo(centre - 500);

        List<Event> refunded = engine.execute(new Command.RefundOrder("rf1", T1, "c1"));
        assertThat(refunded).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.OrderRefunded.class, r -> {
            assertThat(r.order()).isEqualTo("c1");
            assertThat(r.user()).isEqualTo("amy");
            assertThat(r.amountFen()).isEqualTo(500);
            assertThat(r.afterSettlement()).isTrue();
        }));
        assertThat(engine.balance(AccountType.USER_COIN, "amy")).isEqualTo(2_000);
        assertThat(engine.balance(AccountType.MERCHANT_CASH, "coinshop")).isZero();
        assertThat(engine.balance(AccountType.SETTLEMENT_CENTRE, null)).isEqualTo(centre);

        String before = engine.stateHash();
        assertThat(rejection(engine.execute(new Command.RefundOrder("rf2", T1, "c1"))))
                .isEqualTo(RejectionCode.ALREADY_REFUNDED);
        assertThat(engine.stateHash()).isEqualTo(before);
    }

    @Test
    void aSellerWithoutTheCashOwesTheShortfall() {
        assertThat(rejection(coins("c1", 500))).isNull();
        engine.execute(new Command.RequestWithdrawal("w1", T1, "kim", 300, "coinshop"));
        long cash = engine.balance(AccountType.MERCHANT_CASH, "coinshop");
        long centre = engine.balance(AccountType.SETTLEMENT_CENTRE, null);
        assertThat(rejection(engine.execute(new Command.RefundOrder("rf1", T1, "c1")))).isNull();
        assertThat(engine.balance(AccountType.MERCHANT_CASH, "coinshop")).isZero();
        assertThat(engine.balance(AccountType.MERCHANT_DEBT, "coinshop")).isEqualTo(-(500 - cash));
        assertThat(engine.balance(AccountType.SETTLEMENT_CENTRE, null)).isEqualTo(centre + 500);
    }

    @Test
    void coinOrdersAreInTheSnapshot_soADuplicateIsCaughtAfterARestore() throws IOException {
        assertThat(rejection(coins("c1", 500))).isNull();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()), RegionDirectory.STANDARD);
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        List<Event> again = restored.execute(new Command.PayOrder("c1", T1, "amy", "coinshop", Channel.COIN, 500, 0,
                null, null));
        assertThat(rejection(again)).isEqualTo(RejectionCode.DUPLICATE_ORDER);
        assertThat(rejection(restored.execute(new Command.RefundOrder("rf1", T1, "c1")))).isNull();
        assertThat(restored.balance(AccountType.USER_COIN, "amy")).isEqualTo(2_000);
    }
}
