package org.zengzhi.engine.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.TestPlans;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;

/** Withdrawals: every transition and every rejection, one behaviour a test. */
class WithdrawalFlowTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** Minimum 10.00, fee 1% but at least 2.00, 500.00 a day, review above 100.00. */
    static final Plan.Withdrawal RULES = new Plan.Withdrawal(1_000, 10_000, 200, 50_000, 10_000);

    private Engine engine = new Engine(TestPlans.withWithdrawal(TestPlans.localLife(), RULES), RegionDirectory.STANDARD);
    private int ids;

    /** Runs a command, checking that postings balance and the invariants (frozen = open withdrawals) hold. */
    private EngineOutput run(Command command) {
        EngineOutput out = new EngineOutput();
        engine.execute(command, out);
        for (Asset asset : Asset.values()) {
            assertThat(out.postingSum(asset, 0)).as("postings of %s by %s", asset, command).isZero();
        }
        assertThat(engine.checkInvariants()).isEmpty();
        return out;
    }

    private Event single(Command command) {
        List<Event> events = run(command).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** Gives the user 0.8 × {@code shareFen} of cash: an order whose whole amount enters an empty pool, then a sale of every point. */
    private long fund(String user, long shareFen) {
        run(new Command.SettleOrder("fund" + ids++, T0, user, shareFen, shareFen));
        run(new Command.SellPoints("sell" + ids++, T0, user, engine.holder(user).pointsMicro()));
        return engine.holder(user).cashFen();
    }

    private Event request(String id, String user, long amountFen, Instant at) {
        return single(new Command.RequestWithdrawal(id, at, user, amountFen));
    }

    private Event review(String withdrawal, boolean approve, String reason) {
        return single(new Command.ReviewWithdrawal("review" + ids++, T0, withdrawal, approve, reason));
    }

    private Event settle(String withdrawal, boolean paid, String reference) {
        return single(new Command.SettleWithdrawal("settle" + ids++, T0, withdrawal, paid, reference));
    }

    private long cash(String user) {
        return engine.balance(AccountType.USER_CASH, user);
    }

    private long frozen(String user) {
        return engine.balance(AccountType.USER_CASH_WITHDRAWING, user);
    }

    private void assertRejected(Command command, RejectionCode code, String field) {
        String before = engine.stateHash();
        EngineOutput out = run(command);
        assertThat(out.events()).containsExactly(new Event.CommandRejected(command.id(), code, field));
        assertThat(out.postingCount()).isZero();
        assertThat(engine.stateHash()).as("a rejection changes nothing").isEqualTo(before);
    }

    @Test
    void aRequestAtOrBelowTheReviewThresholdIsApprovedAtOnceAndFrozen() {
        long cash = fund("alice", 200_000);
        assertThat(cash).isEqualTo(160_000);
        Event event = request("w1", "alice", 10_000, T0);
        assertThat(event).isEqualTo(new Event.WithdrawalRequested("w1", "w1", "alice", 10_000, 200, 9_800,
                WithdrawalState.APPROVED));
        assertThat(cash("alice")).isEqualTo(150_000);
        assertThat(frozen("alice")).isEqualTo(10_000);
        assertThat(engine.withdrawal("w1").state()).isEqualTo(WithdrawalState.APPROVED);
    }

    @Test
    void aRequestAboveTheThresholdWaitsForReviewAndTheFeeIsTheRateRoundedDown() {
        fund("alice", 200_000);
        Event event = request("w1", "alice", 30_099, T0);
        assertThat(event).as("1% of 300.99 is 3.0099, rounded down to 3.00").isEqualTo(
                new Event.WithdrawalRequested("w1", "w1", "alice", 30_099, 300, 29_799, WithdrawalState.REQUESTED));
        assertThat(engine.withdrawals(WithdrawalState.REQUESTED, 10)).extracting(Withdrawal::id).containsExactly("w1");
    }

    @Test
    void approvedThenPaidMovesTheFeeToThePlatformAndThePayoutOutOfTheLedger() {
        fund("alice", 200_000);
        long external = engine.balance(AccountType.EXTERNAL_PAYMENTS, null);
        request("w1", "alice", 30_000, T0);
        assertThat(review("w1", true, null)).isEqualTo(new Event.WithdrawalReviewed("review" + (ids - 1), "w1", "alice",
                30_000, 300, 29_700, WithdrawalState.APPROVED, null));
        Event paid = settle("w1", true, "bank-7");
        assertThat(paid).isEqualTo(new Event.WithdrawalSettled("settle" + (ids - 1), "w1", "alice", 30_000, 300, 29_700,
                WithdrawalState.PAID, "bank-7"));
        assertThat(frozen("alice")).isZero();
        assertThat(cash("alice")).isEqualTo(130_000);
        assertThat(engine.balance(AccountType.PLATFORM_FEES, null)).isEqualTo(300);
        assertThat(engine.balance(AccountType.EXTERNAL_PAYMENTS, null) - external).isEqualTo(29_700);
        assertThat(engine.withdrawal("w1")).isEqualTo(new Withdrawal("w1", "alice", 30_000, 300, WithdrawalState.PAID,
                T0, null, "bank-7"));
    }

    @Test
    void aRejectionNeedsAReason() {
        fund("alice", 200_000);
        request("w1", "alice", 40_000, T0);
        assertRejected(new Command.ReviewWithdrawal("r0", T0, "w1", false, " "), RejectionCode.REASON_REQUIRED, "reason");
        assertRejected(new Command.ReviewWithdrawal("r1", T0, "w1", false, null), RejectionCode.REASON_REQUIRED, "reason");
    }

    @Test
    void aRejectedWithdrawalReturnsItsFunds() {
        fund("alice", 200_000);
        request("w1", "alice", 40_000, T0);
        Event rejected = review("w1", false, "name does not match the bank account");
        assertThat(((Event.WithdrawalReviewed) rejected).state()).isEqualTo(WithdrawalState.REJECTED);
        assertThat(cash("alice")).isEqualTo(160_000);
        assertThat(frozen("alice")).isZero();
        assertThat(engine.withdrawal("w1").reason()).isEqualTo("name does not match the bank account");
        // The 400.00 no longer counts against the day's 500.00.
        assertThat(request("w2", "alice", 50_000, T0)).isInstanceOf(Event.WithdrawalRequested.class);
    }

    @Test
    void aFailedPayoutReturnsTheFundsAndCanNeverBePaidLater() {
        fund("alice", 200_000);
        request("w1", "alice", 5_000, T0);
        Event failed = settle("w1", false, "account closed");
        assertThat(((Event.WithdrawalSettled) failed).state()).isEqualTo(WithdrawalState.FAILED);
        assertThat(cash("alice")).isEqualTo(160_000);
        assertThat(frozen("alice")).isZero();
        assertRejected(new Command.SettleWithdrawal("s2", T0, "w1", true, "late"),
                RejectionCode.WITHDRAWAL_NOT_AWAITING_PAYOUT, "withdrawal");
    }

    @Test
    void aSecondPayoutAnswerIsRejectedAndPaysNothingTwice() {
        fund("alice", 200_000);
        request("w1", "alice", 5_000, T0);
        settle("w1", true, "bank-1");
        long fees = engine.balance(AccountType.PLATFORM_FEES, null);
        assertRejected(new Command.SettleWithdrawal("s2", T0, "w1", true, "bank-1"),
                RejectionCode.WITHDRAWAL_NOT_AWAITING_PAYOUT, "withdrawal");
        assertRejected(new Command.SettleWithdrawal("s3", T0, "w1", false, null),
                RejectionCode.WITHDRAWAL_NOT_AWAITING_PAYOUT, "withdrawal");
        assertThat(engine.balance(AccountType.PLATFORM_FEES, null)).isEqualTo(fees);
        assertThat(cash("alice")).isEqualTo(155_000);
    }

    @Test
    void onlyARequestedWithdrawalCanBeReviewedAndOnlyAnApprovedOneSettled() {
        fund("alice", 200_000);
        request("auto", "alice", 5_000, T0);
        request("big", "alice", 20_000, T0);
        assertRejected(new Command.ReviewWithdrawal("r1", T0, "auto", true, null),
                RejectionCode.WITHDRAWAL_NOT_AWAITING_REVIEW, "withdrawal");
        assertRejected(new Command.SettleWithdrawal("s1", T0, "big", true, null),
                RejectionCode.WITHDRAWAL_NOT_AWAITING_PAYOUT, "withdrawal");
        review("big", false, "suspicious");
        assertRejected(new Command.ReviewWithdrawal("r2", T0, "big", true, null),
                RejectionCode.WITHDRAWAL_NOT_AWAITING_REVIEW, "withdrawal");
        assertRejected(new Command.SettleWithdrawal("s2", T0, "big", true, null),
                RejectionCode.WITHDRAWAL_NOT_AWAITING_PAYOUT, "withdrawal");
    }

    @Test
    void reviewsAndPayoutsOfUnknownWithdrawalsOrWithTooLongTextsAreRejected() {
        fund("alice", 200_000);
        request("w1", "alice", 20_000, T0);
        String tooLong = "x".repeat(Limits.TEXT_LENGTH_MAX + 1);
        assertRejected(new Command.ReviewWithdrawal("r1", T0, "nope", true, null), RejectionCode.UNKNOWN_WITHDRAWAL,
                "withdrawal");
        assertRejected(new Command.ReviewWithdrawal("r2", T0, null, true, null), RejectionCode.UNKNOWN_WITHDRAWAL,
                "withdrawal");
        assertRejected(new Command.ReviewWithdrawal("r3", T0, "w1", false, tooLong), RejectionCode.TEXT_TOO_LONG,
                "reason");
        assertRejected(new Command.SettleWithdrawal("s1", T0, "nope", true, null), RejectionCode.UNKNOWN_WITHDRAWAL,
                "withdrawal");
        review("w1", true, "checked by phone");
        assertRejected(new Command.SettleWithdrawal("s2", T0, "w1", true, tooLong), RejectionCode.TEXT_TOO_LONG,
                "reference");
        assertThat(engine.withdrawal("w1").reason()).isEqualTo("checked by phone");
    }

    @Test
    void everyRequestRejectionNamesItsFieldAndChangesNothing() {
        fund("alice", 200_000);
        fund("poor", 1_000);
        request("taken", "alice", 1_000, T0);
        assertRejected(new Command.RequestWithdrawal("", T0, "alice", 1_000), RejectionCode.INVALID_WITHDRAWAL_ID, "id");
        assertRejected(new Command.RequestWithdrawal("w".repeat(Limits.PARTICIPANT_ID_LENGTH_MAX + 1), T0, "alice",
                1_000), RejectionCode.INVALID_WITHDRAWAL_ID, "id");
        assertRejected(new Command.RequestWithdrawal("taken", T0, "alice", 1_000), RejectionCode.DUPLICATE_WITHDRAWAL,
                "id");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "nobody", 1_000), RejectionCode.UNKNOWN_PARTICIPANT, "user");
        assertRejected(new Command.RequestWithdrawal("w1", T0, null, 1_000), RejectionCode.UNKNOWN_PARTICIPANT, "user");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "alice", 0), RejectionCode.NON_POSITIVE_AMOUNT, "amount");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "alice", -5), RejectionCode.NON_POSITIVE_AMOUNT, "amount");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "alice", Limits.AMOUNT_FEN_MAX + 1),
                RejectionCode.AMOUNT_TOO_LARGE, "amount");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "alice", 999), RejectionCode.BELOW_WITHDRAWAL_MINIMUM,
                "amount");
        // The pool's leftovers from alice's sale raise poor's cash; one fen more than it holds is too much.
        assertRejected(new Command.RequestWithdrawal("w1", T0, "poor", cash("poor") + 1), RejectionCode.INSUFFICIENT_CASH,
                "amount");
        assertRejected(new Command.RequestWithdrawal("w1", T0, "alice", 49_001), RejectionCode.DAILY_LIMIT_EXCEEDED,
                "amount");
    }

    @Test
    void theDailyLimitCountsTodaysRequestsIncludingThisOneAndStartsAgainAtMidnightUtc() {
        fund("alice", 200_000);
        request("w1", "alice", 30_000, T0);
        assertThat(request("w2", "alice", 20_000, T0.plusSeconds(60))).as("exactly the limit")
                .isInstanceOf(Event.WithdrawalRequested.class);
        Instant lastSecond = Instant.parse("2026-03-01T23:59:59Z");
        assertRejected(new Command.RequestWithdrawal("w3", lastSecond, "alice", 1_000), RejectionCode.DAILY_LIMIT_EXCEEDED,
                "amount");
        fund("bob", 100_000);
        assertThat(request("b1", "bob", 50_000, lastSecond)).as("the limit is per user")
                .isInstanceOf(Event.WithdrawalRequested.class);
        Instant midnight = Instant.parse("2026-03-02T00:00:00Z");
        assertThat(request("w3", "alice", 50_000, midnight)).isInstanceOf(Event.WithdrawalRequested.class);
        // A rejection of yesterday's request frees nothing of today's limit.
        review("w1", false, "late check");
        assertRejected(new Command.RequestWithdrawal("w4", midnight, "alice", 1_000), RejectionCode.DAILY_LIMIT_EXCEEDED,
                "amount");
    }

    @Test
    void aRequestStampedBeforeTheEnginesTimeCountsOnTheEnginesDay() {
        fund("alice", 200_000);
        run(new Command.Tick("t", T0.plus(Duration.ofDays(1))));
        request("w1", "alice", 50_000, T0);
        assertThat(engine.withdrawal("w1").requestedAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertRejected(new Command.RequestWithdrawal("w2", T0, "alice", 1_000), RejectionCode.DAILY_LIMIT_EXCEEDED,
                "amount");
    }

    @Test
    void theQueueListsWithdrawalsByStateInRequestOrder() {
        fund("alice", 200_000);
        request("a", "alice", 20_000, T0);
        request("b", "alice", 5_000, T0);
        request("c", "alice", 20_000, T0);
        review("a", false, "no");
        assertThat(engine.withdrawals(WithdrawalState.REQUESTED, 10)).extracting(Withdrawal::id).containsExactly("c");
        assertThat(engine.withdrawals(WithdrawalState.APPROVED, 10)).extracting(Withdrawal::id).containsExactly("b");
        assertThat(engine.withdrawals(WithdrawalState.REJECTED, 10)).extracting(Withdrawal::id).containsExactly("a");
        request("d", "alice", 20_000, T0.plusSeconds(1));
        assertThat(engine.withdrawals(WithdrawalState.REQUESTED, 1)).extracting(Withdrawal::id).containsExactly("c");
        assertThat(engine.withdrawal("nope")).isNull();
    }

    @Test
    void aSnapshotKeepsWithdrawalsAndTheDaysTotals() throws IOException {
        fund("alice", 200_000);
        request("a", "alice", 20_000, T0);
        request("b", "alice", 5_000, T0);
        settle("b", true, "ref");
        request("c", "alice", 20_000, T0);
        review("c", false, "no");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.checkInvariants()).isEmpty();
        assertThat(restored.withdrawals(WithdrawalState.PAID, 10)).isEqualTo(engine.withdrawals(WithdrawalState.PAID, 10));
        // 250.00 of today's 500.00 is used (the rejected 200.00 is not): 250.01 more is refused after the restore too.
        for (Engine each : List.of(engine, restored)) {
            assertThat(each.execute(new Command.RequestWithdrawal("d", T0, "alice", 25_001))).containsExactly(
                    new Event.CommandRejected("d", RejectionCode.DAILY_LIMIT_EXCEEDED, "amount"));
            assertThat(each.execute(new Command.RequestWithdrawal("d", T0, "alice", 25_000))).hasSize(1);
        }
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
    }

    @Test
    void theDefaultPlanRequiresTenYuanAndReviewsAboveAThousand() {
        Engine plain = new Engine(TestPlans.localLife(), RegionDirectory.STANDARD);
        engine = plain;
        fund("alice", 300_000);
        assertRejected(new Command.RequestWithdrawal("w0", T0, "alice", 999), RejectionCode.BELOW_WITHDRAWAL_MINIMUM,
                "amount");
        assertThat(request("w1", "alice", 100_000, T0)).isEqualTo(new Event.WithdrawalRequested("w1", "w1", "alice",
                100_000, 0, 100_000, WithdrawalState.APPROVED));
        assertThat(((Event.WithdrawalRequested) request("w2", "alice", 100_001, T0)).state())
                .isEqualTo(WithdrawalState.REQUESTED);
    }
}
