package org.zengzhi.server.team;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SELECTs of the {@code referrals} read model, and of the {@code rewards} a participant received with the order
 * each came from (我的团队, 奖励记录, issue 20 item 1). Every list is bounded; the caller checks page and size.
 */
@Component
public class TeamQueries {
    /** Members of each level a team page lists, newest first; the count says how many there are in all. */
    public static final int MEMBERS_MAX = 200;

    private final JdbcTemplate jdbc;

    TeamQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those {@code user} invited or bound (直推), newest first. */
    public List<Map<String, Object>> direct(String user) {
        return jdbc.queryForList("SELECT r.username, r.how, r.joined_at, a.display_name FROM referrals r "
                + "LEFT JOIN accounts a ON a.username = r.username WHERE r.referrer = ? "
                + "ORDER BY r.command_seq DESC LIMIT " + MEMBERS_MAX, user);
    }

    /** Those {@code user}'s direct members invited or bound (间推), with who did, newest first. */
    public List<Map<String, Object>> indirect(String user) {
        return jdbc.queryForList("SELECT r2.username, r2.referrer AS via, r2.how, r2.joined_at, a.display_name "
                + "FROM referrals r1 JOIN referrals r2 ON r2.referrer = r1.username "
                + "LEFT JOIN accounts a ON a.username = r2.username WHERE r1.referrer = ? "
                + "ORDER BY r2.command_seq DESC LIMIT " + MEMBERS_MAX, user);
    }

    public int directCount(String user) {
        return count("SELECT COUNT(*) FROM referrals WHERE referrer = ?", user);
    }

    public int indirectCount(String user) {
        return count("SELECT COUNT(*) FROM referrals r1 JOIN referrals r2 ON r2.referrer = r1.username "
                + "WHERE r1.referrer = ?", user);
    }

    /**
     * What {@code user} earned from the orders of each member of their team, by reward kind: settled (AVAILABLE)
     * and still pending, in fen. Rewards cancelled or clawed back by a refund count for nothing.
     */
    public List<Map<String, Object>> earnedFromTeam(String user) {
        return jdbc.queryForList("SELECT o.username AS member, w.kind, "
                + "SUM(CASE WHEN w.status = 'AVAILABLE' THEN w.amount ELSE 0 END) AS earned, "
                + "SUM(CASE WHEN w.status = 'PENDING' THEN w.amount ELSE 0 END) AS pending "
                + "FROM rewards w JOIN orders o ON o.order_id = w.order_id WHERE w.recipient = ? AND o.username IN ("
                + "SELECT username FROM referrals WHERE referrer = ? UNION SELECT r2.username FROM referrals r1 "
                + "JOIN referrals r2 ON r2.referrer = r1.username WHERE r1.referrer = ?) "
                + "GROUP BY o.username, w.kind", user, user, user);
    }

    /** Every reward to {@code user}, newest first, one page, with the order's buyer and store. */
    public List<Map<String, Object>> rewards(String user, int page, int size) {
        return jdbc.queryForList("SELECT w.order_id, w.kind, w.agent_level, w.amount, w.clawed_back, w.status, "
                + "w.changed_at, o.username AS buyer, o.merchant, o.channel FROM rewards w "
                + "LEFT JOIN orders o ON o.order_id = w.order_id WHERE w.recipient = ? "
                + "ORDER BY w.command_seq DESC, w.order_id, w.reward_index LIMIT " + size + " OFFSET "
                + ((long) page * size), user);
    }

    public int rewardCount(String user) {
        return count("SELECT COUNT(*) FROM rewards WHERE recipient = ?", user);
    }

    private int count(String sql, String user) {
        Integer count = jdbc.queryForObject(sql, Integer.class, user);
        return count == null ? 0 : count;
    }
}
