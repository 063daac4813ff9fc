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
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.TestPlans;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.plan.Plan;

/**
 * Suppliers get paid (issue 19 item 2, four-party model): a supplier's prepayments and settlements accrue to its
 * cash (SUPPLIER_CASH); its owner withdraws them under the users' withdrawal rules, through the journal,
 * with the frozen cash in SUPPLIER_CASH_WITHDRAWING. Golden figures by hand from seed 000: a 1000.00 order gives
 * the supplier 55% = 550.00, of which 30% = 165.00 is prepaid at payment.
 */
class SupplierWithdrawalTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** The prepayment of one 1000.00 order: ⌊100,000 × 55%⌋ × 30% = 16,500 fen. */
    private static final long PREPAID = 16_500;

    private final Engine engine = new Engine(plan(), RegionDirectory.STANDARD);

    static Plan plan() {
        return TestPlans.withWithdrawal(Plan.defaults(PoolRules.MALL), WithdrawalFlowTest.RULES)
                .withParty(PartyRules.seed000());
    }

    private EngineOutput run(Command command) {
        EngineOutput out = new EngineOutput();
        engine.execute(command, out);
        for (Asset asset : Asset.values()) {
            assertThat(out.postingSum(asset, 0)).as("postings of %s by %s", asset, command).isZero();
        }
        assertThat(engine.checkInvariants()).isEmpty();
        return out;
    }

    /** "sup" owned by "owner", prepaid 165.00 for alice's 1000.00 order; "orphan" has no owner. */
    private void supplierWithPrepayment() {
        run(new Command.RegisterUser("r0", T0, "owner", null));
        run(new Command.RegisterUser("r1", T0, "alice", null));
        run(new Command.RegisterUser("r2", T0, "mallory", null));
        List<Event> registered = run(new Command.RegisterSupplier("s0", T0, "sup", 0, 0, "owner")).events();
        assertThat(registered).containsExactly(new Event.SupplierRegistered("s0", "sup", 0, 0, "owner"));
        run(new Command.RegisterSupplier("s1", T0, "orphan", 0, 0));
        run(new Command.ListProduct("p0", T0, "tea", "sup", 100_000, 30_000));
        run(new Command.ListProduct("p1", T0, "rice", "orphan", 100_000, 30_000));
        run(new Command.PayPartyOrder("o1", T0, "alice", "tea", 1, 0, null, "d1", "ip1"));
        run(new Command.PayPartyOrder("o2", T0, "alice", "rice", 1, 0, null, "d1", "ip1"));
        assertThat(cash("sup")).isEqualTo(PREPAID);
    }

    private long cash(String supplier) {
        return engine.balance(AccountType.SUPPLIER_CASH, supplier);
    }

    private long frozen(String supplier) {
        return engine.balance(AccountType.SUPPLIER_CASH_WITHDRAWING, supplier);
    }

    private Event request(String id, String user, long amountFen) {
        List<Event> events = run(new Command.RequestWithdrawal(id, T0, user, amountFen, null, "sup")).events();
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
    void issue19Item2_theOwnerWithdrawsTheSuppliersCashAndThePayoutLeavesTheLedger() {
        supplierWithPrepayment();
        long ownerCash = engine.balance(AccountType.USER_CASH, "owner");
        assertThat(request("w1", "owner", 10_000)).isEqualTo(new Event.WithdrawalRequested("w1", "w1", "owner",
                10_000, 200, 9_800, WithdrawalState.APPROVED, null, "sup"));
        assertThat(cash("sup")).isEqualTo(PREPAID - 10_000);
        assertThat(frozen("sup")).isEqualTo(10_000);
        assertThat(engine.balance(AccountType.USER_CASH, "owner")).as("the owner's own wallet is untouched")
                .isEqualTo(ownerCash);
        long fees = engine.balance(AccountType.PLATFORM_FEES, null);
        long external = engine.balance(AccountType.EXTERNAL_PAYMENTS, null);
        run(new Command.SettleWithdrawal("s1", T0, "w1", true, "bank-1"));
        assertThat(frozen("sup")).isZero();
        assertThat(cash("sup")).isEqualTo(PREPAID - 10_000);
        assertThat(engine.balance(AccountType.PLATFORM_FEES, null)).isEqualTo(fees + 200);
        assertThat(engine.balance(AccountType.EXTERNAL_PAYMENTS, null)).isEqualTo(external + 9_800);
        assertThat(engine.withdrawal("w1").supplier()).isEqualTo("sup");
        assertThat(engine.withdrawal("w1").state()).isEqualTo(WithdrawalState.PAID);
    }

    @Test
    void issue19Item2_aSupplierWithdrawalAboveTheThresholdWaitsForReviewAndARejectionGivesTheCashBack() {
        supplierWithPrepayment();
        assertThat(((Event.WithdrawalRequested) request("w1", "owner", 12_000)).state())
                .isEqualTo(WithdrawalState.REQUESTED);
        assertThat(frozen("sup")).isEqualTo(12_000);
        run(new Command.ReviewWithdrawal("v1", T0, "w1", false, "licence expired"));
        assertThat(cash("sup")).isEqualTo(PREPAID);
        assertThat(frozen("sup")).isZero();
        request("w2", "owner", 12_000);
        run(new Command.ReviewWithdrawal("v2", T0, "w2", true, null));
        run(new Command.SettleWithdrawal("s2", T0, "w2", false, "bank says no"));
        assertThat(cash("sup")).as("a failed payout gives the cash back").isEqualTo(PREPAID);
    }

    @Test
    void issue19Item2_onlyTheOwnerOfAKnownSupplierWithdrawsItsCashAndNoMoreThanItHolds() {
        supplierWithPrepayment();
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", 5_000, null, "nowhere"),
                RejectionCode.UNKNOWN_SUPPLIER, "supplier");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "mallory", 5_000, null, "sup"),
                RejectionCode.NOT_SUPPLIER_OWNER, "supplier");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", 5_000, null, "orphan"),
                RejectionCode.NOT_SUPPLIER_OWNER, "supplier");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", PREPAID + 1, null, "sup"),
                RejectionCode.INSUFFICIENT_CASH, "amount");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", 999, null, "sup"),
                RejectionCode.BELOW_WITHDRAWAL_MINIMUM, "amount");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "owner", 5_000, "shop", "sup"),
                RejectionCode.ONE_WALLET_ONLY, "supplier");
        assertRejected(new Command.RegisterSupplier("s9", T0, "sup9", 0, 0, ""),
                RejectionCode.INVALID_PARTICIPANT_ID, "owner");
    }

    @Test
    void issue19Item2_anOwnerNamedForTheFirstTimeIsRegisteredAsAStoresOwnerIs_andWithdraws() {
        run(new Command.RegisterUser("r1", T0, "alice", null));
        run(new Command.RegisterSupplier("s0", T0, "sup", 0, 0, "supplier-login"));
        run(new Command.ListProduct("p0", T0, "tea", "sup", 100_000, 30_000));
        run(new Command.PayPartyOrder("o1", T0, "alice", "tea", 1, 0, null, "d1", "ip1"));
        assertThat(request("w1", "supplier-login", 5_000)).isInstanceOf(Event.WithdrawalRequested.class);
        assertThat(frozen("sup")).isEqualTo(5_000);
        assertThat(cash("sup")).isEqualTo(PREPAID - 5_000);
    }

    @Test
    void issue19Item2_theSupplierHasItsOwnDailyLimitApartFromItsOwners() {
        supplierWithPrepayment();
        for (int i = 3; i <= 5; i++) {
            run(new Command.PayPartyOrder("o" + i, T0, "alice", "tea", 1, 0, null, "d1", "ip1"));
        }
        assertThat(cash("sup")).isEqualTo(4 * PREPAID);
        run(new Command.GrantBonus("b1", T0, "owner", 50_000, "test"));
        request("w1", "owner", 10_000);
        request("w1b", "owner", 40_000);
        assertRejected(new Command.RequestWithdrawal("w2", T0, "owner", 1_000, null, "sup"),
                RejectionCode.DAILY_LIMIT_EXCEEDED, "amount");
        assertThat(run(new Command.RequestWithdrawal("w3", T0, "owner", 10_000)).events().get(0))
                .as("the owner's own wallet keeps its own limit").isInstanceOf(Event.WithdrawalRequested.class);
    }

    @Test
    void issue19Item2_aSnapshotKeepsSupplierWithdrawalsOwnersAndFrozenCash() throws IOException {
        supplierWithPrepayment();
        request("w1", "owner", 12_000);
        Engine restored = copy(engine);
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.checkInvariants()).isEmpty();
        assertThat(restored.withdrawal("w1")).isEqualTo(engine.withdrawal("w1"));
        assertThat(restored.balance(AccountType.SUPPLIER_CASH_WITHDRAWING, "sup")).isEqualTo(12_000);
        for (Engine each : List.of(engine, restored)) {
            assertThat(each.execute(new Command.RequestWithdrawal("w2", T0, "mallory", 1_000, null, "sup")))
                    .containsExactly(new Event.CommandRejected("w2", RejectionCode.NOT_SUPPLIER_OWNER, "supplier"));
            each.execute(new Command.ReviewWithdrawal("v1", T0, "w1", false, "no"));
        }
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.balance(AccountType.SUPPLIER_CASH, "sup")).isEqualTo(PREPAID);
    }

    @Test
    void issue19Item2_aFourPartySnapshotWithoutSupplierOwnersKeepsItsBytes() throws IOException {
        run(new Command.RegisterUser("r1", T0, "alice", null));
        run(new Command.RegisterSupplier("s1", T0, "orphan", 0, 0));
        run(new Command.ListProduct("p1", T0, "rice", "orphan", 100_000, 30_000));
        run(new Command.PayPartyOrder("o2", T0, "alice", "rice", 1, 0, null, "d1", "ip1"));
        byte[] before = bytes(engine);
        run(new Command.RequestWithdrawal("w1", T0, "alice", 5_000, null, "orphan"));
        assertThat(bytes(engine)).as("a rejected supplier withdrawal adds no part").isEqualTo(before);
        assertThat(bytes(copy(engine))).isEqualTo(before);
    }

    private static byte[] bytes(Engine engine) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        return bytes.toByteArray();
    }

    private static Engine copy(Engine engine) throws IOException {
        return SnapshotCodec.read(new ByteArrayInputStream(bytes(engine)));
    }
}
