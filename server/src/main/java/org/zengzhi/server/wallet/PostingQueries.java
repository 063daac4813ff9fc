package org.zengzhi.server.wallet;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SELECTs of {@code postings} by owner, with the journal row each belongs to: a participant's, a store's. */
@Component
public class PostingQueries {
    public static final int MERCHANT_ROWS_MAX = 500;

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

    /** A store's postings on its MERCHANT_* accounts, newest first, at most {@value #MERCHANT_ROWS_MAX}. */
    public List<Map<String, Object>> ofMerchant(String merchant) {
        return jdbc.queryForList("SELECT p.command_seq, p.account_type, p.amount, j.command_id, "
                + "j.command_type FROM postings p JOIN journal j ON j.seq = p.command_seq WHERE p.owner = ? "
                + "AND p.account_type LIKE 'MERCHANT_%' ORDER BY p.command_seq DESC, p.posting_index DESC LIMIT "
                + MERCHANT_ROWS_MAX, merchant);
    }
}
