package org.zengzhi.log;

import java.util.Locale;

import org.zengzhi.engine.Event;
import org.zengzhi.engine.order.OrderSplit;
import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.withdrawal.WithdrawalState;

import tools.jackson.core.JsonGenerator;

/**
 * The JSON lines of the order flow's events (plans, referral, merchants, agents, orders, rewards). Field
 * order is fixed; absent values are JSON null; CNY amounts have 2 decimals, rates 6.
 */
final class FlowEventWriter {
    private final JsonGenerator json;

    FlowEventWriter(JsonGenerator json) {
        this.json = json;
    }

    void registered(Event.UserRegistered event) {
        start("registered", event.command());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("referrer", event.referrer());
    }

    void bound(Event.ReferrerBound event) {
        start("bound", event.command());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("referrer", event.referrer());
        json.writeStringProperty("merchant", event.merchant());
    }

    void reassigned(Event.ReferrerReassigned event) {
        start("reassigned", event.command());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("previous", event.previous());
        json.writeStringProperty("referrer", event.referrer());
        json.writeStringProperty("reason", event.reason());
    }

    void merchant(Event.MerchantOnboarded event) {
        start("merchant", event.command());
        json.writeStringProperty("merchant", event.merchant());
        json.writeStringProperty("owner", event.owner());
        json.writeStringProperty("recruiter", event.recruiter());
        json.writeStringProperty("region", event.region());
        json.writeStringProperty("commissionRate", Units.format(event.commissionPpm(), Units.RATE_DECIMALS));
    }

    void suspended(Event.MerchantSuspended event) {
        start("suspended", event.command());
        json.writeStringProperty("merchant", event.merchant());
        json.writeBooleanProperty("suspended", event.suspended());
        json.writeStringProperty("reason", event.reason());
    }

    void agentAppointed(Event.AgentAppointed event) {
        start("agent", event.command());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("region", event.region());
        json.writeStringProperty("level", lower(event.level().name()));
    }

    void agentRemoved(Event.AgentRemoved event) {
        start("agentRemoved", event.command());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("region", event.region());
    }

    void paid(Event.OrderPaid event) {
        start("paid", event.command());
        json.writeStringProperty("order", event.order());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("merchant", event.merchant());
        json.writeStringProperty("channel", lower(event.channel().name()));
        json.writeStringProperty("amount", Units.formatFen(event.amountFen()));
        json.writeStringProperty("deduct", Units.formatFen(event.deductFen()));
        json.writeStringProperty("region", event.region());
        split(event.split());
        json.writeStringProperty("deductGranted", Units.formatFen(event.deductGrantedFen()));
        json.writeStringProperty("contribution", Units.formatFen(event.contributionFen()));
        json.writeStringProperty("dueAt", event.dueAt().toString());
    }

    void received(Event.OrderReceived event) {
        start("received", event.command());
        json.writeStringProperty("order", event.order());
        json.writeStringProperty("dueAt", event.dueAt().toString());
    }

    void settled(Event.OrderSettled event) {
        start("settled", event.command());
        json.writeStringProperty("order", event.order());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("merchant", event.merchant());
        json.writeStringProperty("channel", lower(event.channel().name()));
        json.writeStringProperty("amount", Units.formatFen(event.amountFen()));
        split(event.split());
        json.writeStringProperty("at", event.at().toString());
    }

    void refunded(Event.OrderRefunded event) {
        start("refunded", event.command());
        json.writeStringProperty("order", event.order());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("amount", Units.formatFen(event.amountFen()));
        json.writeBooleanProperty("afterSettlement", event.afterSettlement());
    }

