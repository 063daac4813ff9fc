package org.zengzhi.engine.order;

import java.time.Duration;
import java.time.Instant;

import org.zengzhi.engine.BatchPrefetch;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Command.ConfirmReceipt;
import org.zengzhi.engine.Command.PayOrder;
import org.zengzhi.engine.Command.RefundOrder;
import org.zengzhi.engine.Command.Tick;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Event.OrderPaid;
import org.zengzhi.engine.Event.OrderReceived;
import org.zengzhi.engine.Event.OrderRefunded;
import org.zengzhi.engine.Event.OrderSettled;
import org.zengzhi.engine.Event.ReferrerBound;
import org.zengzhi.engine.Event.RewardChanged;
import org.zengzhi.engine.EventType;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.RewardTally;
import org.zengzhi.engine.green.GreenStep;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.Merchants;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.pool.PoolModel;

/**
 * Orders from payment to settlement or refund. At payment the
 * split and rewards are computed and posted as pending; at settlement (a {@link Tick} at or after the due
 * time) they become effective and the pool contribution enters the pool; a refund before settlement
 * reverses every pending posting, so nothing of the order remains.
 */
public final class OrderFlow {
    private final Ledger ledger;
    private final Ledger.OwnerIds ownerIds;
    private final Network network;
    private final PoolModel pool;
    private final BatchPrefetch prefetch;
    private final Participants participants;
    private final Merchants merchants;
    private final Orders orders;
    /** The last due time computed per channel and what it was computed from: a day's orders share one. */
    private final Instant[] dueFrom = new Instant[Channel.values().length];
    private final int[] dueDays = new int[Channel.values().length];
    private final Instant[] due = new Instant[Channel.values().length];
    private final Order[] dueWindow = new Order[BatchPrefetch.WINDOW];
    private final Rewards rewardRules;
    private Plan plan;
    private boolean retainSettledOrders = true;
    /** The green-points model (issue 17), or null when the plan has none: then one null check is its cost. */
    private OrderHooks green;

    public OrderFlow(Plan plan, Ledger ledger, Network network, PoolModel pool, Orders orders,
            BatchPrefetch prefetch) {
        this.plan = plan;
        this.ledger = ledger;
        this.ownerIds = network.ownerIds();
        this.network = network;
        this.participants = network.participants();
        this.merchants = network.merchants();
        this.pool = pool;
        this.orders = orders;
        this.prefetch = prefetch;
        this.rewardRules = new Rewards(plan, network);
    }

    /** Wires the green-points model in (issue 17); null leaves it off. */
    public void useGreen(OrderHooks flow) {
        green = flow;
    }

    public void usePlan(Plan newPlan) {
        plan = newPlan;
        rewardRules.usePlan(newPlan);
    }

    /**
     * Whether settled orders stay in the order book (the default); see {@link
     * org.zengzhi.engine.Engine#retainSettledOrders(boolean)}.
     */
    public void retainSettledOrders(boolean retain) {
        retainSettledOrders = retain;
    }

    public boolean retainsSettledOrders() {
        return retainSettledOrders;
    }

    /**
     * What {@link #pay} would refuse this payment for, or null: the same checks (a voucher part and a coin-mall
     * payment's coins included, issue 17 rule 6), changing nothing. The server asks
     * before a customer pays at a provider, so a payment the engine would refuse is never charged (issue 19); the
     * engine still judges the command itself when it arrives.
     */
    public Problem paymentProblem(PayOrder pay) {
        if (pay.channel() == Channel.COIN) {
            return green == null ? new Problem(RejectionCode.GREEN_POINTS_OFF, "channel")
                    : green.coinProblem(pay, orders.find(pay.id()) != null);
        }
        Problem problem = PaymentCheck.problem(pay, plan, network, orders, ledger);
        if (problem == null && (green != null || pay.voucherFen() != 0)) {
            problem = green == null ? new Problem(RejectionCode.VOUCHER_NOT_ALLOWED, "voucher")
                    : green.paymentProblem(pay, participants.find(pay.user()));
        }
        return problem;
    }

