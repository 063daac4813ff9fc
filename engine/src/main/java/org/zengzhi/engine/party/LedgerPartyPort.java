package org.zengzhi.engine.party;

import java.util.List;

import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;

/**
 * The four-party model's port onto the engine's double-entry ledger: each {@link PartyAccount} is one
 * {@link AccountType}, holders are the engine's dense participant ids and suppliers have accounts of their
 * own owner kind. The command being applied sets {@link #output} so that the postings land in its output.
 */
final class LedgerPartyPort implements PartyPostings {
    private static final AccountType[] TYPES = new AccountType[PartyAccount.values().length];

    static {
        TYPES[PartyAccount.WORLD.ordinal()] = AccountType.EXTERNAL_PAYMENTS;
        TYPES[PartyAccount.ESCROW.ordinal()] = AccountType.CUSTODY_ESCROW;
        TYPES[PartyAccount.PLATFORM.ordinal()] = AccountType.PARTY_RESULT;
        TYPES[PartyAccount.ROUNDING.ordinal()] = AccountType.PLATFORM_ROUNDING;
        TYPES[PartyAccount.CONTRIB_RESERVE.ordinal()] = AccountType.CONTRIB_RESERVE;
        TYPES[PartyAccount.HOLDER_CASH.ordinal()] = AccountType.USER_CASH;
        TYPES[PartyAccount.HOLDER_CONTRIB.ordinal()] = AccountType.USER_CONTRIB;
        TYPES[PartyAccount.CONTRIB_ISSUED.ordinal()] = AccountType.CONTRIB_ISSUANCE;
        TYPES[PartyAccount.SUPPLIER_CASH.ordinal()] = AccountType.SUPPLIER_CASH;
        TYPES[PartyAccount.SUPPLIER_RECEIVABLE.ordinal()] = AccountType.SUPPLIER_RECEIVABLE;
        TYPES[PartyAccount.SUPPLIER_DEPOSIT.ordinal()] = AccountType.SUPPLIER_DEPOSIT;
        TYPES[PartyAccount.SUPPLIER_STOKEN.ordinal()] = AccountType.SUPPLIER_STOKEN;
        TYPES[PartyAccount.STOKEN_ISSUED.ordinal()] = AccountType.STOKEN_ISSUANCE;
    }

    private final Ledger ledger;
    private final Ledger.OwnerIds ownerIds;
    private EngineOutput output;

    /** {@code supplierIds} name the suppliers by handle; {@code others} name participants and merchants. */
    LedgerPartyPort(Ledger ledger, Ledger.OwnerIds others, List<String> supplierIds) {
        this.ledger = ledger;
        this.ownerIds = (type, owner) -> type.perSupplier() ? supplierIds.get(owner) : others.externalId(type, owner);
    }

    /** The ledger account of a party account. */
    static AccountType typeOf(PartyAccount account) {
        return TYPES[account.ordinal()];
    }

    void output(EngineOutput out) {
        this.output = out;
    }

    @Override
    public void post(Movement movement, int fromOwner, int toOwner, long amount) {
        ledger.transfer(typeOf(movement.from()), Math.max(0, fromOwner), typeOf(movement.to()), Math.max(0, toOwner),
                amount, output, ownerIds);
    }

    @Override
    public long supplierCashFen(int supplier) {
        return ledger.balance(AccountType.SUPPLIER_CASH, supplier);
    }

    @Override
    public long escrowFen() {
        return ledger.system(AccountType.CUSTODY_ESCROW);
    }
}
