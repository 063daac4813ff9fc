package org.zengzhi.server.journal.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.server.journal.IdempotencyRecord;
import org.zengzhi.server.journal.ReadModelWrite;

/**
 * A {@link LogEntry} as the bytes of a Kafka record value: a format byte, then the fields in order, strings as
 * UTF-8 with their length (−1 for null), read-model arguments each with a type tag. A value of a type it does not
 * know is refused when the batch is written, before anything reaches Kafka.
 */
final class LogEntryCodec {
    private static final byte COMMAND = 1;
    private static final byte MARKER = 2;
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte BOOLEAN = 4;
    private static final byte TIMESTAMP = 5;
    private static final byte DECIMAL = 6;
    private static final byte SHORT = 7;

    private LogEntryCodec() {
    }

    static byte[] write(LogEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (entry.marker()) {
                out.writeByte(MARKER);
                return finish(out, bytes);
            }
            out.writeByte(COMMAND);
            out.writeLong(entry.seq());
            string(out, entry.line());
            string(out, entry.rejection());
            IdempotencyRecord record = entry.idempotency();
            out.writeBoolean(record != null);
            if (record != null) {
                string(out, record.key());
                string(out, record.requestHash());
                out.writeLong(record.commandSeq());
                out.writeInt(record.status());
                string(out, record.response());
            }
            out.writeInt(entry.writes().size());
            for (ReadModelWrite write : entry.writes()) {
                string(out, write.sql());
                out.writeBoolean(write.required());
                out.writeInt(write.arguments().size());
                for (Object argument : write.arguments()) {
                    argument(out, argument);
                }
            }
            return finish(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] finish(DataOutputStream out, ByteArrayOutputStream bytes) throws IOException {
        out.flush();
        return bytes.toByteArray();
    }

    static LogEntry read(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte kind = in.readByte();
            if (kind == MARKER) {
                return LogEntry.MARKER;
            }
            if (kind != COMMAND) {
                throw new IllegalArgumentException("not a journal record (format " + kind + ")");
            }
            long seq = in.readLong();
            String line = string(in);
            String rejection = string(in);
            IdempotencyRecord record = in.readBoolean()
                    ? new IdempotencyRecord(string(in), string(in), in.readLong(), in.readInt(), string(in)) : null;
            int count = in.readInt();
            List<ReadModelWrite> writes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String sql = string(in);
                boolean required = in.readBoolean();
                int arguments = in.readInt();
                List<Object> values = new ArrayList<>(arguments);
                for (int a = 0; a < arguments; a++) {
                    values.add(argument(in));
                }
                writes.add(new ReadModelWrite(sql, values, required));
            }
            return new LogEntry(seq, line, rejection, record, writes);
        } catch (IOException e) {
            throw new UncheckedIOException("a journal record cannot be read", e);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("a journal record ends inside a string");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void argument(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            string(out, text);
        } else if (value instanceof Integer number) {
            out.writeByte(INT);
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Short number) {
            out.writeByte(SHORT);
            out.writeShort(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof Timestamp at) {
            out.writeByte(TIMESTAMP);
            out.writeLong(Math.floorDiv(at.getTime(), 1000L));
            out.writeInt(at.getNanos());
        } else if (value instanceof BigDecimal decimal) {
            out.writeByte(DECIMAL);
            string(out, decimal.toPlainString());
        } else {
            throw new IllegalArgumentException("a read-model argument of type " + value.getClass().getName()
                    + " cannot be kept in the Kafka journal");
        }
    }

    private static Object argument(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case NULL -> null;
            case STRING -> string(in);
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case SHORT -> in.readShort();
            case BOOLEAN -> in.readBoolean();
            case TIMESTAMP -> {
                Timestamp at = new Timestamp(in.readLong() * 1000);
                at.setNanos(in.readInt());
                yield at;
            }
            case DECIMAL -> new BigDecimal(string(in));
            default -> throw new IOException("unknown read-model argument type " + type);
        };
    }
}
