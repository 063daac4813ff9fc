package org.zengzhi.simulator;

import java.util.List;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.Engine;

/**
 * What each {@link ParticipantClass} put in and took out by the end of a path, read from the ledger's balances.
 * A class holds what is settled; the shares of orders not yet settled (the escrow, and the rewards and
 * merchant shares pending on them) are the escrow class's, as the reward series count settled rewards only.
 */
public final class ClassFlows {
    private ClassFlows() {
    }

    static void collect(Engine engine, String[] consumerIds, int consumers, List<String> otherUsers,
            List<String> merchants, long[] putIn, long[] tookOut) {
        // Consumers paid in from outside the ledger; the operator's subsidies came from its own funds.
        putIn[ParticipantClass.CONSUMERS.ordinal()] = -engine.balance(AccountType.EXTERNAL_PAYMENTS, null);
        putIn[ParticipantClass.OPERATOR.ordinal()] = -engine.balance(AccountType.PLATFORM_SUBSIDY, null);
        long pending = 0;
        for (int i = 0; i < consumers; i++) {
            tookOut[ParticipantClass.CONSUMERS.ordinal()] += engine.balance(AccountType.USER_CASH, consumerIds[i]);
            pending += engine.balance(AccountType.USER_CASH_PENDING, consumerIds[i]);
        }
        for (String user : otherUsers) {
            tookOut[ParticipantClass.ofUser(user).ordinal()] += engine.balance(AccountType.USER_CASH, user);
            pending += engine.balance(AccountType.USER_CASH_PENDING, user);
        }
        for (String merchant : merchants) {
            tookOut[ParticipantClass.MERCHANTS.ordinal()] += engine.balance(AccountType.MERCHANT_CASH, merchant)
                    + engine.balance(AccountType.MERCHANT_DEBT, merchant);
            pending += engine.balance(AccountType.MERCHANT_PENDING, merchant);
        }
        tookOut[ParticipantClass.SUPPLIERS.ordinal()] = engine.balance(AccountType.SUPPLIER_PAYABLE, null);
        tookOut[ParticipantClass.PLATFORM.ordinal()] = engine.balance(AccountType.PLATFORM_REVENUE, null)
                + engine.balance(AccountType.PLATFORM_ROUNDING, null) + engine.balance(AccountType.ORDER_REMAINDER, null);
        tookOut[ParticipantClass.POOL.ordinal()] = engine.poolCash();
        tookOut[ParticipantClass.ESCROW.ordinal()] = engine.balance(AccountType.ORDER_ESCROW, null) + pending;
    }
}
