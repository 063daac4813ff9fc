package org.zengzhi.server.localize;

import java.time.ZoneId;

/**
 * Calendar days of the plan's time zone in SQL (issue 20 item 7): a {@code TIMESTAMP WITH TIME ZONE} column grouped
 * by {@code CAST(column AS DATE)} falls on the database session's day, which is UTC on most servers, so an order paid
 * at 01:30 in Beijing would count for the day before. {@code AT TIME ZONE} means the same on H2 and PostgreSQL.
 */
public final class PlanDays {
    private PlanDays() {
    }

    /** The SQL expression of {@code column}'s calendar day in the plan's zone, as text: {@code 2026-03-02}. */
    public static String sqlDay(String column) {
        return sqlDay(column, PlanTime.zone());
    }

    static String sqlDay(String column, ZoneId zone) {
        if (!column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        // A region id is letters, digits, '/', '_', '+' and '-': nothing that can end the SQL string literal.
        String id = zone.normalized().getId();
        if (!id.matches("[A-Za-z0-9/_+\\-:]+")) {
            throw new IllegalArgumentException("unexpected zone id: " + id);
        }
        // Cast to text, not to DATE: H2 turns a time stamp with its zone into a DATE of the session's zone, while
        // both databases write the local time first in text ('2026-03-02 01:30:00' and '2026-03-02 01:30:00+08').
        return "SUBSTRING(CAST((" + column + " AT TIME ZONE '" + id + "') AS VARCHAR) FROM 1 FOR 10)";
    }
}
