package org.zengzhi.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** What the rank tests share: the plan's zone, the instant a month ends, a board's snapshot bytes. */
final class Boards {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Boards() {
    }

    /** 00:00 of the next month in Shanghai: the first instant at which {@code month} may close. */
    static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    static MonthClose close(PromoterBoard board, YearMonth month) {
        MonthOutcome outcome = board.closeMonth(month, endOf(month), ZONE);
        assertThat(outcome).isInstanceOf(MonthClose.class);
        return (MonthClose) outcome;
    }

    static void appoint(PromoterBoard board, int user, int coach, YearMonth month) {
        assertThat(board.appoint(user, coach, month)).isEmpty();
    }

    static void add(PromoterBoard board, int user, YearMonth month, long amountFen) {
        assertThat(board.addMetric(user, month, amountFen)).isEmpty();
    }

    static PromoterMonth row(MonthClose close, int user) {
        return close.promoters().stream().filter(row -> row.user() == user).findFirst().orElseThrow();
    }

    static byte[] snapshot(PromoterBoard board) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BoardCodec.write(board, new DataOutputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
