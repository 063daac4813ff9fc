package org.zengzhi.server.income;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SELECTs of an owner's income from the ledger's postings (收入明细, issue 20 item 1): for each command, the net
 * change of the owner's accounts in each asset (a move between two of its own accounts, such as pending to settled,
 * nets to nothing). A positive net is income; the totals add up every net, in and out, so they are the ledger's
 * balances. {@code accounts} is the prefix of the owner's account types ({@code USER_}, {@code MERCHANT_}).
 */
@Component
class IncomeQueries {
    private static final String NETS = "SELECT p.command_seq, p.asset, SUM(p.amount) AS net FROM postings p "
            + "WHERE p.owner = ? AND p.account_type LIKE ? GROUP BY p.command_seq, p.asset";

    private final JdbcTemplate jdbc;

    IncomeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of income, newest first, with the command it came from and, for an order's reward, the reward's kind
     * (the smallest when one order gave the owner several).
     */
    List<Map<String, Object>> income(String owner, String accounts, int page, int size) {
        return jdbc.queryForList("SELECT n.command_seq, n.asset, n.net, j.at, j.command_type, j.command_id, "
                + "(SELECT MIN(w.kind) FROM rewards w WHERE w.order_id = j.command_id AND w.recipient = ?) AS reward_kind "
                + "FROM (" + NETS + ") n JOIN journal j ON j.seq = n.command_seq WHERE n.net > 0 "
                + "ORDER BY n.command_seq DESC, n.asset LIMIT " + size + " OFFSET " + ((long) page * size),
                owner, owner, accounts + "%");
    }

    int incomeCount(String owner, String accounts) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM (" + NETS + ") n WHERE n.net > 0", Integer.class,
                owner, accounts + "%");
        return count == null ? 0 : count;
    }

    /** Per asset: what came in, what went out (negative) over every command. */
    List<Map<String, Object>> totals(String owner, String accounts) {
        return jdbc.queryForList("SELECT n.asset, SUM(CASE WHEN n.net > 0 THEN n.net ELSE 0 END) AS received, "
                + "SUM(CASE WHEN n.net < 0 THEN n.net ELSE 0 END) AS spent FROM (" + NETS + ") n "
                + "GROUP BY n.asset ORDER BY n.asset", owner, accounts + "%");
    }
}
