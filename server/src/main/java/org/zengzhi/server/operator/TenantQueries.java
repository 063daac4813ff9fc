package org.zengzhi.server.operator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The operator's SELECTs of the {@code tenant} row: the plan the tenant started with and the plan in force. */
@Component
class TenantQueries {
    private final JdbcTemplate jdbc;

    TenantQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan file's text in force: the last one put in force, else the first. */
    String planInForce() {
        return jdbc.queryForObject("SELECT COALESCE(current_plan_yaml, plan_yaml) FROM tenant WHERE id = 1", String.class);
    }

    /** The plan file's text the tenant started with, which a replay of the journal starts from. */
    String firstPlan() {
        return jdbc.queryForObject("SELECT plan_yaml FROM tenant WHERE id = 1", String.class);
    }
}
