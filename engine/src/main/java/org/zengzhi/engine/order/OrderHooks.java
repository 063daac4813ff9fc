package org.zengzhi.engine.order;

import java.time.Instant;
import java.time.YearMonth;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.green.GreenStep;

/**
 * What the order flow asks of the green-points model (issue 17): its checks and postings on payments,
 * refunds and settlements, its dividends between settlements, and its month close. The order flow owns
 * this interface so that it need not know the class that implements it (the green flow sits above the
 * order flow and imports it); the one implementation keeps every call monomorphic, and a plan without
 * green points holds null here, which costs the order flow one null check.
 */
public interface OrderHooks {

    /** The voucher part of a payment; {@code participant} is −1 for a payer the engine has not seen. */
    Problem paymentProblem(Command.PayOrder pay, int participant);

    /** A coin-mall payment's checks, in order; {@code duplicate} says the order id is already taken. */
    Problem coinProblem(Command.PayOrder pay, boolean duplicate);

    /** Posts a coin-mall payment, which settles at once. */
    void payCoins(Command.PayOrder pay, EngineOutput output);

    /** Reverses a coin-mall order: the coins back to the buyer, the seller's cash back to the settlement centre. */
    void refundCoins(Order order, EngineOutput output);

    /** Posts the voucher part of a store payment. */
    void postVoucherPayment(Order order, EngineOutput output);

    /** Gives back the voucher part of a refunded store payment. */
    void reverseVoucherPayment(Order order, EngineOutput output);

    /** Settles a store order under green points, where its commission (让利) goes to the settlement centre. */
    void settleStore(Command cause, Order order, long rangliPpm, EngineOutput output);

    /** Appoints a promoter, or says why not. */
    Problem appoint(Command.AppointPromoter appoint, Instant now);

    /** Why a month cannot be closed, or null. */
    Problem closeProblem(Command.CloseMonth close);

    /** The instant the month ends, in the plan's zone. */
    Instant monthEnd(YearMonth month);

    /** What comes next before the month's end: a settlement, a dividend, or nothing. */
    GreenStep nextStepBefore(Instant nextSettlementDue, Instant end);

    /** Closes the month once everything due before its end has happened. */
    void closeMonth(Command.CloseMonth close, EngineOutput output);

    /** What comes next up to {@code until}: a settlement, a dividend, or nothing. */
    GreenStep nextStep(Instant nextSettlementDue, Instant until);

    /** Pays the dividend {@code step} names. */
    void payDividend(Command cause, GreenStep step, EngineOutput output);
}
