package org.zengzhi.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.codec.SnapshotCodec;

/**
 * A tenant's engine as of {@code offset} of its partition (every record up to and including it applied), with
 * the SHA-256 of the state bytes, which a restore checks. Stored as: offset, hash, state (DataOutput).
 */
public record TenantSnapshot(String tenant, long offset, String stateHash, byte[] state) {

    public static TenantSnapshot of(String tenant, long offset, Engine engine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            SnapshotCodec.write(engine, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] state = bytes.toByteArray();
        return new TenantSnapshot(tenant, offset, SnapshotCodec.sha256(state), state);
    }

    /** The engine this snapshot holds, after checking its hash. */
    public Engine restore() {
        String hash = SnapshotCodec.sha256(state);
        if (!hash.equals(stateHash)) {
            throw new IllegalStateException("snapshot of " + tenant + " at offset " + offset + " has hash " + hash
                    + ", not the " + stateHash + " recorded with it");
        }
        try {
            return SnapshotCodec.read(new ByteArrayInputStream(state));
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot of " + tenant + " at offset " + offset + " cannot be read", e);
        }
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(state.length + 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(offset);
            out.writeUTF(stateHash);
            out.writeInt(state.length);
            out.write(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TenantSnapshot decode(String tenant, byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            long offset = in.readLong();
            String hash = in.readUTF();
            byte[] state = in.readNBytes(in.readInt());
            return new TenantSnapshot(tenant, offset, hash, state);
        } catch (IOException e) {
            throw new UncheckedIOException("a snapshot record of " + tenant + " cannot be read", e);
        }
    }
}
