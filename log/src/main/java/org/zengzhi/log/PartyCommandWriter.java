package org.zengzhi.log;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Units;

import tools.jackson.core.JsonGenerator;

/** The command-log lines of the four-party model's commands, as {@link PartyLines} reads them. */
final class PartyCommandWriter {
    private PartyCommandWriter() {
    }

    static void fields(Command command, JsonGenerator json) {
        if (command instanceof Command.RegisterSupplier c) {
            CommandWriter.head(json, "supplier", c);
            json.writeStringProperty("supplier", c.supplier());
            json.writeStringProperty("baseline", Units.formatFen(c.baselineFen()));
            json.writeStringProperty("deposit", Units.formatFen(c.depositFen()));
            if (c.owner() != null) {
                // Who withdraws the supplier's cash (issue 19 item 2); a supplier without keeps its old line.
                json.writeStringProperty("owner", c.owner());
            }
        } else if (command instanceof Command.ListProduct c) {
            CommandWriter.head(json, "product", c);
            json.writeStringProperty("product", c.product());
            json.writeStringProperty("supplier", c.supplier());
            json.writeStringProperty("price", Units.formatFen(c.priceFen()));
            json.writeStringProperty("cost", Units.formatFen(c.costFen()));
        } else if (command instanceof Command.PayPartyOrder c) {
            pay(c, json);
        } else if (command instanceof Command.RateProduct c) {
            CommandWriter.head(json, "rate", c);
            json.writeStringProperty("user", c.user());
            json.writeStringProperty("product", c.product());
            json.writeStringProperty("rating", Units.format(c.ratingCenti(), 2));
        } else if (command instanceof Command.TransferContrib c) {
            CommandWriter.head(json, "transfer", c);
            json.writeStringProperty("user", c.user());
            json.writeStringProperty("to", c.to());
            json.writeStringProperty("amount", Units.formatFen(c.amountFen()));
        } else if (command instanceof Command.RedeemContrib c) {
            CommandWriter.head(json, "redeem", c);
            json.writeStringProperty("user", c.user());
            json.writeStringProperty("amount", Units.formatFen(c.amountFen()));
        } else if (command instanceof Command.RedeemTokens c) {
            CommandWriter.head(json, "redeem", c);
            json.writeStringProperty("supplier", c.supplier());
            json.writeStringProperty("item", c.item());
        } else {
            operator(command, json);
        }
    }

    private static void pay(Command.PayPartyOrder c, JsonGenerator json) {
        CommandWriter.head(json, "pay", c);
        json.writeStringProperty("user", c.user());
        json.writeStringProperty("product", c.product());
        json.writeNumberProperty("quantity", c.quantity());
        if (c.contribFen() != 0) {
            json.writeStringProperty("contrib", Units.formatFen(c.contribFen()));
        }
        json.writeStringProperty("promoter", c.promoter());
        json.writeStringProperty("device", c.device());
        json.writeStringProperty("ip", c.ip());
    }

    private static void operator(Command command, JsonGenerator json) {
        if (command instanceof Command.VerifyOrder c) {
            CommandWriter.head(json, "verify", c);
            json.writeStringProperty("order", c.order());
            json.writeBooleanProperty("approve", c.approve());
        } else if (command instanceof Command.SetCreditScore c) {
            CommandWriter.head(json, "creditScore", c);
            json.writeStringProperty("user", c.user());
            json.writeNumberProperty("score", c.score());
        } else if (command instanceof Command.EscrowStatement c) {
            CommandWriter.head(json, "escrowStatement", c);
            json.writeStringProperty("balance", Units.formatFen(c.balanceFen()));
        } else if (command instanceof Command.ChargeDataService c) {
            CommandWriter.head(json, "charge", c);
            json.writeStringProperty("supplier", c.supplier());
            json.writeStringProperty("amount", Units.formatFen(c.amountFen()));
        } else if (command instanceof Command.RecordOperatingCost c) {
            CommandWriter.head(json, "cost", c);
            json.writeStringProperty("amount", Units.formatFen(c.amountFen()));
            json.writeStringProperty("reason", c.reason());
        } else if (command instanceof Command.CloseMonth c) {
            CommandWriter.head(json, "closeMonth", c);
            json.writeStringProperty("month", c.month());
        } else if (command instanceof Command.CloseYear c) {
            CommandWriter.head(json, "closeYear", c);
            json.writeStringProperty("year", c.year());
        } else {
            throw new IllegalArgumentException("not a four-party command: " + command.type());
        }
    }
}
