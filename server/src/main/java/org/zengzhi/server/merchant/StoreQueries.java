package org.zengzhi.server.merchant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store pages' reads of the {@code bindings} and {@code rewards} tables (a store's bound customers and the
 * rewards its owner earns), so that no controller holds a {@link JdbcTemplate}. The JSON is built by
 * {@link StoreViews}, which the API and the console share.
 */
@Component
public class StoreQueries {
    private final JdbcTemplate jdbc;

    StoreQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Customers this store's pay code bound (锁定会员, R-4.1), newest first. */
    public String customers(String merchant) {
        return StoreViews.customers(jdbc, merchant);
    }

    /** The rewards the store's owner earned, by kind, and the latest ones. */
    public String rewards(String merchant, String owner) {
        return StoreViews.rewards(jdbc, merchant, owner);
    }
}
