package org.zengzhi.engine.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.TestPlans;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;

/**
 * Stores get paid (issue 19 item 2): the owner withdraws from the store's settled cash (门店实收, A − C) under
 * the users' withdrawal rules, through the journal, with the store's frozen cash kept apart.
 */
class StoreWithdrawalTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final Engine engine = new Engine(TestPlans.withWithdrawal(TestPlans.localLife(),
            WithdrawalFlowTest.RULES), RegionDirectory.STANDARD);
    private int ids;

    private EngineOutput run(Command command) {
        EngineOutput out = new EngineOutput();
        engine.execute(command, out);
        for (Asset asset : Asset.values()) {
            assertThat(out.postingSum(asset, 0)).as("postings of %s by %s", asset, command).isZero();
        }
        assertThat(engine.checkInvariants()).isEmpty();
        return out;
    }

    /** A store owned by "owner" whose settled cash is 800.00: a 1000.00 store order at 20% commission, settled. */
    private void storeWithTakings() {
        run(new Command.RegisterUser("r0", T0, "owner", null));
        run(new Command.RegisterUser("r1", T0, "alice", null));
        run(new Command.RegisterUser("r2", T0, "mallory", null));
        run(new Command.OnboardMerchant("m1", T0, "shop", "owner", null, "440106", 200_000));
        run(new Command.PayOrder("o1", T0, "alice", "shop", Channel.STORE, 100_000, 0, null, null));
        run(new Command.Tick("t" + ids++, T0));
        assertThat(storeCash()).isEqualTo(80_000);
    }

    private long storeCash() {
        return engine.balance(AccountType.MERCHANT_CASH, "shop");
    }

    private long storeFrozen() {
        return engine.balance(AccountType.MERCHANT_CASH_WITHDRAWING, "shop");
    }

    private Event storeRequest(String id, String user, long amountFen) {
        List<Event> events = run(new Command.RequestWithdrawal(id, T0, user, amountFen, "shop")).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private void assertRejected(Command command, RejectionCode code, String field) {
        String before = engine.stateHash();
        EngineOutput out = run(command);
        assertThat(out.events()).containsExactly(new Event.CommandRejected(command.id(), code, field));
        assertThat(out.postingCount()).isZero();
        assertThat(engine.stateHash()).as("a rejection changes nothing").isEqualTo(before);
    }

    @Test
    void issue19Item2_theOwnerWithdrawsFromTheStoresCashAndThePayoutLeavesTheLedger() {
        storeWithTakings();
        long ownerCash = engine.balance(AccountType.USER_CASH, "owner");
        Event requested = storeRequest("w1", "owner", 10_000);
        assertThat(requested).isEqualTo(new Event.WithdrawalRequested("w1", "w1", "owner", 10_000, 200, 9_800,
                WithdrawalState.APPROVED, "shop"));
        assertThat(storeCash()).isEqualTo(70_000);
        assertThat(storeFrozen()).isEqualTo(10_000);
        assertThat(engine.balance(AccountType.USER_CASH, "owner")).as("the owner's own wallet is untouched")
                .isEqualTo(ownerCash);
        long fees = engine.balance(AccountType.PLATFORM_FEES, null);
        run(new Command.SettleWithdrawal("s1", T0, "w1", true, "bank-1"));
        assertThat(storeFrozen()).isZero();
        assertThat(storeCash()).isEqualTo(70_000);
        assertThat(engine.balance(AccountType.PLATFORM_FEES, null)).isEqualTo(fees + 200);
        assertThat(engine.withdrawal("w1").merchant()).isEqualTo("shop");
        assertThat(engine.withdrawal("w1").state()).isEqualTo(WithdrawalState.PAID);
    }

    @Test
    void issue19Item2_aStoreWithdrawalAboveTheThresholdWaitsForReviewAndARejectionGivesTheCashBack() {
        storeWithTakings();
        assertThat(((Event.WithdrawalRequested) storeRequest("w1", "owner", 30_000)).state())
                .isEqualTo(WithdrawalState.REQUESTED);
        run(new Command.ReviewWithdrawal("v1", T0, "w1", false, "name does not match the licence"));
        assertThat(storeCash()).isEqualTo(80_000);
        assertThat(storeFrozen()).isZero();
        storeRequest("w2", "owner", 30_000);
        run(new Command.ReviewWithdrawal("v2", T0, "w2", true, null));
        run(new Command.SettleWithdrawal("s2", T0, "w2", false, "bank says no"));
        assertThat(storeCash()).as("a failed payout gives the cash back").isEqualTo(80_000);
    }

    @Test
    void issue19Item2_onlyTheOwnerOfAKnownStoreWithdrawsItsCashAndNoMoreThanItHolds() {
        storeWithTakings();
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", 10_000, "nowhere"),
                RejectionCode.UNKNOWN_MERCHANT, "merchant");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "mallory", 10_000, "shop"),
                RejectionCode.NOT_MERCHANT_OWNER, "merchant");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "alice", 10_000, "shop"),
                RejectionCode.NOT_MERCHANT_OWNER, "merchant");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", 80_001, "shop"),
                RejectionCode.INSUFFICIENT_CASH, "amount");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", 999, "shop"),
                RejectionCode.BELOW_WITHDRAWAL_MINIMUM, "amount");
    }

    @Test
    void issue19Item2_theStoreHasItsOwnDailyLimitApartFromItsOwners() {
        storeWithTakings();
        storeRequest("w1", "owner", 30_000);
        storeRequest("w2", "owner", 20_000);
        assertRejected(new Command.RequestWithdrawal("w3", T0, "owner", 1_000, "shop"),
                RejectionCode.DAILY_LIMIT_EXCEEDED, "amount");
    }

    @Test
    void issue19Item2_aSnapshotKeepsStoreWithdrawalsAndTheStoresFrozenCash() throws IOException {
        storeWithTakings();
        storeRequest("w1", "owner", 30_000);
        storeRequest("w2", "owner", 5_000);
        run(new Command.SettleWithdrawal("s2", T0, "w2", true, "bank-2"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.checkInvariants()).isEmpty();
        assertThat(restored.withdrawal("w1")).isEqualTo(engine.withdrawal("w1"));
        assertThat(restored.balance(AccountType.MERCHANT_CASH_WITHDRAWING, "shop")).isEqualTo(30_000);
        for (Engine each : List.of(engine, restored)) {
            assertThat(each.execute(new Command.RequestWithdrawal("w3", T0, "owner", 15_001, "shop"))).containsExactly(
                    new Event.CommandRejected("w3", RejectionCode.DAILY_LIMIT_EXCEEDED, "amount"));
            each.execute(new Command.ReviewWithdrawal("v1", T0, "w1", false, "no"));
        }
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.balance(AccountType.MERCHANT_CASH, "shop")).isEqualTo(75_000);
    }
}
