package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Every posting of the model goes through here: it forwards the movement to the engine's ledger port and
 * keeps the model's own copy of the balances it decides with (escrow, the reserve, contribution value,
 * tokens, deposits and supplier debts), so that a check never needs a second source.
 */
final class PartyBooks {
    private final PartyPostings port;
    long escrowFen;
    long reserveFen;
    /** Contribution value outstanding: the negative of its issuer's balance. */
    long contribOutstandingFen;
    long stokenOutstandingFen;
    final HolderLongs holderContrib = new HolderLongs();
    final HolderLongs supplierStoken = new HolderLongs();
    final HolderLongs supplierDeposit = new HolderLongs();
    /** What each supplier owes, as a positive amount. */
    final HolderLongs supplierOwes = new HolderLongs();

    PartyBooks(PartyPostings port) {
        this.port = port;
    }

    PartyPostings port() {
        return port;
    }

    /** Posts a positive amount; zero is skipped, so that the ledger never holds empty postings. */
    void post(Movement movement, int fromOwner, int toOwner, long amount) {
        if (amount == 0) {
            return;
        }
        if (amount < 0) {
            throw new IllegalStateException(movement + " of " + amount);
        }
        int from = movement.from().owned() ? fromOwner : PartyPostings.NO_OWNER;
        int to = movement.to().owned() ? toOwner : PartyPostings.NO_OWNER;
        track(movement.from(), from, -amount);
        track(movement.to(), to, amount);
        port.post(movement, from, to, amount);
    }

    private void track(PartyAccount account, int owner, long delta) {
        switch (account) {
            case ESCROW -> escrowFen = Math.addExact(escrowFen, delta);
            case CONTRIB_RESERVE -> reserveFen = Math.addExact(reserveFen, delta);
            case CONTRIB_ISSUED -> contribOutstandingFen = Math.subtractExact(contribOutstandingFen, delta);
            case STOKEN_ISSUED -> stokenOutstandingFen = Math.subtractExact(stokenOutstandingFen, delta);
            case HOLDER_CONTRIB -> holderContrib.add(owner, delta);
            case SUPPLIER_STOKEN -> supplierStoken.add(owner, delta);
            case SUPPLIER_DEPOSIT -> supplierDeposit.add(owner, delta);
            case SUPPLIER_RECEIVABLE -> supplierOwes.add(owner, -delta);
            default -> {
                // The ledger alone keeps the balances the model never decides with (cash wallets, platform).
            }
        }
    }

    /**
     * Pays a supplier from escrow or from the platform: what it owes is repaid first, the rest reaches its
     * cash. Returns what was repaid.
     */
    long paySupplier(Movement payment, int supplier, long amount) {
        Movement repayment = payment.from() == PartyAccount.ESCROW
                ? Movement.RECEIVABLE_FROM_ESCROW : Movement.RECEIVABLE_FROM_PLATFORM;
        long repaid = Math.min(supplierOwes.get(supplier), amount);
        post(repayment, PartyPostings.NO_OWNER, supplier, repaid);
        post(payment, PartyPostings.NO_OWNER, supplier, amount - repaid);
        return repaid;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(escrowFen);
        out.writeLong(reserveFen);
        out.writeLong(contribOutstandingFen);
        out.writeLong(stokenOutstandingFen);
        holderContrib.write(out);
        supplierStoken.write(out);
        supplierDeposit.write(out);
        supplierOwes.write(out);
    }

    void read(DataInput in) throws IOException {
        escrowFen = in.readLong();
        reserveFen = in.readLong();
        contribOutstandingFen = in.readLong();
        stokenOutstandingFen = in.readLong();
        holderContrib.read(in, PartyOrders.HOLDERS_MAX);
        supplierStoken.read(in, Catalogue.SUPPLIERS_MAX);
        supplierDeposit.read(in, Catalogue.SUPPLIERS_MAX);
        supplierOwes.read(in, Catalogue.SUPPLIERS_MAX);
    }
}
