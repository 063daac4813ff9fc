package org.zengzhi.server.storewallet;

import org.zengzhi.engine.Units;
import org.zengzhi.server.payment.InvalidFieldException;

import tools.jackson.databind.JsonNode;

/** The {@code amount} of a store's or a supplier's withdrawal body: a decimal string of yuan ("100.00"). */
final class WithdrawalAmount {
    private WithdrawalAmount() {
    }

    /** The amount in fen, at most two decimals; a missing, non-string or malformed one names the field. */
    static long of(JsonNode fields) throws InvalidFieldException {
        JsonNode amount = fields.get("amount");
        if (amount == null || !amount.isString()) {
            throw new InvalidFieldException("amount", "is required, as a string of yuan such as \"100.00\"");
        }
        try {
            return Units.parseFen(amount.asString());
        } catch (RuntimeException e) {
            throw new InvalidFieldException("amount", "is not an amount of yuan with at most two decimals");
        }
    }
}
