package org.zengzhi.engine.withdrawal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.zengzhi.engine.Command.RequestWithdrawal;
import org.zengzhi.engine.Command.ReviewWithdrawal;
import org.zengzhi.engine.Command.SettleWithdrawal;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event.CommandRejected;
import org.zengzhi.engine.Event.WithdrawalRequested;
import org.zengzhi.engine.Event.WithdrawalReviewed;
import org.zengzhi.engine.Event.WithdrawalSettled;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.Merchants;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.plan.Plan;

/**
 * Withdrawals from the CNY wallet: REQUESTED → APPROVED → PAID, or REJECTED / FAILED with the funds
 * back in the wallet. A request freezes its amount (fee included) in {@link AccountType#USER_CASH_WITHDRAWING};
 * a payout moves the fee to {@link AccountType#PLATFORM_FEES} and the rest out of the ledger to
 * {@link AccountType#EXTERNAL_PAYMENTS}. Each transition is allowed from one state only, so a repeated
 * review or payout answer is rejected and nothing is ever paid twice.
 */
public final class WithdrawalFlow {
    private static final long SECONDS_PER_DAY = 86_400;

    private final Ledger ledger;
    private final Participants participants;
    private final Merchants merchants;
    private final Ledger.OwnerIds ownerIds;
    private final SupplierWallets suppliers;
    private final Withdrawals withdrawals = new Withdrawals();
    private Plan plan;

    public WithdrawalFlow(Plan plan, Ledger ledger, Participants participants, Merchants merchants,
            Ledger.OwnerIds ownerIds) {
        this(plan, ledger, participants, merchants, ownerIds, SupplierWallets.NONE);
    }

    /** With the four-party model's {@code suppliers}, whose owners withdraw their cash (issue 19 item 2). */
    public WithdrawalFlow(Plan plan, Ledger ledger, Participants participants, Merchants merchants,
            Ledger.OwnerIds ownerIds, SupplierWallets suppliers) {
        this.plan = plan;
        this.ledger = ledger;
        this.participants = participants;
        this.merchants = merchants;
        this.suppliers = suppliers;
        this.ownerIds = (type, owner) -> type.perSupplier() ? suppliers.id(owner) : ownerIds.externalId(type, owner);
    }

    public void usePlan(Plan newPlan) {
        plan = newPlan;
    }

    public boolean request(RequestWithdrawal command, Instant now, EngineOutput out) {
        Problem problem = requestProblem(command, now);
        if (problem != null) {
            out.event(new CommandRejected(command.id(), problem.code(), problem.field()));
            return false;
        }
        Plan.Withdrawal rules = plan.withdrawal();
        long amount = command.amountFen();
        long fee = rules.feeOf(amount);
        // At or below the threshold no one needs to look: the request is approved as it is made.
        WithdrawalState state = amount > rules.reviewAboveFen() ? WithdrawalState.REQUESTED : WithdrawalState.APPROVED;
        Withdrawal withdrawal = new Withdrawal(command.id(), command.user(), amount, fee, state, now, null, null,
                command.merchant(), command.supplier());
        int owner = owner(withdrawal);
        ledger.transfer(cash(withdrawal), owner, frozen(withdrawal), owner, amount, out, ownerIds);
        withdrawals.add(withdrawal);
        withdrawals.addOn(limitKey(withdrawal), day(now), amount);
        out.event(new WithdrawalRequested(command.id(), command.id(), command.user(), amount, fee, amount - fee, state,
                command.merchant(), command.supplier()));
        return true;
    }

    /**
     * The wallet a withdrawal draws on: the user's cash, the store's settled cash, or the supplier's cash
     * (prepayments and settlements of the four-party model) (issue 19 item 2).
     */
    private static AccountType cash(Withdrawal withdrawal) {
        if (withdrawal.fromSupplier()) {
            return AccountType.SUPPLIER_CASH;
        }
        return withdrawal.fromStore() ? AccountType.MERCHANT_CASH : AccountType.USER_CASH;
    }

    private static AccountType frozen(Withdrawal withdrawal) {
        if (withdrawal.fromSupplier()) {
            return AccountType.SUPPLIER_CASH_WITHDRAWING;
        }
        return withdrawal.fromStore() ? AccountType.MERCHANT_CASH_WITHDRAWING : AccountType.USER_CASH_WITHDRAWING;
    }

