package org.zengzhi.engine.order;

import org.zengzhi.engine.Command.PayOrder;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.ledger.AccountType;

/** The checks a payment passes before anything changes; the first failing one wins. */
final class PaymentCheck {
    private PaymentCheck() {
    }

    static Problem problem(PayOrder pay, Engine engine) {
        if (pay.amountFen() <= 0) {
            return new Problem(RejectionCode.NON_POSITIVE_AMOUNT, "amount");
        }
        if (pay.amountFen() > Limits.AMOUNT_FEN_MAX) {
            return new Problem(RejectionCode.AMOUNT_TOO_LARGE, "amount");
        }
        RejectionCode user = engine.participantProblem(pay.user());
        if (user != null) {
            return new Problem(user, "user");
        }
        if (engine.orders().find(pay.id()) != null) {
            return new Problem(RejectionCode.DUPLICATE_ORDER, "id");
        }
        Problem merchant = merchantProblem(pay, engine);
        if (merchant != null) {
            return merchant;
        }
        return pay.channel() == Channel.STORE ? storeProblem(pay) : mallProblem(pay, engine);
    }

    private static Problem merchantProblem(PayOrder pay, Engine engine) {
        if (pay.merchant() == null) {
            return pay.channel() == Channel.STORE ? new Problem(RejectionCode.MERCHANT_REQUIRED, "merchant") : null;
        }
        int merchant = engine.merchants().find(pay.merchant());
        if (merchant < 0) {
            return new Problem(RejectionCode.UNKNOWN_MERCHANT, "merchant");
        }
        if (engine.merchants().get(merchant).suspended) {
            return new Problem(RejectionCode.MERCHANT_SUSPENDED, "merchant");
        }
        return null;
    }

    private static Problem storeProblem(PayOrder pay) {
        if (pay.split() != null) {
            return new Problem(RejectionCode.SPLIT_NOT_ALLOWED, "split");
        }
        if (pay.deductFen() != 0) {
            return new Problem(RejectionCode.DEDUCT_NOT_ALLOWED, "deduct");
        }
        return null;
    }

    private static Problem mallProblem(PayOrder pay, Engine engine) {
        MallSplitFen split = pay.split();
        if (split != null && !split.divides(pay.amountFen())) {
            return new Problem(RejectionCode.SPLIT_MISMATCH, "split");
        }
        if (pay.region() != null && engine.regions().path(pay.region()).isEmpty()) {
            return new Problem(RejectionCode.UNKNOWN_REGION, "region");
        }
        return deductProblem(pay, engine);
    }

    /** Deduction points may pay at most the plan's share of the price (cash + deduction), R-3.10. */
    private static Problem deductProblem(PayOrder pay, Engine engine) {
        long deduct = pay.deductFen();
        if (deduct == 0) {
            return null;
        }
        if (deduct < 0 || deduct > Limits.AMOUNT_FEN_MAX) {
            return new Problem(RejectionCode.DEDUCT_NOT_ALLOWED, "deduct");
        }
        long price = pay.amountFen() + deduct;
        if (Exact.compareProducts(deduct, Limits.PPM, engine.plan().deduct().mallMaxPpm(), price) > 0) {
            return new Problem(RejectionCode.DEDUCT_NOT_ALLOWED, "deduct");
        }
        if (engine.balance(AccountType.USER_DEDUCT, pay.user()) < deduct) {
            return new Problem(RejectionCode.INSUFFICIENT_DEDUCT, "deduct");
        }
        return null;
    }
}
