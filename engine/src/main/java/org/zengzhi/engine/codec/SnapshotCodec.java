package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;

/**
 * The engine's whole state as canonical bytes (ARCHITECTURE rule 5): rules, the last price, system
 * balances by account type name, then every participant in dense id order with their cycle and balances,
 * merchants, agents, orders, and withdrawals in request order with the current day's withdrawal totals.
 * The exit index is not written: it is rebuilt from holdings, and its order is a total order, so a
 * restored engine behaves exactly as the original.
 */
public final class SnapshotCodec {
    private static final int MAGIC = 0x5A5A5331; // "ZZS1"
    private static final int VERSION = 3;
    /** The version of a snapshot whose plan has green points: its rules follow the plan (issue 17). */
    private static final int VERSION_GREEN = 4;

    private SnapshotCodec() {
    }

    public static void write(Engine engine, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        boolean greenPoints = engine.plan().greenPoints() != null;
        out.writeInt(greenPoints ? VERSION_GREEN : VERSION);
        Engine.Models models = engine.models();
        PlanCodec.write(engine.plan(), out);
        if (greenPoints) {
            GreenCodec.writeRules(engine.plan(), out);
        }
        out.writeLong(engine.clock().getEpochSecond());
        out.writeInt(engine.clock().getNano());
        out.writeLong(models.pool().lastPriceCashFen());
        out.writeLong(models.pool().lastPricePointsMicro());
        List<AccountType> system = new ArrayList<>();
        List<AccountType> perParticipant = new ArrayList<>();
        for (AccountType type : AccountType.values()) {
            if (type.greenPoints() && !greenPoints) {
                continue;
            }
            if (type.system() && !type.fourParty()) {
                system.add(type);
            } else if (type.perParticipant()) {
                perParticipant.add(type);
            }
        }
        out.writeInt(system.size());
        for (AccountType type : system) {
            out.writeUTF(type.name());
            out.writeLong(models.ledger().system(type));
        }
        writeTypeNames(out, perParticipant);
        Participants participants = models.network().participants();
        out.writeInt(participants.count());
        for (int p = 0; p < participants.count(); p++) {
            out.writeUTF(participants.id(p));
            out.writeLong(participants.cycleSpend(p));
            out.writeLong(participants.cycleRealized(p));
            out.writeInt(participants.exits(p));
            out.writeLong(participants.paidOut(p));
            for (AccountType type : perParticipant) {
                out.writeLong(models.ledger().balance(type, p));
            }
            out.writeInt(participants.referrer(p));
            out.writeInt(participants.boundMerchant(p));
            out.writeInt(participants.invitees(p));
            out.writeInt(participants.liveOrders(p));
            out.writeLong(participants.settledSpend(p));
        }
        NetworkCodec.writeMerchants(engine, out);
        NetworkCodec.writeAgents(engine, out);
        NetworkCodec.writeOrders(engine, out);
        WithdrawalCodec.write(engine, out);
        GreenCodec.write(engine, out);
        PartyCodec.write(engine, out);
        StoreWalletCodec.write(engine, out);
        SupplierWalletCodec.write(engine, out);
        out.flush();
    }

    private static void writeTypeNames(DataOutputStream out, List<AccountType> types) throws IOException {
        out.writeInt(types.size());
        for (AccountType type : types) {
            out.writeUTF(type.name());
        }
    }

    /** Reads a snapshot, resolving regions in the standard GB/T 2260 table. */
    public static Engine read(InputStream stream) throws IOException {
        return read(stream, RegionDirectory.STANDARD);
    }

    public static Engine read(InputStream stream, RegionDirectory regions) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int version = in.readInt() == MAGIC ? in.readInt() : -1;
        if (version != VERSION && version != VERSION_GREEN) {
            throw new IOException("not a Zengzhi engine snapshot of version " + VERSION + " or " + VERSION_GREEN);
        }
        Plan plan = PlanCodec.read(in);
        if (version == VERSION_GREEN) {
            plan = GreenCodec.readRules(plan, in);
        }
        java.time.Instant clock = java.time.Instant.ofEpochSecond(in.readLong(), in.readInt());
        long lastCash = in.readLong();
        long lastPoints = in.readLong();
        int systemCount = in.readInt();
        AccountType[] systemTypes = new AccountType[systemCount];
        long[] systemBalances = new long[systemCount];
        for (int i = 0; i < systemCount; i++) {
            systemTypes[i] = AccountType.valueOf(in.readUTF());
            systemBalances[i] = in.readLong();
        }
        int perParticipantCount = in.readInt();
        AccountType[] participantTypes = new AccountType[perParticipantCount];
        for (int i = 0; i < perParticipantCount; i++) {
            participantTypes[i] = AccountType.valueOf(in.readUTF());
        }
        int count = in.readInt();
        Engine engine = new Engine(plan, regions, count);
        Engine.Models models = engine.models();
        engine.restoreClock(clock);
        models.pool().restoreLastPrice(lastCash, lastPoints);
        for (int i = 0; i < systemCount; i++) {
            models.ledger().restore(systemTypes[i], 0, systemBalances[i]);
        }
        for (int p = 0; p < count; p++) {
            int participant = models.network().restoreParticipant(in.readUTF(), in.readLong(), in.readLong(),
                    in.readInt(), in.readLong());
            for (AccountType type : participantTypes) {
                models.ledger().restore(type, participant, in.readLong());
            }
            models.network().participants().restoreNetwork(participant, in.readInt(), in.readInt(), in.readInt(),
                    in.readInt(), in.readLong());
        }
        NetworkCodec.readMerchants(engine, in);
        NetworkCodec.readAgents(engine, in);
        NetworkCodec.readOrders(engine, in);
        WithdrawalCodec.read(engine, in);
        if (version == VERSION_GREEN) {
            GreenCodec.read(engine, in);
        }
        int marker = in.read();
        if (PartyCodec.read(engine, in, marker)) {
            marker = in.read();
        }
        if (StoreWalletCodec.read(engine, in, marker)) {
            marker = in.read();
        }
        if (SupplierWalletCodec.read(engine, in, marker)) {
            marker = in.read();
        }
        if (marker >= 0) {
            throw new IOException("unexpected bytes after the snapshot's withdrawals: " + marker);
        }
        models.pool().reindexAll();
        return engine;
    }

    /** SHA-256 of the snapshot bytes, in lower-case hex. */
    /** The state hash of a snapshot already written: the SHA-256 of its bytes, as {@link #hash} computes it. */
    public static String sha256(byte[] snapshot) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hash(Engine engine) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                write(engine, new java.io.BufferedOutputStream(out, 1 << 16));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
