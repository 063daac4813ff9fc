package org.zengzhi.server.wallet;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SELECTs of a participant's {@code postings}, with the journal row each belongs to. */
@Component
public class PostingQueries {
    private final JdbcTemplate jdbc;

    PostingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A participant's postings on their USER_* accounts, newest first, one page; {@code size} is checked by the caller. */
    public List<Map<String, Object>> ofUser(String user, int page, int size) {
        return jdbc.queryForList("SELECT p.command_seq, p.account_type, p.asset, p.amount, j.at, "
                + "j.command_type, j.command_id FROM postings p JOIN journal j ON j.seq = p.command_seq "
                + "WHERE p.owner = ? AND p.account_type LIKE 'USER_%' ORDER BY p.command_seq DESC, p.posting_index DESC "
                + "LIMIT " + size + " OFFSET " + ((long) page * size), user);
    }
}
