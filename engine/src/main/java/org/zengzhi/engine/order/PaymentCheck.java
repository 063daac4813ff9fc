package org.zengzhi.engine.order;

import org.zengzhi.engine.Command.PayOrder;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.plan.Plan;

/** The checks a payment passes before anything changes; the first failing one wins. */
final class PaymentCheck {
    private PaymentCheck() {
    }

    static Problem problem(PayOrder pay, Plan plan, Network network, Orders orders, Ledger ledger) {
        if (pay.amountFen() <= 0) {
            return new Problem(RejectionCode.NON_POSITIVE_AMOUNT, "amount");
        }
        if (pay.amountFen() > Limits.AMOUNT_FEN_MAX) {
            return new Problem(RejectionCode.AMOUNT_TOO_LARGE, "amount");
        }
        RejectionCode user = network.participantProblem(pay.user());
        if (user != null) {
            return new Problem(user, "user");
        }
        if (orders.find(pay.id()) != null) {
            return new Problem(RejectionCode.DUPLICATE_ORDER, "id");
        }
        Problem merchant = merchantProblem(pay, network);
        if (merchant != null) {
            return merchant;
        }
        return pay.channel() == Channel.STORE ? storeProblem(pay) : mallProblem(pay, plan, network, ledger);
    }

    private static Problem merchantProblem(PayOrder pay, Network network) {
        if (pay.merchant() == null) {
            return pay.channel() == Channel.STORE ? new Problem(RejectionCode.MERCHANT_REQUIRED, "merchant") : null;
        }
        int merchant = network.merchants().find(pay.merchant());
        if (merchant < 0) {
            return new Problem(RejectionCode.UNKNOWN_MERCHANT, "merchant");
        }
        if (network.merchants().get(merchant).suspended) {
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

    private static Problem mallProblem(PayOrder pay, Plan plan, Network network, Ledger ledger) {
        MallSplitFen split = pay.split();
        if (split != null && !split.divides(pay.amountFen())) {
            return new Problem(RejectionCode.SPLIT_MISMATCH, "split");
        }
        if (pay.region() != null && network.regions().path(pay.region()).isEmpty()) {
            return new Problem(RejectionCode.UNKNOWN_REGION, "region");
        }
        return deductProblem(pay, plan, network, ledger);
    }

    /** Deduction points may pay at most the plan's share of the price (cash + deduction), R-3.10. */
    private static Problem deductProblem(PayOrder pay, Plan plan, Network network, Ledger ledger) {
        long deduct = pay.deductFen();
        if (deduct == 0) {
            return null;
        }
        if (deduct < 0 || deduct > Limits.AMOUNT_FEN_MAX) {
            return new Problem(RejectionCode.DEDUCT_NOT_ALLOWED, "deduct");
        }
        long price = pay.amountFen() + deduct;
        if (Exact.compareProducts(deduct, Limits.PPM, plan.deduct().mallMaxPpm(), price) > 0) {
            return new Problem(RejectionCode.DEDUCT_NOT_ALLOWED, "deduct");
        }
        int payer = network.participants().find(pay.user());
        long held = payer < 0 ? 0 : ledger.balance(AccountType.USER_DEDUCT, payer);
        if (held < deduct) {
            return new Problem(RejectionCode.INSUFFICIENT_DEDUCT, "deduct");
        }
        return null;
    }
}