    /** {"event":"rewarded","order":"o1","user":"u1","kind":"direct","amount":"3.00","status":"pending",…}. */
    void rewarded(Event.RewardChanged event) {
        Reward reward = event.reward();
        start("rewarded", event.command());
        json.writeStringProperty("order", event.order());
        json.writeStringProperty(reward.toMerchant() ? "merchant" : "user", reward.recipient());
        json.writeStringProperty("kind", kind(reward.kind()));
        json.writeStringProperty("amount", Units.formatFen(reward.amountFen()));
        json.writeStringProperty("status", camel(event.status().name()));
        json.writeStringProperty("nominal", Units.formatFen(reward.nominalFen()));
        json.writeStringProperty("cut", Units.formatFen(reward.cutFen()));
        if (reward.level() != null) {
            json.writeStringProperty("level", lower(reward.level().name()));
            json.writeStringProperty("region", reward.region());
        }
    }

    /**
     * Every withdrawal event is one {@code withdrawal} line with the same fields in the same order; {@code state}
     * says what happened, the review's reason and the provider's reference are null where a step has none.
     */
    void withdrawalRequested(Event.WithdrawalRequested event) {
        withdrawal(event.command(), event.withdrawal(), event.user(), event.state(), event.amountFen(), event.feeFen(),
                event.payoutFen(), null, null);
        if (event.merchant() != null) {
            // A store's withdrawal (issue 19 item 2); a user's own keeps the line it always had.
            json.writeStringProperty("merchant", event.merchant());
        }
        if (event.supplier() != null) {
            json.writeStringProperty("supplier", event.supplier());
        }
    }

    void withdrawalReviewed(Event.WithdrawalReviewed event) {
        withdrawal(event.command(), event.withdrawal(), event.user(), event.state(), event.amountFen(), event.feeFen(),
                event.payoutFen(), event.reason(), null);
    }

    void withdrawalSettled(Event.WithdrawalSettled event) {
        withdrawal(event.command(), event.withdrawal(), event.user(), event.state(), event.amountFen(), event.feeFen(),
                event.payoutFen(), null, event.providerReference());
    }

    private void withdrawal(String command, String withdrawal, String user, WithdrawalState state, long amountFen,
            long feeFen, long payoutFen, String reason, String reference) {
        start("withdrawal", command);
        json.writeStringProperty("withdrawal", withdrawal);
        json.writeStringProperty("user", user);
        json.writeStringProperty("state", lower(state.name()));
        json.writeStringProperty("amount", Units.formatFen(amountFen));
        json.writeStringProperty("fee", Units.formatFen(feeFen));
        json.writeStringProperty("payout", Units.formatFen(payoutFen));
        json.writeStringProperty("reason", reason);
        json.writeStringProperty("reference", reference);
    }

    void planChanged(Event.PlanChanged event) {
        start("planChanged", event.command());
        json.writeStringProperty("plan", event.plan());
    }

    void bonus(Event.BonusGranted event) {
        start("bonus", event.command());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("amount", Units.formatFen(event.amountFen()));
        json.writeStringProperty("reason", event.reason());
    }

    private void split(OrderSplit split) {
        json.writeObjectPropertyStart("split");
        json.writeStringProperty("commission", Units.formatFen(split.commissionFen()));
        json.writeStringProperty("merchant", Units.formatFen(split.merchantFen()));
        json.writeStringProperty("platform", Units.formatFen(split.platformFen()));
        json.writeStringProperty("distribution", Units.formatFen(split.distributionFen()));
        json.writeStringProperty("pool", Units.formatFen(split.poolFen()));
        json.writeStringProperty("rounding", Units.formatFen(split.roundingFen()));
        json.writeStringProperty("rewards", Units.formatFen(split.rewardsFen()));
        json.writeStringProperty("distributionLeft", Units.formatFen(split.distributionLeftFen()));
        json.writeEndObject();
    }

    /** DIRECT → direct, FIRST_ORDER → firstOrder, MALL_REBATE → mallRebate. */
    static String kind(RewardKind kind) {
        return camel(kind.name());
    }

    static String camel(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }

    private void start(String event, String command) {
        json.writeStartObject();
        json.writeStringProperty("event", event);
        json.writeStringProperty("command", command);
    }
}
