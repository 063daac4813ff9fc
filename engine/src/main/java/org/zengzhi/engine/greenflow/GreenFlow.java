package org.zengzhi.engine.greenflow;

import java.time.Instant;
import java.time.YearMonth;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.green.Dividend;
import org.zengzhi.engine.green.GreenEarned;
import org.zengzhi.engine.green.GreenModel;
import org.zengzhi.engine.green.GreenPool;
import org.zengzhi.engine.green.GreenPostings;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.green.GreenStep;
import org.zengzhi.engine.green.StoreSettlement;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.Order;
import org.zengzhi.engine.order.OrderHooks;
import org.zengzhi.engine.rank.MonthClose;
import org.zengzhi.engine.rank.MonthOutcome;
import org.zengzhi.engine.rank.PromoterBoard;
import org.zengzhi.engine.rank.PromoterMonth;
import org.zengzhi.engine.rank.RankLadder;

/**
 * The green-points model wired into the engine (issue 17, deliver 1): it turns the core's effects into
 * ledger postings and events, and answers the order flow's questions about vouchers. The order flow calls it
 * only when the plan has a {@code greenPoints} section, so a plan without one pays a single null check.
 *
 * <p>Accounts: the settlement centre (结算中心) holds the 让利 in cash; vouchers and coins are liabilities of the
 * centre, issued from {@link AccountType#VOUCHER_ISSUANCE} and {@link AccountType#COIN_ISSUANCE}; green points
 * are issued per pool. Every effect is one transfer, so per asset the postings sum to zero.
 */
public final class GreenFlow implements GreenPostings, OrderHooks {
    private final GreenModel model;
    private final PromoterBoard board;
    /** Rule 7: the instant each promoter was appointed, from which on their metric counts. */
    private final Appointments appointments = new Appointments();
    private final Ledger ledger;
    private final Network network;
    private final Ledger.OwnerIds ownerIds;
    /** The output of the command being run: the core calls the postings port without one. */
    private EngineOutput out;

    public GreenFlow(GreenModel model, PromoterBoard board, Ledger ledger, Network network) {
        this.model = model;
        this.board = board;
        this.ledger = ledger;
        this.network = network;
        this.ownerIds = network.ownerIds();
    }

    public GreenModel model() {
        return model;
    }

    public GreenRules rules() {
        return model.rules();
    }

    public PromoterBoard board() {
        return board;
    }

    public Appointments appointments() {
        return appointments;
    }

    public RankLadder ladder() {
        return board.ladder();
    }

    /**
     * Rule 6: a voucher part only on store orders, from 0 to the amount, and no more than the payer holds now.
     * {@code participant} is −1 for a payer the engine has not seen, who holds nothing.
     */
    @Override
    public Problem paymentProblem(Command.PayOrder pay, int participant) {
        long voucher = pay.voucherFen();
        if (voucher == 0) {
            return null;
        }
        if (voucher < 0 || voucher > pay.amountFen() || pay.channel() != Channel.STORE) {
            return new Problem(RejectionCode.VOUCHER_NOT_ALLOWED, "voucher");
        }
        long held = participant < 0 ? 0 : ledger.balance(AccountType.USER_VOUCHER, participant);
        return voucher > held ? new Problem(RejectionCode.INSUFFICIENT_VOUCHERS, "voucher") : null;
    }

    /** Rule 6's checks of a coin-mall payment, in order; the first failing one wins. */
    @Override
    public Problem coinProblem(Command.PayOrder pay, boolean duplicate) {
        if (pay.amountFen() <= 0) {
            return new Problem(RejectionCode.NON_POSITIVE_AMOUNT, "coins");
        }
        if (pay.amountFen() > Limits.AMOUNT_FEN_MAX) {
            return new Problem(RejectionCode.AMOUNT_TOO_LARGE, "coins");
        }
        if (duplicate) {
            return new Problem(RejectionCode.DUPLICATE_ORDER, "id");
        }
        int merchant = pay.merchant() == null ? -1 : network.merchants().find(pay.merchant());
        if (merchant < 0) {
            return new Problem(pay.merchant() == null ? RejectionCode.MERCHANT_REQUIRED : RejectionCode.UNKNOWN_MERCHANT,
                    "merchant");
        }
        if (network.merchants().get(merchant).suspended) {
            return new Problem(RejectionCode.MERCHANT_SUSPENDED, "merchant");
        }
        if (pay.voucherFen() != 0 || pay.deductFen() != 0 || pay.split() != null) {
            return new Problem(RejectionCode.VOUCHER_NOT_ALLOWED, pay.voucherFen() != 0 ? "voucher" : "coins");
        }
        int user = network.participants().find(pay.user());
        long held = user < 0 ? 0 : ledger.balance(AccountType.USER_COIN, user);
        return pay.amountFen() > held ? new Problem(RejectionCode.INSUFFICIENT_COINS, "coins") : null;
    }

