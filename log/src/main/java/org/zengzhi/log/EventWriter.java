package org.zengzhi.log;

import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.Units;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes engine events as JSON lines: one object per line, "event" first, fields in a fixed order so two
 * replays of the same log are byte for byte equal. CNY and points are strings with all their decimals
 * (2 and 6); prices are rounded for display only, the exact pair being poolCash / circulatingPoints.
 */
public final class EventWriter implements AutoCloseable {
    /**
     * An empty root separator: each line ends with our own '\n' instead of Jackson's default space. Built once:
     * a factory is thread-safe and costly to build, and the server renders every answer through a new writer.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().rootValueSeparator("").build();

    private final JsonGenerator json;
    private final FlowEventWriter flow;
    private final GreenEventWriter green;
    private final PartyEventWriter party;

    public EventWriter(OutputStream out) {
        this.json = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
        this.flow = new FlowEventWriter(json);
        this.green = new GreenEventWriter(json);
        this.party = new PartyEventWriter(json);
    }

    public void write(Event event) {
        switch (event.type()) {
            case POINTS_MINTED -> minted((Event.PointsMinted) event);
            case PRICE_CHANGED -> price((Event.PriceChanged) event);
            case POINTS_SOLD -> sold((Event.PointsSold) event);
            case PARTICIPANT_EXITED -> exited((Event.ParticipantExited) event);
            case SUBSIDY_INJECTED -> subsidized((Event.SubsidyInjected) event);
            case COMMAND_REJECTED -> rejected((Event.CommandRejected) event);
            case USER_REGISTERED -> flowLine(() -> flow.registered((Event.UserRegistered) event));
            case REFERRER_BOUND -> flowLine(() -> flow.bound((Event.ReferrerBound) event));
            case REFERRER_REASSIGNED -> flowLine(() -> flow.reassigned((Event.ReferrerReassigned) event));
            case MERCHANT_ONBOARDED -> flowLine(() -> flow.merchant((Event.MerchantOnboarded) event));
            case MERCHANT_SUSPENDED -> flowLine(() -> flow.suspended((Event.MerchantSuspended) event));
            case AGENT_APPOINTED -> flowLine(() -> flow.agentAppointed((Event.AgentAppointed) event));
            case AGENT_REMOVED -> flowLine(() -> flow.agentRemoved((Event.AgentRemoved) event));
            case ORDER_PAID -> flowLine(() -> flow.paid((Event.OrderPaid) event));
            case ORDER_RECEIVED -> flowLine(() -> flow.received((Event.OrderReceived) event));
            case ORDER_SETTLED -> flowLine(() -> flow.settled((Event.OrderSettled) event));
            case ORDER_REFUNDED -> flowLine(() -> flow.refunded((Event.OrderRefunded) event));
            case REWARD_CHANGED -> flowLine(() -> flow.rewarded((Event.RewardChanged) event));
            case BONUS_GRANTED -> flowLine(() -> flow.bonus((Event.BonusGranted) event));
            case PLAN_CHANGED -> flowLine(() -> flow.planChanged((Event.PlanChanged) event));
            case WITHDRAWAL_REQUESTED -> flowLine(() -> flow.withdrawalRequested((Event.WithdrawalRequested) event));
            case WITHDRAWAL_REVIEWED -> flowLine(() -> flow.withdrawalReviewed((Event.WithdrawalReviewed) event));
            case WITHDRAWAL_SETTLED -> flowLine(() -> flow.withdrawalSettled((Event.WithdrawalSettled) event));
            case GREEN_EARNED -> flowLine(() -> green.earned((Event.GreenEarned) event));
            case DIVIDEND_PAID -> flowLine(() -> green.dividend((Event.DividendPaid) event));
            case PROMOTER_MONTH -> flowLine(() -> green.promoterMonth((Event.PromoterMonthClosed) event));
            case COINS_SPENT -> flowLine(() -> green.coinsSpent((Event.CoinsSpent) event));
            case SUPPLIER_REGISTERED, PRODUCT_LISTED, PARTY_ORDER_PAID, PARTY_ORDER_SETTLED, PARTY_ORDER_REFUNDED,
                    PRODUCT_RATED, CONTRIB_TRANSFERRED, CONTRIB_REDEEMED, TOKENS_REDEEMED, ORDER_VERIFIED,
                    CREDIT_SCORE_SET, ESCROW_RECONCILED, DATA_SERVICE_CHARGED, OPERATING_COST_RECORDED,
                    PARTY_MONTH_CLOSED, PROMOTER_RANKS_CLOSED, EQUITY_POOL_PAID -> flowLine(() -> party.write(event));
        }
    }

    private void flowLine(Runnable fields) {
        fields.run();
        end();
    }

    private void minted(Event.PointsMinted minted) {
        start("minted", minted.command());
        json.writeStringProperty("user", minted.participant());
        json.writeStringProperty("amount", Units.formatFen(minted.amountFen()));
        json.writeStringProperty("poolShare", Units.formatFen(minted.poolShareFen()));
        json.writeStringProperty("points", Units.formatPoints(minted.pointsMicro()));
        end();
    }

    private void price(Event.PriceChanged change) {
        start("price", change.command());
        json.writeStringProperty("at", change.at().toString());
        json.writeStringProperty("poolCash", Units.formatFen(change.poolCashFen()));
        json.writeStringProperty("circulatingPoints", Units.formatPoints(change.circulatingPointsMicro()));
        json.writeStringProperty("price", change.price().display());
        end();
    }

    private void sold(Event.PointsSold sale) {
        start("sold", sale.command());
        json.writeStringProperty("user", sale.participant());
        json.writeStringProperty("points", Units.formatPoints(sale.pointsMicro()));
        json.writeStringProperty("gross", Units.formatFen(sale.grossFen()));
        json.writeStringProperty("payout", Units.formatFen(sale.payoutFen()));
        end();
    }

    private void exited(Event.ParticipantExited exit) {
        start("exited", exit.command());
        json.writeStringProperty("user", exit.participant());
        json.writeStringProperty("points", Units.formatPoints(exit.pointsMicro()));
        json.writeStringProperty("gross", Units.formatFen(exit.grossFen()));
        json.writeStringProperty("payout", Units.formatFen(exit.payoutFen()));
        json.writeStringProperty("cycleSpend", Units.formatFen(exit.cycleSpendFen()));
        json.writeNumberProperty("exits", exit.exits());
        end();
    }

    private void subsidized(Event.SubsidyInjected subsidy) {
        start("subsidized", subsidy.command());
        json.writeStringProperty("amount", Units.formatFen(subsidy.amountFen()));
        if (subsidy.reason() != null) {
            json.writeStringProperty("reason", subsidy.reason());
        }
        end();
    }

    private void rejected(Event.CommandRejected rejection) {
        start("rejected", rejection.command());
        json.writeStringProperty("code", rejection.code().name());
        json.writeStringProperty("field", rejection.field());
        end();
    }

    /** The closing line: the pool and every participant, sorted by user id so the order is stable. */
    public void state(Engine engine) {
        json.writeStartObject();
        json.writeStringProperty("event", "state");
        json.writeStringProperty("poolCash", Units.formatFen(engine.poolCash()));
        json.writeStringProperty("circulatingPoints", Units.formatPoints(engine.circulatingPoints()));
        json.writeStringProperty("price", engine.price().display());
        json.writeStringProperty("stateHash", engine.stateHash());
        json.writeArrayPropertyStart("holders");
        List<Holder> holders = engine.holders();
        holders.sort(Comparator.comparing(Holder::participant));
        for (Holder holder : holders) {
            holder(holder);
        }
        json.writeEndArray();
        balances(engine);
        end();
    }

