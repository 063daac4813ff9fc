package org.zengzhi.log;

import java.io.StringWriter;
import java.util.Locale;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.Units;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an engine command as one line of the command-log format that {@link LogLineParser} reads, so a
 * journal of commands is itself a log that {@code zengzhi replay} can run: parse(write(c)) equals c.
 */
public final class CommandWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private CommandWriter() {
    }

    /** The command as a JSON object on one line, without the line break. */
    public static String write(Command command) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
            json.writeStartObject();
            fields(command, json);
            json.writeEndObject();
        }
        return text.toString();
    }

    private static void fields(Command command, JsonGenerator json) {
        switch (command.type()) {
            case SETTLE_ORDER -> {
                Command.SettleOrder order = (Command.SettleOrder) command;
                head(json, "order", command);
                json.writeStringProperty("user", order.participant());
                json.writeStringProperty("amount", Units.formatFen(order.amountFen()));
                json.writeStringProperty("poolShare", Units.formatFen(order.poolShareFen()));
            }
            case SELL_POINTS -> {
                Command.SellPoints sale = (Command.SellPoints) command;
                head(json, "sell", command);
                json.writeStringProperty("user", sale.participant());
                json.writeStringProperty("points", Units.formatPoints(sale.pointsMicro()));
            }
            case INJECT_SUBSIDY -> {
                Command.InjectSubsidy subsidy = (Command.InjectSubsidy) command;
                head(json, "subsidy", command);
                json.writeStringProperty("amount", Units.formatFen(subsidy.amountFen()));
                if (subsidy.reason() != null) {
                    json.writeStringProperty("reason", subsidy.reason());
                }
            }
            case REGISTER_USER -> {
                Command.RegisterUser register = (Command.RegisterUser) command;
                head(json, "register", command);
                json.writeStringProperty("user", register.user());
                json.writeStringProperty("referrer", register.referrer());
            }
            case ONBOARD_MERCHANT -> merchant((Command.OnboardMerchant) command, json);
            case SUSPEND_MERCHANT -> {
                Command.SuspendMerchant suspend = (Command.SuspendMerchant) command;
                head(json, "suspend", command);
                json.writeStringProperty("merchant", suspend.merchant());
                json.writeBooleanProperty("suspended", suspend.suspended());
                json.writeStringProperty("reason", suspend.reason());
            }
            case APPOINT_AGENT -> {
                Command.AppointAgent agent = (Command.AppointAgent) command;
                head(json, "agent", command);
                json.writeStringProperty("user", agent.user());
                json.writeStringProperty("region", agent.region());
            }
            case REMOVE_AGENT -> {
                head(json, "removeAgent", command);
                json.writeStringProperty("region", ((Command.RemoveAgent) command).region());
            }
            case PAY_ORDER -> pay((Command.PayOrder) command, json);
            case CONFIRM_RECEIPT -> {
                head(json, "receive", command);
                json.writeStringProperty("order", ((Command.ConfirmReceipt) command).order());
            }
            case REFUND_ORDER -> {
                head(json, "refund", command);
                json.writeStringProperty("order", ((Command.RefundOrder) command).order());
            }
            case TICK -> head(json, "tick", command);
            case REASSIGN_REFERRER -> {
                Command.ReassignReferrer reassign = (Command.ReassignReferrer) command;
                head(json, "reassign", command);
                json.writeStringProperty("user", reassign.user());
                json.writeStringProperty("referrer", reassign.referrer());
                json.writeStringProperty("reason", reassign.reason());
            }
            case CHANGE_PLAN -> {
                head(json, "plan", command);
                json.writeStringProperty("yaml", ((Command.ChangePlan) command).source());
            }
            case GRANT_BONUS -> {
                Command.GrantBonus bonus = (Command.GrantBonus) command;
                head(json, "bonus", command);
                json.writeStringProperty("user", bonus.user());
                json.writeStringProperty("amount", Units.formatFen(bonus.amountFen()));
                json.writeStringProperty("reason", bonus.reason());
            }
            case REQUEST_WITHDRAWAL, REVIEW_WITHDRAWAL, SETTLE_WITHDRAWAL -> withdrawal(command, json);
            case APPOINT_PROMOTER -> {
                Command.AppointPromoter appoint = (Command.AppointPromoter) command;
                head(json, "promoter", command);
                json.writeStringProperty("user", appoint.user());
                json.writeStringProperty("coach", appoint.coach());
            }
            case REGISTER_SUPPLIER, LIST_PRODUCT, PAY_PARTY_ORDER, RATE_PRODUCT, TRANSFER_CONTRIB, REDEEM_CONTRIB,
                    REDEEM_TOKENS, VERIFY_ORDER, SET_CREDIT_SCORE, ESCROW_STATEMENT, CHARGE_DATA_SERVICE,
                    RECORD_OPERATING_COST, CLOSE_MONTH, CLOSE_YEAR -> PartyCommandWriter.fields(command, json);
        }
    }

    private static void withdrawal(Command command, JsonGenerator json) {
        if (command instanceof Command.RequestWithdrawal request) {
            head(json, "withdraw", command);
            json.writeStringProperty("user", request.user());
            json.writeStringProperty("amount", Units.formatFen(request.amountFen()));
            if (request.merchant() != null) {
                // A store's withdrawal (issue 19 item 2); a user's own keeps the line it always had.
                json.writeStringProperty("merchant", request.merchant());
            }
            if (request.supplier() != null) {
                // A supplier's withdrawal (issue 19 item 2, four-party model).
                json.writeStringProperty("supplier", request.supplier());
            }
        } else if (command instanceof Command.ReviewWithdrawal review) {
            head(json, "reviewWithdrawal", command);
            json.writeStringProperty("withdrawal", review.withdrawal());
            json.writeBooleanProperty("approve", review.approve());
            json.writeStringProperty("reason", review.reason());
        } else {
            Command.SettleWithdrawal settle = (Command.SettleWithdrawal) command;
            head(json, "settleWithdrawal", command);
            json.writeStringProperty("withdrawal", settle.withdrawal());
            json.writeBooleanProperty("paid", settle.paid());
            json.writeStringProperty("reference", settle.providerReference());
        }
    }

    private static void merchant(Command.OnboardMerchant merchant, JsonGenerator json) {
        head(json, "merchant", merchant);
        json.writeStringProperty("merchant", merchant.merchant());
        json.writeStringProperty("owner", merchant.owner());
        json.writeStringProperty("recruiter", merchant.recruiter());
        json.writeStringProperty("region", merchant.region());
        if (merchant.commissionPpm() >= 0) {
            json.writeStringProperty("commissionRate", Units.format(merchant.commissionPpm(), Units.RATE_DECIMALS));
        }
    }

    private static void pay(Command.PayOrder pay, JsonGenerator json) {
        head(json, "pay", pay);
        json.writeStringProperty("user", pay.user());
        json.writeStringProperty("merchant", pay.merchant());
        json.writeStringProperty(pay.channel() == Channel.COIN ? "coins" : "amount", Units.formatFen(pay.amountFen()));
        json.writeStringProperty("channel", pay.channel().name().toLowerCase(Locale.ROOT));
        if (pay.deductFen() != 0) {
            json.writeStringProperty("deduct", Units.formatFen(pay.deductFen()));
        }
        if (pay.voucherFen() != 0) {
            json.writeStringProperty("voucher", Units.formatFen(pay.voucherFen()));
        }
        MallSplitFen split = pay.split();
        if (split != null) {
            json.writeObjectPropertyStart("split");
            json.writeStringProperty("cost", Units.formatFen(split.costFen()));
            json.writeStringProperty("distribution", Units.formatFen(split.distributionFen()));
            json.writeStringProperty("platform", Units.formatFen(split.platformFen()));
            json.writeStringProperty("pool", Units.formatFen(split.poolFen()));
            json.writeEndObject();
        }
        json.writeStringProperty("region", pay.region());
    }

    static void head(JsonGenerator json, String type, Command command) {
        json.writeStringProperty("type", type);
        json.writeStringProperty("id", command.id());
        json.writeStringProperty("at", command.at().toString());
    }
}