    /** Rule 6: the coins go back to their issuer and the settlement centre pays the seller in cash. */
    @Override
    public void payCoins(Command.PayOrder pay, EngineOutput output) {
        int user = network.participants().find(pay.user());
        int merchant = network.merchants().find(pay.merchant());
        transfer(AccountType.USER_COIN, user, AccountType.COIN_ISSUANCE, 0, pay.amountFen(), output);
        transfer(AccountType.SETTLEMENT_CENTRE, 0, AccountType.MERCHANT_CASH, merchant, pay.amountFen(), output);
        output.event(new Event.CoinsSpent(pay.id(), pay.id(), pay.user(), pay.merchant(), pay.amountFen()));
    }

    /**
     * A coin-mall order's refund (issue 20 item 1), once: the coins go back to the buyer from their issuer, and the
     * seller funds the reversal of its cash settlement, as says of a refund after settlement: from its cash,
     * and what the cash does not cover becomes the seller's debt. The settlement centre gets the coins' value back.
     */
    @Override
    public void refundCoins(Order order, EngineOutput output) {
        long fromCash = Math.min(order.amountFen, ledger.balance(AccountType.MERCHANT_CASH, order.merchant));
        transfer(AccountType.MERCHANT_CASH, order.merchant, AccountType.SETTLEMENT_CENTRE, 0, fromCash, output);
        transfer(AccountType.MERCHANT_DEBT, order.merchant, AccountType.SETTLEMENT_CENTRE, 0,
                order.amountFen - fromCash, output);
        transfer(AccountType.COIN_ISSUANCE, 0, AccountType.USER_COIN, order.participant, order.amountFen, output);
    }

    /**
     * Rule 6 at payment: the vouchers leave the payer into escrow, and the settlement centre puts the same cash
     * into the order's escrow, so the merchant is settled in cash for the voucher part.
     */
    @Override
    public void postVoucherPayment(Order order, EngineOutput output) {
        transfer(AccountType.USER_VOUCHER, order.participant, AccountType.VOUCHER_ESCROW, 0, order.voucherFen, output);
        transfer(AccountType.SETTLEMENT_CENTRE, 0, AccountType.ORDER_ESCROW, 0, order.voucherFen, output);
    }

    /** A refund before settlement gives the vouchers back and the cash back to the settlement centre. */
    @Override
    public void reverseVoucherPayment(Order order, EngineOutput output) {
        transfer(AccountType.ORDER_ESCROW, 0, AccountType.SETTLEMENT_CENTRE, 0, order.voucherFen, output);
        transfer(AccountType.VOUCHER_ESCROW, 0, AccountType.USER_VOUCHER, order.participant, order.voucherFen, output);
    }

    /**
     * Rules 1, 5 and 6 at a store order's settlement. The order flow has moved the 让利 into the settlement
     * centre; here the spent vouchers are redeemed (their liability ends) and the core earns points, coins and
     * bound vouchers at the order's due time.
     */
    @Override
    public void settleStore(Command cause, Order order, long rangliPpm, EngineOutput output) {
        out = output;
        transfer(AccountType.VOUCHER_ESCROW, 0, AccountType.VOUCHER_ISSUANCE, 0, order.voucherFen, output);
        int bound = network.participants().boundMerchant(order.participant);
        StoreSettlement settlement = new StoreSettlement(order.id, order.participant, order.merchant,
                order.amountFen, rangliPpm, order.voucherFen, bound < 0 ? StoreSettlement.NO_MERCHANT : bound,
                order.dueAt);
        GreenEarned earned = model.settle(settlement, this);
        Promoters.countMetric(board, appointments, network.merchants().get(order.merchant).recruiter, order.dueAt,
                rules().timeZone(), earned.merchantCentipoints());
        output.event(new Event.GreenEarned(cause.id(), order.id, network.participants().id(order.participant),
                merchantId(order.merchant), earned.pointsCentipoints(), earned.coinsFen(),
                earned.merchantCentipoints(), bound < 0 ? null : merchantId(bound), earned.boundVouchersFen()));
        out = null;
    }

    /**
     * Rule 7: appoints a promoter at {@code now}, the engine's time: their metric counts orders due from that
     * instant on. A rejection as a value, nothing changed.
     */
    @Override
    public Problem appoint(Command.AppointPromoter appoint, Instant now) {
        Problem problem = Promoters.appoint(board, network.participants(), appoint,
                YearMonth.from(now.atZone(rules().timeZone())));
        if (problem == null) {
            appointments.add(network.participants().find(appoint.user()), now);
        }
        return problem;
    }

