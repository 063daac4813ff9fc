package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.party.PartyIds;
import org.zengzhi.engine.withdrawal.Withdrawals;

/**
 * Suppliers' wallets inside engine snapshots (issue 19 item 2), after the store-wallet part: each supplier's
 * owner, which withdrawals draw on a supplier's cash, and each supplier's cash frozen for them. Written only
 * once a supplier has an owner or has withdrawn, so four-party snapshots from before keep their bytes and state
 * hashes. The suppliers, their cash and the withdrawals themselves are in the earlier parts.
 */
final class SupplierWalletCodec {
    static final int MARKER = 0x55; // 'U'

    private SupplierWalletCodec() {
    }

    static void write(Engine engine, DataOutputStream out) throws IOException {
        if (engine.party() == null) {
            return;
        }
        PartyIds ids = engine.party().ids();
        Withdrawals withdrawals = engine.models().withdrawals().book();
        int fromSuppliers = 0;
        for (int i = 0; i < withdrawals.count(); i++) {
            fromSuppliers += withdrawals.get(i).fromSupplier() ? 1 : 0;
        }
        if (fromSuppliers == 0 && !ids.anyOwner()) {
            return;
        }
        Ledger ledger = engine.models().ledger();
        out.writeByte(MARKER);
        out.writeInt(ledger.suppliers());
        for (int s = 0; s < ledger.suppliers(); s++) {
            out.writeInt(ids.supplierOwner(s));
            out.writeLong(ledger.balance(AccountType.SUPPLIER_CASH_WITHDRAWING, s));
        }
        out.writeInt(fromSuppliers);
        for (int i = 0; i < withdrawals.count(); i++) {
            if (withdrawals.get(i).fromSupplier()) {
                out.writeInt(i);
                out.writeUTF(withdrawals.get(i).supplier());
            }
        }
    }

    /** Reads the supplier-wallet part when {@code marker} is its own; answers whether it was. */
    static boolean read(Engine engine, DataInputStream in, int marker) throws IOException {
        if (marker != MARKER) {
            return false;
        }
        if (engine.party() == null) {
            throw new IOException("a supplier-wallet part without the four-party model");
        }
        PartyIds ids = engine.party().ids();
        Ledger ledger = engine.models().ledger();
        int suppliers = in.readInt();
        if (suppliers != ledger.suppliers()) {
            throw new IOException("the supplier-wallet part has " + suppliers + " suppliers, the model "
                    + ledger.suppliers());
        }
        for (int s = 0; s < suppliers; s++) {
            ids.setSupplierOwner(s, in.readInt());
            ledger.restore(AccountType.SUPPLIER_CASH_WITHDRAWING, s, in.readLong());
        }
        Withdrawals withdrawals = engine.models().withdrawals().book();
        int fromSuppliers = in.readInt();
        for (int i = 0; i < fromSuppliers; i++) {
            withdrawals.restoreSupplier(in.readInt(), in.readUTF());
        }
        return true;
    }
}