    public boolean pay(PayOrder pay, Instant now, EngineOutput out) {
        if (pay.channel() == Channel.COIN) {
            return payCoins(pay, now, out);
        }
        Problem problem = paymentProblem(pay);
        if (problem != null) {
            out.event(new Event.CommandRejected(pay.id(), problem.code(), problem.field()));
            return false;
        }
        int participant = network.findOrRegister(pay.user());
        int merchant = pay.merchant() == null ? -1 : merchants.find(pay.merchant());
        bindAtFirstPayment(pay, participant, merchant, out);
        String region = orderRegion(pay, merchant);
        long budget = distributionBudget(pay, merchant);
        RewardPlan rewards = rewardRules.forPayment(pay, participant, merchant, region, budget);
        OrderSplit split = split(pay, merchant, rewards.paidFen(budget));
        long granted = pay.channel() == Channel.STORE
                ? Exact.mulDivFloor(pay.amountFen(), plan.deduct().storeMultiplePpm(), Limits.PPM) : 0;
        Plan.Tier tier = network.tierOf(participant);
        long contribution = tier == null ? 0 : Splits.ofRate(pay.amountFen(), tier.rebatePpm());
        Order order = new Order(pay.id(), orders.nextSequence(), participant, merchant, pay.channel(),
                pay.amountFen(), pay.deductFen(), region, split, rewards.packed(),
                granted, contribution, now, dueAt(pay.channel(), now));
        order.voucherFen = pay.voucherFen();
        postPayment(order, out);
        orders.add(order);
        participants.addLiveOrder(participant, 1);
        if (out.receives(EventType.ORDER_PAID)) {
            out.event(new OrderPaid(pay.id(), order.id, pay.user(), pay.merchant(), pay.channel(), pay.amountFen(),
                    pay.deductFen(), region, split, granted, contribution, order.dueAt));
        } else {
            out.skip(EventType.ORDER_PAID);
        }
        boolean rewardEvents = out.receivesReward(RewardStatus.PENDING);
        RewardTally tally = out.rewardTally(RewardStatus.PENDING);
        for (int i = 0; i < rewards.count(); i++) {
            if (tally != null) {
                out.tallyReward(tally, order.rewardKind(i), order.rewardLevel(i), order.rewardAmountFen(i),
                        order.rewardNominalFen(i));
            } else if (rewardEvents) {
                out.event(new RewardChanged(pay.id(), order.id, rewards.reward(i), RewardStatus.PENDING));
            } else {
                out.skip(EventType.REWARD_CHANGED);
            }
        }
        return true;
    }

    /**
     * Rule 6: a coin-mall order is settled at once: the coins go back to their issuer and the settlement centre
     * pays the seller their value in cash. It is an order like the others (issue 20 item 1): kept in the order book
     * as settled, so its id is taken for store and mall orders too, and it can be refunded. Refused under a plan
     * without green points.
     */
    private boolean payCoins(PayOrder pay, Instant now, EngineOutput out) {
        Problem problem = paymentProblem(pay);
        if (problem != null) {
            out.event(new Event.CommandRejected(pay.id(), problem.code(), problem.field()));
            return false;
        }
        green.payCoins(pay, out);
        Order order = CoinOrders.settled(pay, orders.nextSequence(), participants.find(pay.user()),
                merchants.find(pay.merchant()), now);
        if (retainSettledOrders) {
            orders.add(order);
        }
        return true;
    }

    /** a store order is in its merchant's region; a mall order in its delivery region, else the merchant's. */
    private String orderRegion(PayOrder pay, int merchant) {
        String merchantRegion = merchant >= 0 ? merchants.get(merchant).region : null;
        return pay.channel() == Channel.MALL && pay.region() != null ? pay.region() : merchantRegion;
    }

    private void bindAtFirstPayment(PayOrder pay, int participant, int merchant, EngineOutput out) {
        if (!plan.referral().bindAtFirstPayment() || pay.channel() != Channel.STORE
                || participants.referrer(participant) >= 0) {
            return;
        }
        int owner = merchants.get(merchant).owner;
        if (participants.isAncestor(participant, owner)) {
            return;
        }
        participants.bindReferrer(participant, owner, merchant);
        out.event(new ReferrerBound(pay.id(), pay.user(), participants.id(owner), pay.merchant()));
    }