    /** The dense id of the wallet's owner: the store or the supplier for theirs, the user otherwise. */
    private int owner(Withdrawal withdrawal) {
        if (withdrawal.fromSupplier()) {
            return suppliers.find(withdrawal.supplier());
        }
        return withdrawal.fromStore() ? merchants.find(withdrawal.merchant()) : participants.find(withdrawal.user());
    }

    /**
     * The daily limit's key: the participant for a user's wallet, −1 − store for a store's and
     * {@link Integer#MIN_VALUE} + supplier for a supplier's, so that each wallet has the plan's daily limit apart
     * from its owner's and the snapshot keeps one map.
     */
    private int limitKey(Withdrawal withdrawal) {
        return limitKey(owner(withdrawal), withdrawal.fromStore(), withdrawal.fromSupplier());
    }

    private static int limitKey(int owner, boolean store, boolean supplier) {
        if (supplier) {
            return Integer.MIN_VALUE + owner;
        }
        return store ? -1 - owner : owner;
    }

    private Problem requestProblem(RequestWithdrawal command, Instant now) {
        String id = command.id();
        if (id == null || id.isEmpty() || id.length() > Limits.PARTICIPANT_ID_LENGTH_MAX) {
            return new Problem(RejectionCode.INVALID_WITHDRAWAL_ID, "id");
        }
        if (withdrawals.indexOf(id) >= 0) {
            return new Problem(RejectionCode.DUPLICATE_WITHDRAWAL, "id");
        }
        int participant = command.user() == null ? -1 : participants.find(command.user());
        if (participant < 0) {
            return new Problem(RejectionCode.UNKNOWN_PARTICIPANT, "user");
        }
        if (command.merchant() != null && command.supplier() != null) {
            return new Problem(RejectionCode.ONE_WALLET_ONLY, "supplier");
        }
        int store = -1;
        if (command.merchant() != null) {
            store = merchants.find(command.merchant());
            if (store < 0) {
                return new Problem(RejectionCode.UNKNOWN_MERCHANT, "merchant");
            }
            if (merchants.get(store).owner != participant) {
                return new Problem(RejectionCode.NOT_MERCHANT_OWNER, "merchant");
            }
        }
        int supplier = -1;
        if (command.supplier() != null) {
            supplier = suppliers.find(command.supplier());
            if (supplier < 0) {
                return new Problem(RejectionCode.UNKNOWN_SUPPLIER, "supplier");
            }
            if (suppliers.owner(supplier) != participant) {
                return new Problem(RejectionCode.NOT_SUPPLIER_OWNER, "supplier");
            }
        }
        long held;
        int limitKey;
        if (supplier >= 0) {
            held = ledger.balance(AccountType.SUPPLIER_CASH, supplier);
            limitKey = limitKey(supplier, false, true);
        } else {
            held = store < 0 ? ledger.balance(AccountType.USER_CASH, participant)
                    : ledger.balance(AccountType.MERCHANT_CASH, store);
            limitKey = limitKey(store < 0 ? participant : store, store >= 0, false);
        }
        Plan.Withdrawal rules = plan.withdrawal();
        long amount = command.amountFen();
        RejectionCode code = null;
        if (amount <= 0) {
            code = RejectionCode.NON_POSITIVE_AMOUNT;
        } else if (amount > Limits.AMOUNT_FEN_MAX) {
            code = RejectionCode.AMOUNT_TOO_LARGE;
        } else if (amount < rules.minimumFen()) {
            code = RejectionCode.BELOW_WITHDRAWAL_MINIMUM;
        } else if (amount > held) {
            code = RejectionCode.INSUFFICIENT_CASH;
        } else if (amount > rules.dailyLimitFen() - withdrawals.totalOn(limitKey, day(now))) {
            // The day's total never exceeds the limit, so the subtraction cannot overflow.
            code = RejectionCode.DAILY_LIMIT_EXCEEDED;
        }
        return code == null ? null : new Problem(code, "amount");
    }

