package org.zengzhi.log;

import java.time.Instant;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Units;

/**
 * The command-log lines of the four-party model (seed 000, issue 18; docs/replay.md): how each becomes an
 * engine command. Amounts are CNY with 2 decimals, ratings stars with 2 (4.5), scores whole numbers.
 */
final class PartyLines {
    private static final int QUANTITY_MAX = 1_000_000;
    private static final int SCORE_MAX = 1_000_000;

    private PartyLines() {
    }

    /** A payment for a supplier's product: "pay" with a "product". */
    static Command pay(LogLineParser line, String id, Instant at) throws MalformedLineException {
        long quantity = line.has(LogField.QUANTITY) ? line.whole(LogField.QUANTITY, QUANTITY_MAX) : 1;
        long contrib = line.has(LogField.CONTRIB) ? line.fixed(LogField.CONTRIB, Units.CNY_DECIMALS) : 0;
        return new Command.PayPartyOrder(id, at, line.requireString(LogField.USER), line.requireString(LogField.PRODUCT),
                (int) quantity, contrib, line.optionalString(LogField.PROMOTER), line.requireString(LogField.DEVICE),
                line.requireString(LogField.IP));
    }

    static Command command(LogLineParser line, LogCommandType type, String id, Instant at)
            throws MalformedLineException {
        switch (type) {
            case SUPPLIER:
                return new Command.RegisterSupplier(id, at, line.requireString(LogField.SUPPLIER),
                        line.has(LogField.BASELINE) ? cny(line, LogField.BASELINE) : 0,
                        line.has(LogField.DEPOSIT) ? cny(line, LogField.DEPOSIT) : 0,
                        line.optionalString(LogField.OWNER));
            case PRODUCT:
                return new Command.ListProduct(id, at, line.requireString(LogField.PRODUCT),
                        line.requireString(LogField.SUPPLIER), cny(line, LogField.PRICE),
                        line.has(LogField.COST) ? cny(line, LogField.COST) : 0);
            case RATE:
                return new Command.RateProduct(id, at, line.requireString(LogField.USER),
                        line.requireString(LogField.PRODUCT), (int) Math.min(Integer.MAX_VALUE,
                                line.fixed(LogField.RATING, 2)));
            case TRANSFER:
                return new Command.TransferContrib(id, at, line.requireString(LogField.USER),
                        line.requireString(LogField.TO), cny(line, LogField.AMOUNT));
            case REDEEM:
                return line.has(LogField.SUPPLIER)
                        ? new Command.RedeemTokens(id, at, line.requireString(LogField.SUPPLIER),
                                line.requireString(LogField.ITEM))
                        : new Command.RedeemContrib(id, at, line.requireString(LogField.USER), cny(line, LogField.AMOUNT));
            case VERIFY:
                return new Command.VerifyOrder(id, at, line.requireString(LogField.ORDER), line.bool(LogField.APPROVE));
            case CREDIT_SCORE:
                return new Command.SetCreditScore(id, at, line.requireString(LogField.USER),
                        (int) line.whole(LogField.SCORE, SCORE_MAX));
            case ESCROW_STATEMENT:
                return new Command.EscrowStatement(id, line.instant(LogField.AT), cny(line, LogField.BALANCE));
            case CHARGE:
                return new Command.ChargeDataService(id, at, line.requireString(LogField.SUPPLIER),
                        cny(line, LogField.AMOUNT));
            case COST:
                return new Command.RecordOperatingCost(id, at, cny(line, LogField.AMOUNT),
                        line.optionalString(LogField.REASON));
            case CLOSE_MONTH:
                return new Command.CloseMonth(id, line.instant(LogField.AT), line.text(LogField.MONTH));
            case CLOSE_YEAR:
                return new Command.CloseYear(id, line.instant(LogField.AT), line.text(LogField.YEAR));
            default:
                throw new IllegalStateException("not a four-party command: " + type);
        }
    }

    private static long cny(LogLineParser line, LogField field) throws MalformedLineException {
        return line.fixed(field, Units.CNY_DECIMALS);
    }
}