    /** The distribution budget the rewards draw from: a part of the commission, or of the mall price. */
    private long distributionBudget(PayOrder pay, int merchant) {
        if (pay.channel() == Channel.STORE) {
            return Splits.storeDistribution(plan.store(), pay.amountFen(), merchants.get(merchant).commissionPpm);
        }
        return pay.split() != null ? pay.split().distributionFen()
                : Splits.ofRate(pay.amountFen(), plan.mall().distributionPpm());
    }

    /** The order's split once the rewards have drawn {@code rewardsFen} from the distribution budget. */
    private OrderSplit split(PayOrder pay, int merchant, long rewardsFen) {
        if (pay.channel() == Channel.STORE) {
            return Splits.store(plan.store(), pay.amountFen(), merchants.get(merchant).commissionPpm, rewardsFen);
        }
        return pay.split() != null ? Splits.mall(pay.split(), pay.amountFen(), rewardsFen)
                : Splits.mall(plan.mall(), pay.amountFen(), rewardsFen);
    }

    private Instant dueAt(Channel channel, Instant now) {
        Plan.Settlement windows = plan.settlement();
        int days = channel == Channel.STORE ? windows.storeDays()
                : windows.mallAutoReceiveDays() + windows.mallReturnDays();
        int at = channel.ordinal();
        if (now != dueFrom[at] || days != dueDays[at]) {
            dueFrom[at] = now;
            dueDays[at] = days;
            due[at] = now.plus(Duration.ofDays(days));
        }
        return due[at];
    }

    /** The pending postings of a payment; {@link #reversePayment} undoes exactly these. */
    private void postPayment(Order order, EngineOutput out) {
        transfer(AccountType.EXTERNAL_PAYMENTS, 0, AccountType.ORDER_ESCROW, 0, order.amountFen - order.voucherFen, out);
        if (order.voucherFen != 0) {
            green.postVoucherPayment(order, out);
        }
        if (order.hasMerchant()) {
            transfer(AccountType.ORDER_ESCROW, 0, AccountType.MERCHANT_PENDING, order.merchant,
                    order.merchantFen, out);
        }
        for (int i = 0; i < order.rewardCount(); i++) {
            transfer(AccountType.ORDER_ESCROW, 0, pendingAccount(order.rewardKind(i)), order.rewardOwner(i),
                    order.rewardAmountFen(i), out);
        }
        transfer(AccountType.USER_DEDUCT, order.participant, AccountType.DEDUCT_ESCROW, 0, order.deductFen, out);
        transfer(AccountType.DEDUCT_ISSUANCE, 0, AccountType.USER_DEDUCT_PENDING, order.participant,
                order.deductGrantedFen, out);
        transfer(AccountType.CONTRIB_ISSUANCE, 0, AccountType.USER_CONTRIB_PENDING, order.participant,
                order.contributionFen, out);
    }

    private void reversePayment(Order order, EngineOutput out) {
        transfer(AccountType.USER_CONTRIB_PENDING, order.participant, AccountType.CONTRIB_ISSUANCE, 0,
                order.contributionFen, out);
        transfer(AccountType.USER_DEDUCT_PENDING, order.participant, AccountType.DEDUCT_ISSUANCE, 0,
                order.deductGrantedFen, out);
        transfer(AccountType.DEDUCT_ESCROW, 0, AccountType.USER_DEDUCT, order.participant, order.deductFen, out);
        for (int i = order.rewardCount() - 1; i >= 0; i--) {
            transfer(pendingAccount(order.rewardKind(i)), order.rewardOwner(i), AccountType.ORDER_ESCROW, 0,
                    order.rewardAmountFen(i), out);
        }
        if (order.hasMerchant()) {
            transfer(AccountType.MERCHANT_PENDING, order.merchant, AccountType.ORDER_ESCROW, 0,
                    order.merchantFen, out);
        }
        if (order.voucherFen != 0) {
            green.reverseVoucherPayment(order, out);
        }
        transfer(AccountType.ORDER_ESCROW, 0, AccountType.EXTERNAL_PAYMENTS, 0, order.amountFen - order.voucherFen, out);
    }

