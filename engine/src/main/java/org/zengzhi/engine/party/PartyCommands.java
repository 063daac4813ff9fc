package org.zengzhi.engine.party;

import java.util.List;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.partyrules.Waterfall;
import org.zengzhi.engine.plan.Plan;

/**
 * The four-party model (seed 000, issue 18) as the engine dispatches it: each command's external ids become
 * the model's handles ({@link PartyIds}), the model runs it and posts through {@link LedgerPartyPort}, and
 * the outcome becomes events or a rejection. Each handler checks first and returns false after emitting a
 * {@code CommandRejected}; then nothing has changed.
 */
public final class PartyCommands {
    private final Network network;
    private final LedgerPartyPort port;
    private final PartyIds ids;
    private final PartyModel model;
    private final PartyCloses closes;

    public PartyCommands(PartyRules rules, Ledger ledger, Network network) {
        this(ledger, network, new PartyIds(), port -> new PartyModel(rules, port));
    }

    private interface ModelSource {
        PartyModel open(PartyPostings port) throws java.io.IOException;
    }

    private PartyCommands(Ledger ledger, Network network, PartyIds ids, ModelSource source) {
        this.network = network;
        this.ids = ids;
        this.port = new LedgerPartyPort(ledger, network.ownerIds(), ids.suppliers());
        try {
            this.model = source.open(port);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.closes = new PartyCloses(model, ids, model.rules());
    }

    public PartyModel model() {
        return model;
    }

    public PartyIds ids() {
        return ids;
    }

    public PartyCloses closes() {
        return closes;
    }

    public boolean registerSupplier(Command.RegisterSupplier command, Ledger ledger, EngineOutput out) {
        port.output(out);
        RejectionCode idProblem = ids.supplierIdProblem(command.supplier());
        if (idProblem != null) {
            return reject(command, idProblem, "supplier", out);
        }
        if (command.depositFen() < 0 || command.depositFen() > Limits.AMOUNT_FEN_MAX) {
            return reject(command, RejectionCode.AMOUNT_TOO_LARGE, "deposit", out);
        }
        // The owner is registered on first mention, as a store's owner is (OnboardMerchant): the operator names
        // the supplier's login, who need not have bought anything yet.
        RejectionCode ownerProblem = command.owner() == null ? null : network.participantProblem(command.owner());
        if (ownerProblem != null) {
            return reject(command, ownerProblem, "owner", out);
        }
        PartyOutcome<Integer> outcome = model.registerSupplier(command.baselineFen());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        int owner = command.owner() == null ? -1 : network.findOrRegister(command.owner());
        ids.addSupplier(command.supplier());
        ids.setSupplierOwner(outcome.value(), owner);
        ledger.addSupplier();
        if (command.depositFen() > 0) {
            model.payDeposit(outcome.value(), command.depositFen());
        }
        out.event(new Event.SupplierRegistered(command.id(), command.supplier(), command.baselineFen(),
                command.depositFen(), command.owner()));
        return true;
    }

    public boolean listProduct(Command.ListProduct command, EngineOutput out) {
        RejectionCode idProblem = ids.productIdProblem(command.product());
        if (idProblem != null) {
            return reject(command, idProblem, "product", out);
        }
        int supplier = ids.supplier(command.supplier());
        if (supplier < 0) {
            return reject(command, RejectionCode.UNKNOWN_SUPPLIER, "supplier", out);
        }
        PartyOutcome<Integer> outcome = model.listProduct(supplier, command.priceFen(), command.costFen());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        ids.addProduct(command.product());
        out.event(new Event.ProductListed(command.id(), command.product(), command.supplier(), command.priceFen(),
                command.costFen()));
        return true;
    }

    /**
     * A payment: the consumer is registered on first sight; the commission goes to the promoter the order
     * names, else to the consumer's referrer if that referrer is a promoter (rule 2); the team allowance to the promoter's referrer; the invite reward
     * to the consumer's referrer on the consumer's first four-party order.
     */
    public boolean pay(Command.PayPartyOrder command, EngineOutput out) {
        port.output(out);
        PartyRejection problem = payProblem(command);
        if (problem != null) {
            return reject(command, problem, out);
        }
        int known = network.participants().find(command.user());
        int consumer = known >= 0 ? known : network.participants().count();
        int product = ids.product(command.product());
        Payment payment = payment(command);
        int promoter = payment.promoter() == Payment.NONE ? -1 : payment.promoter();
        PartyRejection modelProblem = model.payProblem(payment);
        if (modelProblem != null) {
            return reject(command, modelProblem, out);
        }
        if (known < 0 && network.findOrRegister(command.user()) != consumer) {
            throw new IllegalStateException("a new participant did not get the next dense id");
        }
        PartyOutcome<PaymentResult> outcome = model.pay(payment);
        if (!outcome.isAccepted()) {
            throw new IllegalStateException("a payment checked first was refused: " + outcome.rejection());
        }
        ids.addOrder(command.id(), consumer);
        PaymentResult result = outcome.value();
        out.event(new Event.PartyOrderPaid(command.id(), command.id(), command.user(), command.product(),
                ids.supplierId(model.supplierOfProduct(product)), result.amountFen(), command.contribFen(),
                result.prepaidFen(), promoter < 0 ? null : network.participants().id(promoter),
                result.verdict().name()));
        return true;
    }

    /**
     * Why {@link #pay} would refuse this payment now, or null. Changes nothing: the server asks it before a payment
     * intent exists, and the engine judges again when the provider's callback submits the payment.
     */
    public PartyRejection paymentProblem(Command.PayPartyOrder command) {
        PartyRejection problem = payProblem(command);
        return problem != null ? problem : model.payProblem(payment(command));
    }

    /** What {@code quantity} of a listed product costs in fen, or -1 for an unknown product. */
    public long amountFen(String product, int quantity) {
        int handle = ids.product(product);
        return handle < 0 ? -1 : model.amountFen(handle, quantity);
    }

    /** The payment a command makes; a new consumer is checked with the next dense id, before anyone registers. */
    private Payment payment(Command.PayPartyOrder command) {
        int known = network.participants().find(command.user());
        int consumer = known >= 0 ? known : network.participants().count();
        int referrer = known >= 0 ? network.participants().referrer(known) : -1;
        int promoter = command.promoter() != null ? network.participants().find(command.promoter())
                : isPromoter(referrer) ? referrer : -1;
        int leader = promoter < 0 ? -1 : network.participants().referrer(promoter);
        int inviter = ids.ordersOf(consumer) == 0 ? referrer : -1;
        int product = ids.product(command.product());
        return new Payment(ids.nextOrder(), consumer, product, command.quantity(), command.contribFen(),
                known >= 0 ? tierOf(known) : 0, none(promoter), none(leader), none(inviter), command.device(),
                command.ip(), command.at());
    }

    private PartyRejection payProblem(Command.PayPartyOrder command) {
        if (ids.order(command.id()) >= 0) {
            return new PartyRejection(PartyRejectionCode.DUPLICATE_ORDER, "id");
        }
        RejectionCode user = network.participantProblem(command.user());
        if (user != null) {
            return new PartyRejection(PartyRejectionCode.INVALID_HOLDER, "user");
        }
        if (ids.product(command.product()) < 0) {
            return new PartyRejection(PartyRejectionCode.UNKNOWN_PRODUCT, "product");
        }
        if (command.promoter() != null && network.participants().find(command.promoter()) < 0) {
            return new PartyRejection(PartyRejectionCode.INVALID_HOLDER, "promoter");
        }
        return null;
    }

    /**
     * Whether a participant is a promoter: on the promoter ladder, which a first credit score puts them on.
     * Rule 2 pays the consumer's referrer a commission only if that referrer is a promoter; otherwise the
     * commission's rate stays in the platform's margin.
     */
    private boolean isPromoter(int participant) {
        return participant >= 0 && closes.board().rankOf(participant).isPresent();
    }

    private static int none(int handle) {
        return handle < 0 ? Payment.NONE : handle;
    }

    /** The consumer's member tier as the plan's tiers say, capped at the last rebate tier (gold). */
    private int tierOf(int consumer) {
        Plan.Tier tier = network.tierOf(consumer);
        int index = tier == null ? 0 : Math.max(0, network.plan().tiers().indexOf(tier));
        return Math.min(index, model.rules().rebateTiersPpm().size() - 1);
    }

    /** Whether a refund is the four-party model's: an order it was paid. */
    public boolean owns(String order) {
        return ids.order(order) >= 0;
    }

    public boolean refund(Command.RefundOrder command, EngineOutput out) {
        port.output(out);
        PartyOutcome<Refund> outcome = model.refund(ids.order(command.order()), command.at());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        Refund refund = outcome.value();
        out.event(new Event.PartyOrderRefunded(command.id(), command.order(), refund.amountFen(),
                refund.clawedBackFen(), refund.advancedFen(), refund.cashRefundedFen(), refund.contribRefundedFen()));
        return true;
    }

    /**
     * Settles every order whose windows have closed by {@code at}, in payment order: the windows are the same
     * for every order and time never goes back, so payment order is due order and the first order not yet
     * due ends the run. Returns whether anything settled.
     */
    public boolean settleDue(Command.Tick tick, EngineOutput out) {
        port.output(out);
        boolean any = false;
        long order;
        while ((order = ids.oldestOpen()) >= 0) {
            PartyOutcome<Settlement> outcome = model.settle(order, tick.at());
            PartyRejectionCode code = outcome.isAccepted() ? null : outcome.rejection().code();
            if (code == PartyRejectionCode.NOT_DUE || code == PartyRejectionCode.LIMIT_REACHED
                    || code == PartyRejectionCode.TIME_WENT_BACK) {
                break;
            }
            ids.dropOldestOpen();
            if (outcome.isAccepted()) {
                settled(tick, outcome.value(), out);
                any = true;
            }
        }
        return any;
    }

    private void settled(Command.Tick tick, Settlement settlement, EngineOutput out) {
        Waterfall parts = settlement.waterfall();
        network.participants().addSettledSpend(settlement.consumer(), parts.amountFen());
        String promoter = settlement.promoter() < 0 ? null : network.participants().id(settlement.promoter());
        closes.promotedSale(settlement.promoter(), tick.at(), parts.amountFen());
        out.event(new Event.PartyOrderSettled(tick.id(), ids.orderId(settlement.orderId()),
                ids.supplierId(settlement.supplier()), network.participants().id(settlement.consumer()), promoter,
                parts.amountFen(), parts.feeFen(), parts.rebateFen(), parts.commissionFen(), parts.teamAllowanceFen(),
                parts.inviteRewardFen(), parts.supplierShareFen(), parts.marginFen(), parts.roundingFen(),
                settlement.supplierSettledFen(), settlement.withheldFen(), settlement.heldFen(),
                settlement.stokenFen()));
    }

    public boolean rate(Command.RateProduct command, EngineOutput out) {
        int product = ids.product(command.product());
        if (product < 0) {
            return reject(command, RejectionCode.UNKNOWN_PRODUCT, "product", out);
        }
        PartyOutcome<Integer> outcome = model.rate(product, command.ratingCenti());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        out.event(new Event.ProductRated(command.id(), command.product(), command.user(), command.ratingCenti()));
        return true;
    }

    public boolean transfer(Command.TransferContrib command, EngineOutput out) {
        port.output(out);
        int from = network.participants().find(command.user());
        if (from < 0) {
            return reject(command, RejectionCode.UNKNOWN_PARTICIPANT, "user", out);
        }
        RejectionCode toProblem = network.participantProblem(command.to());
        if (toProblem != null) {
            return reject(command, toProblem, "to", out);
        }
        int known = network.participants().find(command.to());
        if (known == from) {
            return reject(command, RejectionCode.SAME_HOLDER, "to", out);
        }
        PartyRejection amount = PartyModel.checkAmount(command.amountFen(), "amount");
        if (amount != null) {
            return reject(command, amount, out);
        }
        if (model.contribOf(from) < command.amountFen()) {
            return reject(command, RejectionCode.INSUFFICIENT_CONTRIB, "amount", out);
        }
        int to = network.findOrRegister(command.to());
        ContribTransfer transfer = model.transferContrib(from, to, command.amountFen()).value();
        out.event(new Event.ContribTransferred(command.id(), command.user(), command.to(), transfer.amountFen(),
                transfer.feeFen(), transfer.receivedFen()));
        return true;
    }

    public boolean redeem(Command.RedeemContrib command, EngineOutput out) {
        port.output(out);
        int holder = network.participants().find(command.user());
        if (holder < 0) {
            return reject(command, RejectionCode.UNKNOWN_PARTICIPANT, "user", out);
        }
        PartyOutcome<Long> outcome = model.redeemContrib(holder, command.amountFen());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        out.event(new Event.ContribRedeemed(command.id(), command.user(), command.amountFen()));
        return true;
    }

    public boolean redeemTokens(Command.RedeemTokens command, EngineOutput out) {
        port.output(out);
        int supplier = ids.supplier(command.supplier());
        if (supplier < 0) {
            return reject(command, RejectionCode.UNKNOWN_SUPPLIER, "supplier", out);
        }
        PartyOutcome<TokenRedemption> outcome = PartyIds.FEE_DISCOUNT.equals(command.item())
                ? model.buyFeeDiscount(supplier) : model.redeemTokens(supplier, packageIndex(command.item()));
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        out.event(new Event.TokensRedeemed(command.id(), command.supplier(), outcome.value().what(),
                outcome.value().priceStoken()));
        return true;
    }

    private int packageIndex(String name) {
        List<PartyRules.TrafficPackage> packages = model.rules().trafficPackages();
        for (int i = 0; i < packages.size(); i++) {
            if (packages.get(i).name().equals(name)) {
                return i;
            }
        }
        return packages.size();
    }

    public boolean verify(Command.VerifyOrder command, EngineOutput out) {
        port.output(out);
        PartyOutcome<Verification> outcome = model.verify(ids.order(command.order()), command.approve(),
                command.at());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        Verification verification = outcome.value();
        out.event(new Event.OrderVerified(command.id(), command.order(), verification.approved(),
                verification.settled(), verification.releasedFen(), verification.cancelledFen()));
        return true;
    }

    public boolean creditScore(Command.SetCreditScore command, EngineOutput out) {
        RejectionCode problem = network.participantProblem(command.user());
        if (problem != null) {
            return reject(command, problem, "user", out);
        }
        if (command.score() < 0 || command.score() > PartyRules.CREDIT_SCORE_MAX) {
            return reject(command, RejectionCode.INVALID_SCORE, "score", out);
        }
        int user = network.findOrRegister(command.user());
        model.setCreditScore(user, command.score());
        closes.appoint(user, network.participants().referrer(user), command.at());
        out.event(new Event.CreditScoreSet(command.id(), command.user(), command.score()));
        return true;
    }

    public boolean escrowStatement(Command.EscrowStatement command, EngineOutput out) {
        PartyOutcome<CustodyCheck> outcome = model.custodyStatement(command.balanceFen(), command.at());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        CustodyCheck check = outcome.value();
        out.event(new Event.EscrowReconciled(command.id(), check.at(), check.statementFen(), check.ledgerFen(),
                check.differenceFen()));
        return true;
    }

    public boolean charge(Command.ChargeDataService command, EngineOutput out) {
        port.output(out);
        int supplier = ids.supplier(command.supplier());
        if (supplier < 0) {
            return reject(command, RejectionCode.UNKNOWN_SUPPLIER, "supplier", out);
        }
        PartyOutcome<Long> outcome = model.chargeDataService(supplier, command.amountFen());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        out.event(new Event.DataServiceCharged(command.id(), command.supplier(), command.amountFen()));
        return true;
    }

    public boolean cost(Command.RecordOperatingCost command, EngineOutput out) {
        port.output(out);
        if (command.reason() != null && command.reason().length() > Limits.TEXT_LENGTH_MAX) {
            return reject(command, RejectionCode.TEXT_TOO_LONG, "reason", out);
        }
        PartyOutcome<Long> outcome = model.recordOperatingCost(command.amountFen());
        if (!outcome.isAccepted()) {
            return reject(command, outcome.rejection(), out);
        }
        out.event(new Event.OperatingCostRecorded(command.id(), command.amountFen(), command.reason()));
        return true;
    }

    /** Checks a month close before any model closes, so that a rejected close changes no model. */
    public RejectionCode closeMonthProblem(Command.CloseMonth command) {
        return closes.monthProblem(command.month(), command.at());
    }

    public void closeMonth(Command.CloseMonth command, EngineOutput out) {
        port.output(out);
        closes.closeMonth(command, network, out);
    }

    public RejectionCode closeYearProblem(Command.CloseYear command) {
        return closes.yearProblem(command.year());
    }

    public void closeYear(Command.CloseYear command, EngineOutput out) {
        closes.closeYear(command, network, out);
    }

    /** Cheap checks of the model's state for the engine's invariants (reserve = outstanding; escrow ≥ 0). */
    public List<String> invariantBreaches() {
        return model.invariantBreaches();
    }

    static boolean reject(Command command, PartyRejection rejection, EngineOutput out) {
        return reject(command, RejectionCode.valueOf(rejection.code().name()), rejection.field(), out);
    }

    static boolean reject(Command command, RejectionCode code, String field, EngineOutput out) {
        out.event(new Event.CommandRejected(command.id(), code, field));
        return false;
    }

    /** Writes the ids, the model and the closes, after the engine's other parts. */
    public void write(java.io.DataOutput out) throws java.io.IOException {
        ids.write(out);
        model.write(out);
        closes.write(out);
    }

    /** Restores what {@link #write} wrote; the ledger's balances are restored by the caller. */
    public static PartyCommands read(java.io.DataInput in, PartyRules rules, Ledger ledger, Network network)
            throws java.io.IOException {
        PartyIds ids = PartyIds.read(in);
        try {
            PartyCommands commands = new PartyCommands(ledger, network, ids, port -> PartyModel.read(in, rules, port));
            commands.closes.read(in);
            return commands;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
