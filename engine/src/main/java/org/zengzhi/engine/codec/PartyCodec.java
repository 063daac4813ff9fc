package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.party.PartyCommands;
import org.zengzhi.engine.partyrules.PartyRules;

/**
 * The four-party model's part of the snapshot (seed 000, issue 18), written last and only when the model is
 * on, so that a snapshot of a plan without it has exactly the bytes (and state hash) it had before the model
 * existed: a marker byte, the rules, the model's system balances by account type name, the model's own state,
 * then every supplier's balances in handle order.
 */
final class PartyCodec {
    /** The four-party part before its rules carried a time zone: read with {@link PartyRules#DEFAULT_TIME_ZONE}. */
    private static final int MARKER_WITHOUT_ZONE = 0x50; // 'P'
    /** The four-party part whose rules end with the time zone of its months (issue 18). */
    private static final int MARKER = 0x51; // 'Q'

    private PartyCodec() {
    }

    static void write(Engine engine, DataOutputStream out) throws IOException {
        PartyCommands party = engine.party();
        if (party == null) {
            return;
        }
        Ledger ledger = engine.models().ledger();
        out.writeByte(MARKER);
        writeRules(party.model().rules(), out);
        out.writeUTF(party.model().rules().timeZone().getId());
        List<AccountType> system = new ArrayList<>();
        List<AccountType> perSupplier = new ArrayList<>();
        for (AccountType type : AccountType.values()) {
            if (type.system() && type.fourParty()) {
                system.add(type);
            } else if (type.perSupplier() && !type.supplierWallet()) {
                perSupplier.add(type);
            }
        }
        out.writeInt(system.size());
        for (AccountType type : system) {
            out.writeUTF(type.name());
            out.writeLong(ledger.system(type));
        }
        party.write(out);
        out.writeInt(perSupplier.size());
        for (AccountType type : perSupplier) {
            out.writeUTF(type.name());
        }
        for (int supplier = 0; supplier < ledger.suppliers(); supplier++) {
            for (AccountType type : perSupplier) {
                out.writeLong(ledger.balance(type, supplier));
            }
        }
    }

    /** Reads the four-party part when {@code marker} is its own; answers whether it was. */
    static boolean read(Engine engine, DataInputStream in, int marker) throws IOException {
        if (marker != MARKER && marker != MARKER_WITHOUT_ZONE) {
            return false;
        }
        Ledger ledger = engine.models().ledger();
        PartyRules rules = readRules(in);
        if (marker == MARKER) {
            rules = rules.withTimeZone(readZone(in));
        }
        int systemCount = in.readInt();
        for (int i = 0; i < systemCount; i++) {
            ledger.restore(AccountType.valueOf(in.readUTF()), 0, in.readLong());
        }
        PartyCommands party = PartyCommands.read(in, rules, ledger, engine.models().network());
        int typeCount = in.readInt();
        AccountType[] types = new AccountType[typeCount];
        for (int i = 0; i < typeCount; i++) {
            types[i] = AccountType.valueOf(in.readUTF());
        }
        int suppliers = party.ids().supplierIds().size();
        for (int supplier = 0; supplier < suppliers; supplier++) {
            ledger.addSupplier();
            for (AccountType type : types) {
                ledger.restore(type, supplier, in.readLong());
            }
        }
        engine.restoreParty(party);
        return true;
    }

    private static void writeRules(PartyRules rules, DataOutputStream out) throws IOException {
        out.writeLong(rules.feePpm());
        out.writeInt(rules.rebateTiersPpm().size());
        for (long rate : rules.rebateTiersPpm()) {
            out.writeLong(rate);
        }
        long[] rates = {rules.commissionPpm(), rules.teamAllowancePpm(), rules.inviteRewardPpm(),
                rules.supplierSharePpm(), rules.prepayPpm(), rules.confirmWindow().getSeconds(),
                rules.noReturnWindow().getSeconds(), rules.contribTransferFeePpm(), rules.stokenPpm(),
                rules.baselineBonusPpm(), rules.ratingMinCenti(), rules.depositPenaltyPpm(), rules.burnPpm(),
                rules.buybackBudgetFen(), rules.riskWindow().getSeconds(), rules.riskOrderThreshold(),
                rules.creditScoreMin(), rules.feeDiscountPpm(), rules.feeDiscountPriceStoken(), rules.equityPoolPpm()};
        for (long value : rates) {
            out.writeLong(value);
        }
        out.writeBoolean(rules.riskAcknowledged());
        out.writeUTF(rules.burnMode().name());
        out.writeInt(rules.trafficPackages().size());
        for (PartyRules.TrafficPackage item : rules.trafficPackages()) {
            out.writeUTF(item.name());
            out.writeLong(item.priceStoken());
        }
    }

    private static java.time.ZoneId readZone(DataInputStream in) throws IOException {
        String id = in.readUTF();
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IOException("four-party snapshot: time zone " + id, e);
        }
    }

    private static PartyRules readRules(DataInputStream in) throws IOException {
        long fee = in.readLong();
        int tiers = in.readInt();
        if (tiers < 1 || tiers > PartyRules.TIERS_MAX) {
            throw new IOException("four-party snapshot: " + tiers + " rebate tiers");
        }
        List<Long> rebates = new ArrayList<>();
        for (int i = 0; i < tiers; i++) {
            rebates.add(in.readLong());
        }
        long[] v = new long[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readLong();
        }
        boolean acknowledged = in.readBoolean();
        PartyRules.BurnMode mode = PartyRules.BurnMode.valueOf(in.readUTF());
        int packages = in.readInt();
        if (packages < 0 || packages > PartyRules.PACKAGES_MAX) {
            throw new IOException("four-party snapshot: " + packages + " traffic packages");
        }
        List<PartyRules.TrafficPackage> catalogue = new ArrayList<>();
        for (int i = 0; i < packages; i++) {
            catalogue.add(new PartyRules.TrafficPackage(in.readUTF(), in.readLong()));
        }
        return new PartyRules(fee, rebates, v[0], v[1], acknowledged, v[2], v[3], v[4], Duration.ofSeconds(v[5]),
                Duration.ofSeconds(v[6]), v[7], v[8], v[9], (int) v[10], v[11], v[12], mode, v[13],
                Duration.ofSeconds(v[14]), (int) v[15], (int) v[16], v[17], v[18], catalogue, v[19]);
    }
}