    public boolean confirmReceipt(ConfirmReceipt receipt, Instant now, EngineOutput out) {
        Order order = orders.find(receipt.order());
        RejectionCode code = order == null ? RejectionCode.UNKNOWN_ORDER
                : order.channel != Channel.MALL || order.status != Order.Status.PAID || order.received
                        || !now.isBefore(autoReceivedAt(order)) ? RejectionCode.NOT_AWAITING_RECEIPT : null;
        if (code != null) {
            out.event(new Event.CommandRejected(receipt.id(), code, "order"));
            return false;
        }
        order.received = true;
        orders.reschedule(order, now.plus(Duration.ofDays(plan.settlement().mallReturnDays())));
        out.event(new OrderReceived(receipt.id(), order.id, order.dueAt));
        return true;
    }

    private Instant autoReceivedAt(Order order) {
        return order.paidAt.plus(Duration.ofDays(plan.settlement().mallAutoReceiveDays()));
    }

    public boolean refund(RefundOrder refund, EngineOutput out) {
        Order order = orders.find(refund.order());
        if (order == null || order.status == Order.Status.REFUNDED) {
            RejectionCode code = order == null ? RejectionCode.UNKNOWN_ORDER : RejectionCode.ALREADY_REFUNDED;
            out.event(new Event.CommandRejected(refund.id(), code, "order"));
            return false;
        }
        boolean settled = order.status == Order.Status.SETTLED;
        if (order.channel == Channel.COIN) {
            green.refundCoins(order, out);
        } else if (settled) {
            refundAfterSettlement(refund, order, out);
        } else {
            orders.unschedule(order);
            reversePayment(order, out);
            participants.addLiveOrder(order.participant, -1);
            cancelRewards(refund, order, out);
        }
        order.status = Order.Status.REFUNDED;
        out.event(new OrderRefunded(refund.id(), order.id, participants.id(order.participant), order.amountFen, settled));
        return true;
    }

    private void cancelRewards(RefundOrder refund, Order order, EngineOutput out) {
        RewardTally tally = out.rewardTally(RewardStatus.CANCELLED);
        if (tally != null) {
            for (int i = 0; i < order.rewardCount(); i++) {
                out.tallyReward(tally, order.rewardKind(i), order.rewardLevel(i), order.rewardAmountFen(i),
                        order.rewardNominalFen(i));
            }
            return;
        }
        for (Reward reward : rewardsOf(order)) {
            out.event(new RewardChanged(refund.id(), order.id, reward, RewardStatus.CANCELLED));
        }
    }

    /**
     * After settlement the merchant funds the refund from its cash (the platform advances any shortfall,
     * recorded as the merchant's debt); without a merchant the suppliers return the cost and the platform
     * funds the rest. Effective rewards stay unless the plan claws them back, as far as the recipients'
     * wallets allow.
     */
    private void refundAfterSettlement(RefundOrder refund, Order order, EngineOutput out) {
        if (order.hasMerchant()) {
            long fromCash = Math.min(order.amountFen, ledger.balance(AccountType.MERCHANT_CASH, order.merchant));
            transfer(AccountType.MERCHANT_CASH, order.merchant, AccountType.EXTERNAL_PAYMENTS, 0, fromCash, out);
            transfer(AccountType.MERCHANT_DEBT, order.merchant, AccountType.EXTERNAL_PAYMENTS, 0,
                    order.amountFen - fromCash, out);
        } else {
            // Without a merchant the suppliers give back the product cost they are owed, and the platform
            // funds the rest from its own money; no available balance goes negative.
            long fromSuppliers = Math.min(order.merchantFen, ledger.balance(AccountType.SUPPLIER_PAYABLE, 0));
            transfer(AccountType.SUPPLIER_PAYABLE, 0, AccountType.EXTERNAL_PAYMENTS, 0, fromSuppliers, out);
            transfer(AccountType.PLATFORM_REFUNDS, 0, AccountType.EXTERNAL_PAYMENTS, 0, order.amountFen - fromSuppliers,
                    out);
        }
        if (plan.refundAfterSettlement() != Plan.RefundPolicy.CLAW_BACK_REWARDS) {
            return;
        }
        Reward[] rewards = rewardsOf(order);
        for (int i = 0; i < rewards.length; i++) {
            Reward reward = rewards[i];
            AccountType wallet = availableAccount(reward.kind());
            long taken = Math.min(reward.amountFen(), ledger.balance(wallet, order.rewardOwner(i)));
            transfer(wallet, order.rewardOwner(i), AccountType.PLATFORM_REVENUE, 0, taken, out);
            RewardTally tally = out.rewardTally(RewardStatus.CLAWED_BACK);
            if (tally != null) {
                out.tallyReward(tally, reward.kind(), reward.level(), taken, reward.nominalFen());
                continue;
            }
            Reward clawed = new Reward(reward.kind(), reward.recipient(), reward.level(), reward.region(),
                    reward.nominalFen(), taken);
            out.event(new RewardChanged(refund.id(), order.id, clawed, RewardStatus.CLAWED_BACK));
        }
    }

