package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.withdrawal.Withdrawals;

/**
 * Store wallets inside engine snapshots (issue 19 item 2), after the four-party part: which withdrawals draw on
 * a store's cash, and each store's cash frozen for them. Written only once a store has withdrawn, so snapshots
 * of engines without store withdrawals keep their bytes and state hashes. The withdrawals themselves, the
 * stores' settled cash and the daily totals are in the earlier parts.
 */
final class StoreWalletCodec {
    static final int MARKER = 0x53; // 'S'

    private StoreWalletCodec() {
    }

    static void write(Engine engine, DataOutputStream out) throws IOException {
        Withdrawals withdrawals = engine.models().withdrawals().book();
        int stores = 0;
        for (int i = 0; i < withdrawals.count(); i++) {
            stores += withdrawals.get(i).fromStore() ? 1 : 0;
        }
        if (stores == 0) {
            return;
        }
        out.writeByte(MARKER);
        out.writeInt(stores);
        for (int i = 0; i < withdrawals.count(); i++) {
            if (withdrawals.get(i).fromStore()) {
                out.writeInt(i);
                out.writeUTF(withdrawals.get(i).merchant());
            }
        }
        Ledger ledger = engine.models().ledger();
        int merchants = engine.models().network().merchants().count();
        out.writeInt(merchants);
        for (int m = 0; m < merchants; m++) {
            out.writeLong(ledger.balance(AccountType.MERCHANT_CASH_WITHDRAWING, m));
        }
    }

    /** Reads the store-wallet part when {@code marker} is its own; answers whether it was. */
    static boolean read(Engine engine, DataInputStream in, int marker) throws IOException {
        if (marker != MARKER) {
            return false;
        }
        Withdrawals withdrawals = engine.models().withdrawals().book();
        int stores = in.readInt();
        for (int i = 0; i < stores; i++) {
            withdrawals.restoreStore(in.readInt(), in.readUTF());
        }
        Ledger ledger = engine.models().ledger();
        int merchants = in.readInt();
        for (int m = 0; m < merchants; m++) {
            ledger.restore(AccountType.MERCHANT_CASH_WITHDRAWING, m, in.readLong());
        }
        return true;
    }
}
