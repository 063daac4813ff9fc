package org.zengzhi.server.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One SQL statement that updates a read-model row (for example a payment intent's status) from what a
 * command did. It is executed in the same transaction as the command's journal row, so the read model
 * can never claim an effect the journal does not hold, nor miss one it does.
 *
 * <p>A {@code required} write is a condition of the command itself (a conditional update that takes stock, or
 * moves an intent out of CREATED): when it changes no row the whole batch's transaction is rolled back
 * ({@link NotApplied}), so the journal never holds a command whose condition did not hold.
 */
public record ReadModelWrite(String sql, List<Object> arguments, boolean required) {
    public ReadModelWrite {
        // SQL NULLs are arguments too, which List.copyOf would refuse.
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public ReadModelWrite(String sql, List<Object> arguments) {
        this(sql, arguments, false);
    }

    /** A write that must change at least one row, or the batch is not committed. */
    public static ReadModelWrite required(String sql, List<Object> arguments) {
        return new ReadModelWrite(sql, arguments, true);
    }

    /** A required write changed no row: its batch's transaction is rolled back and nothing of it is kept. */
    public static final class NotApplied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotApplied(ReadModelWrite write) {
            super("a required read-model write changed no row: " + write.sql());
        }
    }
}
