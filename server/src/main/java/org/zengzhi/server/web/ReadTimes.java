package org.zengzhi.server.web;

import java.sql.Timestamp;
import java.time.OffsetDateTime;

/** Times of the read models as the API's views write them. */
public final class ReadTimes {
    private ReadTimes() {
    }

    /**
     * A read-model time as an ISO-8601 instant, whatever type the database driver returns (H2 and PostgreSQL differ);
     * null stays null.
     */
    public static String iso(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant().toString();
        }
        return value.toString();
    }
}