    /**
     * Every non-zero balance, per owner, asset and kind: system accounts first, then users, then
     * merchants, each sorted by id.
     */
    private void balances(Engine engine) {
        List<Balance> balances = GreenEventWriter.balances(engine);
        balances.sort(Comparator.comparing((Balance b) -> b.type().system() ? 0 : b.type().perParticipant() ? 1 : 2)
                .thenComparing(b -> b.owner() == null ? "" : b.owner())
                .thenComparing(b -> b.type().ordinal()));
        json.writeArrayPropertyStart("balances");
        for (Balance balance : balances) {
            AccountType type = balance.type();
            json.writeStartObject();
            json.writeStringProperty("ownerKind", type.ownerKind().name().toLowerCase(java.util.Locale.ROOT));
            json.writeStringProperty("owner", balance.owner());
            json.writeStringProperty("account", type.name());
            json.writeStringProperty("asset", type.asset().name());
            json.writeStringProperty("kind", type.kind().name().toLowerCase(java.util.Locale.ROOT));
            json.writeStringProperty("amount", Units.format(balance.amount(), type.asset().decimals()));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void holder(Holder holder) {
        json.writeStartObject();
        json.writeStringProperty("user", holder.participant());
        json.writeStringProperty("points", Units.formatPoints(holder.pointsMicro()));
        json.writeStringProperty("cash", Units.formatFen(holder.cashFen()));
        json.writeStringProperty("cycleSpend", Units.formatFen(holder.cycleSpendFen()));
        json.writeStringProperty("cycleRealized", Units.formatFen(holder.cycleRealizedFen()));
        json.writeNumberProperty("exits", holder.exits());
        json.writeStringProperty("paidOut", Units.formatFen(holder.paidOutFen()));
        json.writeEndObject();
    }

    private void start(String event, String command) {
        json.writeStartObject();
        json.writeStringProperty("event", event);
        json.writeStringProperty("command", command);
    }

    private void end() {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    public void flush() {
        json.flush();
    }

    /** Flushes; the stream itself belongs to the caller and stays open. */
    @Override
    public void close() {
        json.flush();
    }
}