    /**
     * Settles every order due by {@code now}, earliest due first, ties in payment order. The due orders are
     * taken a window at a time and read ahead before they are settled (settling changes no due time).
     */
    public boolean tick(Tick tick, Instant now, EngineOutput out) {
        if (green != null) {
            return greenTick(tick, now, out);
        }
        int taken;
        do {
            taken = 0;
            Order order;
            while (taken < dueWindow.length && (order = orders.pollDue(now)) != null) {
                dueWindow[taken++] = order;
            }
            prefetch.touchOrders(dueWindow, taken);
            for (int i = 0; i < taken; i++) {
                settle(tick, dueWindow[i], now, out);
                dueWindow[i] = null;
            }
        } while (taken == dueWindow.length);
        return true;
    }

    /**
     * A tick under the green-points model (issue 17, rule 3): settlements and the pools' dividends in time
     * order, a dividend due at 00:00 after every settlement due before it and before those due at or after it.
     * Orders are taken one at a time (a dividend may come between any two), without the read-ahead window.
     */
    private boolean greenTick(Tick tick, Instant now, EngineOutput out) {
        Order next = orders.pollDue(now);
        while (true) {
            GreenStep step = green.nextStep(next == null ? null : next.dueAt, now);
            if (step == GreenStep.DONE) {
                return true;
            }
            if (step == GreenStep.SETTLE) {
                settle(tick, next, now, out);
                next = orders.pollDue(now);
            } else {
                green.payDividend(tick, step, out);
            }
        }
    }

    /** Rule 7: the operator appoints a promoter; refused under a plan without green points. */
    public boolean appointPromoter(Command.AppointPromoter appoint, Instant now, EngineOutput out) {
        Problem problem = green == null ? new Problem(RejectionCode.GREEN_POINTS_OFF, "type")
                : green.appoint(appoint, now);
        if (problem != null) {
            out.event(new Event.CommandRejected(appoint.id(), problem.code(), problem.field()));
            return false;
        }
        return true;
    }

    /**
     * Rule 7: a month's close first carries out, like a tick, everything due before the month's end (a dividend
     * due at 00:00 of the next month waits), then pays the promoters. All checks come first, so a refused close
     * changes nothing.
     */
    public Problem closeMonthProblem(Command.CloseMonth close) {
        return green == null ? null : green.closeProblem(close);
    }

    /**
     * Carries out a close that passed {@link #closeMonthProblem} (and the other models' checks); nothing under a
     * plan without green points.
     */
    public void closeMonth(Command.CloseMonth close, EngineOutput out) {
        if (green == null) {
            return;
        }
        Instant end = green.monthEnd(close.yearMonth());
        Instant lastBefore = end.minusNanos(1);
        Order next = orders.pollDue(lastBefore);
        while (true) {
            GreenStep step = green.nextStepBefore(next == null ? null : next.dueAt, end);
            if (step == GreenStep.DONE) {
                break;
            }
            if (step == GreenStep.SETTLE) {
                settle(close, next, close.at(), out);
                next = orders.pollDue(lastBefore);
            } else {
                green.payDividend(close, step, out);
            }
        }
        green.closeMonth(close, out);
    }

