package org.zengzhi.server.team;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

/**
 * The {@code referrals} read model (我的团队, R-4.1): who invited whom, and when, written inside the journal's
 * transaction like {@link org.zengzhi.server.operator.RewardReadModel}. A registration under an invite and a first
 * payment through a store's pay code add a row; an operator's reassignment moves it to the new referrer. Within a
 * batch a user is bound before being reassigned, so rows first bound in the batch are changed before the insert;
 * reassignments are rare (an operator's, with a reason), so they are written one by one.
 */
public final class TeamReadModel implements ReadModel {
    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        Map<String, Object[]> added = new LinkedHashMap<>();
        List<Object[]> moved = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            Timestamp at = Timestamp.from(applied.command().at());
            for (Event event : applied.events()) {
                if (event instanceof Event.UserRegistered registered && registered.referrer() != null) {
                    added.put(registered.user(), row(registered.user(), registered.referrer(), "INVITE", at, applied.seq()));
                } else if (event instanceof Event.ReferrerBound bound) {
                    added.put(bound.user(), row(bound.user(), bound.referrer(), "STORE", at, applied.seq()));
                } else if (event instanceof Event.ReferrerReassigned reassigned) {
                    Object[] fresh = added.get(reassigned.user());
                    if (fresh != null) {
                        fresh[1] = reassigned.referrer();
                    } else {
                        moved.add(row(reassigned.user(), reassigned.referrer(), "OPERATOR", at, applied.seq()));
                    }
                }
            }
        }
        insert.rows("referrals", List.of("username", "referrer", "how", "joined_at", "command_seq"),
                new ArrayList<>(added.values()));
        // A reassignment moves the row; a user bound before this read model began has none yet, and gets one.
        for (Object[] reassigned : moved) {
            if (jdbc.update("UPDATE referrals SET referrer = ? WHERE username = ?", reassigned[1], reassigned[0]) == 0) {
                jdbc.update("INSERT INTO referrals (username, referrer, how, joined_at, command_seq) VALUES (?, ?, ?, ?, ?)",
                        reassigned);
            }
        }
    }

    private static Object[] row(String user, String referrer, String how, Timestamp at, long seq) {
        return new Object[] {user, referrer, how, at, seq};
    }
}
