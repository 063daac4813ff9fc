package org.zengzhi.server.storewallet;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What a store's and a supplier's statements ({@link Statements}, {@link SupplierStatements}) share: their days. */
final class StatementDays {
    private StatementDays() {
    }

    /** The day of a journal time ({@code OffsetDateTime} on PostgreSQL, {@code Timestamp} on H2) in the plan's zone. */
    static LocalDate dateOf(Object at, ZoneId zone) {
        if (at instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDate();
        }
        return ((Timestamp) at).toInstant().atZone(zone).toLocalDate();
    }

    /** The newest {@code days} of the days (oldest first), newest first. */
    static <T> List<T> newestFirst(List<T> oldestFirst, int days) {
        List<T> newestFirst = new ArrayList<>();
        for (int d = oldestFirst.size() - 1; d >= 0 && newestFirst.size() < days; d--) {
            newestFirst.add(oldestFirst.get(d));
        }
        return newestFirst;
    }
}