    /** Why {@code close} cannot run, checked before anything is carried out; null when it can. */
    @Override
    public Problem closeProblem(Command.CloseMonth close) {
        return Promoters.closeProblem(board, close, rules().timeZone());
    }

    /** The instant the month ends in the plan's zone: settlements and dividends due before it come first. */
    @Override
    public Instant monthEnd(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(rules().timeZone()).toInstant();
    }

    /** What a month's close carries out next: what is due strictly before the month's end. */
    @Override
    public GreenStep nextStepBefore(Instant nextSettlementDue, Instant end) {
        return model.nextStepBefore(nextSettlementDue, end);
    }

    /** Closes the month on the board and pays every promoter in cash from the settlement centre. */
    @Override
    public void closeMonth(Command.CloseMonth close, EngineOutput output) {
        MonthOutcome outcome = board.closeMonth(close.yearMonth(), close.at(), rules().timeZone());
        if (!(outcome instanceof MonthClose closed)) {
            throw new IllegalStateException("a close that passed its checks was refused: " + outcome);
        }
        for (PromoterMonth month : closed.promoters()) {
            long pay = Math.addExact(Math.addExact(month.personalFen(), month.coachingFen()), month.subsidyFen());
            transfer(AccountType.SETTLEMENT_CENTRE, 0, AccountType.USER_CASH, month.user(), pay, output);
            output.event(new Event.PromoterMonthClosed(close.id(), network.participants().id(month.user()),
                    month.month().toString(), month.rank(), month.metricFen(), month.personalFen(),
                    month.coachingFen(), month.subsidyFen(), month.nextRank()));
        }
    }

    /** What a tick carries out next (rule 3): a settlement due before a dividend comes first. */
    @Override
    public GreenStep nextStep(Instant nextSettlementDue, Instant until) {
        return model.nextStepUntil(nextSettlementDue, until);
    }

    /** Pays the dividend {@code step} names and writes its event. */
    @Override
    public void payDividend(Command cause, GreenStep step, EngineOutput output) {
        out = output;
        Dividend dividend = model.payDividend(step.pool(), this);
        output.event(new Event.DividendPaid(cause.id(), dividend.pool().label(), dividend.period(), dividend.at(),
                dividend.valueCentipoints(), dividend.growthPpm().orElse(Event.DividendPaid.NO_GROWTH),
                dividend.scalePpm(), dividend.vouchersFen(), dividend.lots(), dividend.retired()));
        out = null;
    }

    private String merchantId(int merchant) {
        return network.merchants().get(merchant).id;
    }

    // ----- the core's postings port -----

    @Override
    public void pointsEarned(GreenPool pool, int holder, long centipoints) {
        transfer(issuance(pool), 0, holding(pool), holder, centipoints, out);
    }

    @Override
    public void coinsEarned(int user, long fen) {
        transfer(AccountType.COIN_ISSUANCE, 0, AccountType.USER_COIN, user, fen, out);
    }

    @Override
    public void boundVouchersPaid(int merchant, long fen) {
        transfer(AccountType.VOUCHER_ISSUANCE, 0, AccountType.MERCHANT_VOUCHER, merchant, fen, out);
    }

    @Override
    public void dividendVouchersPaid(GreenPool pool, int holder, long fen) {
        AccountType wallet = pool == GreenPool.CONSUMER ? AccountType.USER_VOUCHER : AccountType.MERCHANT_VOUCHER;
        transfer(AccountType.VOUCHER_ISSUANCE, 0, wallet, holder, fen, out);
    }

    /** A retired lot's points are converted (转化): they go back to their pool's issuer. */
    @Override
    public void lotRetired(GreenPool pool, int holder, long centipoints, int periods, long vouchersFen) {
        transfer(holding(pool), holder, issuance(pool), 0, centipoints, out);
    }

    private static AccountType issuance(GreenPool pool) {
        return pool == GreenPool.CONSUMER ? AccountType.GREEN_CONSUMER_ISSUANCE : AccountType.GREEN_MERCHANT_ISSUANCE;
    }

    private static AccountType holding(GreenPool pool) {
        return pool == GreenPool.CONSUMER ? AccountType.USER_GREEN : AccountType.MERCHANT_GREEN;
    }

    private void transfer(AccountType from, int fromOwner, AccountType to, int toOwner, long amount,
            EngineOutput output) {
        ledger.transfer(from, fromOwner, to, toOwner, amount, output, ownerIds);
    }
}
