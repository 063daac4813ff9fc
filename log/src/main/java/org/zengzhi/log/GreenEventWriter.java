package org.zengzhi.log;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.pool.Holder;

import tools.jackson.core.JsonGenerator;

/**
 * The green-points lines of the event log (issue 17, deliver 2; docs/replay.md), fields in the order.
 * Points are written with 2 decimals (the unit is a centipoint), vouchers and coins as CNY, growth and scale
 * as fractions with 6 decimals.
 */
final class GreenEventWriter {
    /** Accounts the closing state line lists for every owner under a green-points plan, zero or not. */
    private static final AccountType[] USER_ACCOUNTS = {AccountType.USER_VOUCHER, AccountType.USER_COIN,
        AccountType.USER_GREEN};
    private static final AccountType[] MERCHANT_ACCOUNTS = {AccountType.MERCHANT_VOUCHER, AccountType.MERCHANT_GREEN};

    private final JsonGenerator json;

    GreenEventWriter(JsonGenerator json) {
        this.json = json;
    }

    void earned(Event.GreenEarned event) {
        start("greenEarned", event.command());
        json.writeStringProperty("order", event.order());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("merchant", event.merchant());
        json.writeStringProperty("points", Units.formatFen(event.pointsCentipoints()));
        json.writeStringProperty("coins", Units.formatFen(event.coinsFen()));
        json.writeStringProperty("merchantPoints", Units.formatFen(event.merchantCentipoints()));
        json.writeStringProperty("boundMerchant", event.boundMerchant());
        json.writeStringProperty("boundVouchers", Units.formatFen(event.boundVouchersFen()));
    }

    void dividend(Event.DividendPaid event) {
        start("dividend", event.command());
        json.writeStringProperty("pool", event.pool());
        json.writeNumberProperty("period", event.period());
        json.writeStringProperty("at", event.at().toString());
        json.writeStringProperty("value", Units.formatFen(event.valueCentipoints()));
        json.writeStringProperty("growth", event.growthPpm() == Event.DividendPaid.NO_GROWTH ? null
                : Units.format(event.growthPpm(), Units.RATE_DECIMALS));
        json.writeStringProperty("scale", Units.format(event.scalePpm(), Units.RATE_DECIMALS));
        json.writeStringProperty("vouchers", Units.formatFen(event.vouchersFen()));
        json.writeNumberProperty("lots", event.lots());
        json.writeNumberProperty("retired", event.retired());
    }

    void coinsSpent(Event.CoinsSpent event) {
        start("coinsSpent", event.command());
        json.writeStringProperty("order", event.order());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("merchant", event.merchant());
        json.writeStringProperty("coins", Units.formatFen(event.coinsFen()));
    }

    void promoterMonth(Event.PromoterMonthClosed event) {
        start("promoterMonth", event.command());
        json.writeStringProperty("user", event.user());
        json.writeStringProperty("month", event.month());
        json.writeStringProperty("rank", event.rank());
        json.writeStringProperty("metric", Units.formatFen(event.metricFen()));
        json.writeStringProperty("personal", Units.formatFen(event.personalFen()));
        json.writeStringProperty("coaching", Units.formatFen(event.coachingFen()));
        json.writeStringProperty("subsidy", Units.formatFen(event.subsidyFen()));
        json.writeStringProperty("nextRank", event.nextRank());
    }

    /**
     * The engine's non-zero balances plus, under a green-points plan, a zero line for every voucher, coin and
     * green-point account of every user and merchant that has none, so the state line lists them all.
     */
    static List<Balance> balances(Engine engine) {
        List<Balance> balances = new ArrayList<>(engine.balances());
        if (engine.plan().greenPoints() == null) {
            return balances;
        }
        for (Holder holder : engine.holders()) {
            addZeros(engine, balances, USER_ACCOUNTS, holder.participant());
        }
        for (String merchant : engine.merchantIds()) {
            addZeros(engine, balances, MERCHANT_ACCOUNTS, merchant);
        }
        return balances;
    }

    private static void addZeros(Engine engine, List<Balance> balances, AccountType[] types, String owner) {
        for (AccountType type : types) {
            if (engine.balance(type, owner) == 0) {
                balances.add(new Balance(type, owner, 0));
            }
        }
    }

    private void start(String event, String command) {
        json.writeStartObject();
        json.writeStringProperty("event", event);
        json.writeStringProperty("command", command);
    }
}