    private void settle(Command cause, Order order, Instant now, EngineOutput out) {
        order.status = Order.Status.SETTLED;
        if (!retainSettledOrders) {
            orders.forget(order);
        }
        if (out.receives(EventType.ORDER_SETTLED)) {
            out.event(new OrderSettled(cause.id(), order.id, participants.id(order.participant),
                    order.hasMerchant() ? merchants.get(order.merchant).id : null, order.channel, order.amountFen,
                    order.split(), now));
        } else {
            out.skip(EventType.ORDER_SETTLED);
        }
        if (order.hasMerchant()) {
            transfer(AccountType.MERCHANT_PENDING, order.merchant, AccountType.MERCHANT_CASH, order.merchant,
                    order.merchantFen, out);
        } else {
            transfer(AccountType.ORDER_ESCROW, 0, AccountType.SUPPLIER_PAYABLE, 0, order.merchantFen, out);
        }
        boolean greenStore = green != null && order.channel == Channel.STORE;
        if (greenStore) {
            // The whole 让利 that the rewards left goes to the settlement centre: its split between platform,
            // budget and pool does not apply under green points (issue 17, rule 1).
            transfer(AccountType.ORDER_ESCROW, 0, AccountType.SETTLEMENT_CENTRE, 0, order.platformFen
                    + order.distributionLeftFen + order.roundingFen + order.poolFen, out);
        } else {
            transfer(AccountType.ORDER_ESCROW, 0, AccountType.PLATFORM_REVENUE, 0,
                    order.platformFen + order.distributionLeftFen, out);
            transfer(AccountType.ORDER_ESCROW, 0, AccountType.PLATFORM_ROUNDING, 0, order.roundingFen, out);
        }
        Reward[] rewards = out.receivesReward(RewardStatus.AVAILABLE) ? rewardsOf(order) : null;
        RewardTally tally = out.rewardTally(RewardStatus.AVAILABLE);
        for (int i = 0; i < order.rewardCount(); i++) {
            RewardKind kind = order.rewardKind(i);
            int owner = order.rewardOwner(i);
            transfer(pendingAccount(kind), owner, availableAccount(kind), owner, order.rewardAmountFen(i), out);
            if (tally != null) {
                out.tallyReward(tally, kind, order.rewardLevel(i), order.rewardAmountFen(i), order.rewardNominalFen(i));
            } else if (rewards != null) {
                out.event(new RewardChanged(cause.id(), order.id, rewards[i], RewardStatus.AVAILABLE));
            } else {
                out.skip(EventType.REWARD_CHANGED);
            }
        }
        transfer(AccountType.DEDUCT_ESCROW, 0, AccountType.DEDUCT_ISSUANCE, 0, order.deductFen, out);
        transfer(AccountType.USER_DEDUCT_PENDING, order.participant, AccountType.USER_DEDUCT, order.participant,
                order.deductGrantedFen, out);
        transfer(AccountType.USER_CONTRIB_PENDING, order.participant, AccountType.USER_CONTRIB, order.participant,
                order.contributionFen, out);
        participants.addSettledSpend(order.participant, order.amountFen);
        if (greenStore) {
            green.settleStore(cause, order, merchants.get(order.merchant).commissionPpm, out);
            return;
        }
        pool.contribute(cause, order.participant, order.amountFen, order.poolFen, AccountType.ORDER_ESCROW, out);
    }

    /** A merchant's reward (the mall rebate) goes to its accounts; every other to a participant's cash. */
    private static AccountType pendingAccount(RewardKind kind) {
        return kind.toMerchant() ? AccountType.MERCHANT_PENDING : AccountType.USER_CASH_PENDING;
    }

    private static AccountType availableAccount(RewardKind kind) {
        return kind.toMerchant() ? AccountType.MERCHANT_CASH : AccountType.USER_CASH;
    }

    /** An order's rewards as records, rebuilt from its packed data (for events and the snapshot codec). */
    public Reward[] rewardsOf(Order order) {
        return rewardRules.of(order);
    }

    private void transfer(AccountType from, int fromOwner, AccountType to, int toOwner, long amount, EngineOutput out) {
        ledger.transfer(from, fromOwner, to, toOwner, amount, out, ownerIds);
    }

    // ----- queries, and the order book for the snapshot codec -----

    /** Orders in the order book; see {@link org.zengzhi.engine.Engine#orderCount()}. */
    public int orderCount() {
        return orders.count();
    }

    /** Orders paid and not yet settled or refunded. */
    public int unsettledOrders() {
        return orders.unsettled();
    }

    public Orders orders() {
        return orders;
    }
}
