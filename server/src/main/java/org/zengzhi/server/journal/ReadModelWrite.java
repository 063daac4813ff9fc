package org.zengzhi.server.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One SQL statement that updates a read-model row (for example a payment intent's status) from what a
 * command did. It is executed in the same transaction as the command's journal row, so the read model
 * can never claim an effect the journal does not hold, nor miss one it does.
 */
public record ReadModelWrite(String sql, List<Object> arguments) {
    public ReadModelWrite {
        // SQL NULLs are arguments too, which List.copyOf would refuse.
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }
}