    public boolean review(ReviewWithdrawal command, EngineOutput out) {
        int index = find(command.withdrawal());
        Problem problem = null;
        if (index < 0) {
            problem = new Problem(RejectionCode.UNKNOWN_WITHDRAWAL, "withdrawal");
        } else if (withdrawals.get(index).state() != WithdrawalState.REQUESTED) {
            problem = new Problem(RejectionCode.WITHDRAWAL_NOT_AWAITING_REVIEW, "withdrawal");
        } else if (!command.approve() && (command.reason() == null || command.reason().isBlank())) {
            problem = new Problem(RejectionCode.REASON_REQUIRED, "reason");
        } else if (tooLong(command.reason())) {
            problem = new Problem(RejectionCode.TEXT_TOO_LONG, "reason");
        }
        if (problem != null) {
            out.event(new CommandRejected(command.id(), problem.code(), problem.field()));
            return false;
        }
        Withdrawal withdrawal = withdrawals.get(index);
        WithdrawalState next = command.approve() ? WithdrawalState.APPROVED : WithdrawalState.REJECTED;
        if (!command.approve()) {
            giveBack(withdrawal, out);
        }
        withdrawals.replace(index, withdrawal.reviewed(next, command.reason()));
        out.event(new WithdrawalReviewed(command.id(), withdrawal.id(), withdrawal.user(), withdrawal.amountFen(),
                withdrawal.feeFen(), withdrawal.payoutFen(), next, command.reason()));
        return true;
    }

    public boolean settle(SettleWithdrawal command, EngineOutput out) {
        int index = find(command.withdrawal());
        Problem problem = null;
        if (index < 0) {
            problem = new Problem(RejectionCode.UNKNOWN_WITHDRAWAL, "withdrawal");
        } else if (withdrawals.get(index).state() != WithdrawalState.APPROVED) {
            problem = new Problem(RejectionCode.WITHDRAWAL_NOT_AWAITING_PAYOUT, "withdrawal");
        } else if (tooLong(command.providerReference())) {
            problem = new Problem(RejectionCode.TEXT_TOO_LONG, "reference");
        }
        if (problem != null) {
            out.event(new CommandRejected(command.id(), problem.code(), problem.field()));
            return false;
        }
        Withdrawal withdrawal = withdrawals.get(index);
        WithdrawalState next = command.paid() ? WithdrawalState.PAID : WithdrawalState.FAILED;
        if (command.paid()) {
            int owner = owner(withdrawal);
            ledger.transfer(frozen(withdrawal), owner, AccountType.PLATFORM_FEES, 0, withdrawal.feeFen(), out, ownerIds);
            ledger.transfer(frozen(withdrawal), owner, AccountType.EXTERNAL_PAYMENTS, 0, withdrawal.payoutFen(), out,
                    ownerIds);
        } else {
            giveBack(withdrawal, out);
        }
        withdrawals.replace(index, withdrawal.settled(next, command.providerReference()));
        out.event(new WithdrawalSettled(command.id(), withdrawal.id(), withdrawal.user(), withdrawal.amountFen(),
                withdrawal.feeFen(), withdrawal.payoutFen(), next, command.providerReference()));
        return true;
    }

    /** A rejected or failed withdrawal: the frozen amount returns to the wallet and to the day's limit. */
    private void giveBack(Withdrawal withdrawal, EngineOutput out) {
        int owner = owner(withdrawal);
        ledger.transfer(frozen(withdrawal), owner, cash(withdrawal), owner, withdrawal.amountFen(), out, ownerIds);
        withdrawals.releaseOn(limitKey(withdrawal), day(withdrawal.requestedAt()), withdrawal.amountFen());
    }

    private int find(String id) {
        return id == null ? -1 : withdrawals.indexOf(id);
    }

    private static boolean tooLong(String text) {
        return text != null && text.length() > Limits.TEXT_LENGTH_MAX;
    }

    /** The UTC day of an instant, as days since 1970-01-01: the daily limit's calendar. */
    static long day(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    }

    // ----- queries, and the withdrawals for the snapshot codec -----

    /** A withdrawal by id, or null. */
    public Withdrawal withdrawal(String id) {
        int index = id == null ? -1 : withdrawals.indexOf(id);
        return index < 0 ? null : withdrawals.get(index);
    }

    /**
     * The withdrawals in a state, in request order, at most {@code limit} of them: REQUESTED is the operator's
     * review queue. The open states (REQUESTED, APPROVED) are read from an index; the final ones are a scan.
     */
    public List<Withdrawal> withdrawals(WithdrawalState state, int limit) {
        List<Withdrawal> found = new ArrayList<>();
        Iterable<Integer> candidates = state.open() ? withdrawals.open()
                : IntStream.range(0, withdrawals.count())::iterator;
        for (int index : candidates) {
            if (found.size() >= limit) {
                break;
            }
            Withdrawal withdrawal = withdrawals.get(index);
            if (withdrawal.state() == state) {
                found.add(withdrawal);
            }
        }
        return found;
    }

    public Withdrawals book() {
        return withdrawals;
    }
}
