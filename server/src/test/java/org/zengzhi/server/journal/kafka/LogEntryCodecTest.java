package org.zengzhi.server.journal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.server.journal.IdempotencyRecord;
import org.zengzhi.server.journal.ReadModelWrite;

/**
 * A Kafka journal record keeps what a take-over needs to write a command's outputs again (issue 21 deliver 2): its
 * line, rejection, idempotency record and read-model writes with their argument types, exactly.
 */
class LogEntryCodecTest {

    @Test
    void everyFieldAndArgumentTypeComesBackExactly() {
        Timestamp at = Timestamp.from(Instant.parse("1969-12-31T23:59:59.123456789Z"));
        ReadModelWrite stock = ReadModelWrite.required("UPDATE products SET stock = stock - ? WHERE product_id = ?",
                List.of(2, "茶叶\t\\N"));
        ReadModelWrite row = new ReadModelWrite("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                Arrays.asList(null, 7L, (short) 3, true, at, new BigDecimal("0.20")));
        LogEntry entry = new LogEntry(42, "2026-01-01T00:00:00Z pay o1 u1 shop 100.00 store", "INSUFFICIENT_POINTS",
                new IdempotencyRecord("commands:p1", "ab".repeat(32), 42, 422, "{\"title\":\"退回\"}"),
                List.of(stock, row));

        LogEntry back = LogEntryCodec.read(LogEntryCodec.write(entry));

        assertThat(back).isEqualTo(entry);
        assertThat(back.writes().get(1).arguments().get(4)).isEqualTo(at);
        assertThat(((Timestamp) back.writes().get(1).arguments().get(4)).getNanos()).isEqualTo(123456789);
        assertThat(back.writes().get(0).required()).isTrue();
        assertThat(back.marker()).isFalse();
    }

    @Test
    void aCommandWithoutKeyOrWritesAndTheTakeOverMarker() {
        LogEntry plain = new LogEntry(1, "line", null, null, List.of());
        assertThat(LogEntryCodec.read(LogEntryCodec.write(plain))).isEqualTo(plain);
        assertThat(LogEntryCodec.read(LogEntryCodec.write(LogEntry.MARKER)).marker()).isTrue();
    }

    @Test
    void anArgumentOfAnUnknownTypeIsRefusedBeforeAnythingIsWritten() {
        LogEntry entry = new LogEntry(1, "line", null, null,
                List.of(new ReadModelWrite("UPDATE t SET x = ?", List.of(Instant.EPOCH))));
        assertThatThrownBy(() -> LogEntryCodec.write(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Instant");
    }

    @Test
    void aValueThatIsNotAJournalRecordIsRefused() {
        assertThatThrownBy(() -> LogEntryCodec.read(new byte[] {9})).isInstanceOf(IllegalArgumentException.class);
    }
}
