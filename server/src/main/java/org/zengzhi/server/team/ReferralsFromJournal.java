package org.zengzhi.server.team;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.journal.ReadModelReplay;

/**
 * Migration V120 (issue 20 item 1): the {@code referrals} table of V81 began empty, so invitations and store bindings
 * made before it were missing from 我的团队. This rebuilds the table from the journal, the source of truth, replaying
 * every command through {@link TeamReadModel} as the live journal would have written it; the rows written since V81
 * come out the same. It runs once, in Flyway's transaction, before the server serves anyone; a database without a
 * tenant yet (a first start) has no journal and nothing to do.
 */
@Component
class ReferralsFromJournal implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("120");
    }

    @Override
    public String getDescription() {
        return "referrals from journal";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        var plans = jdbc.queryForList("SELECT plan_yaml FROM tenant WHERE id = 1", String.class);
        if (plans.isEmpty()) {
            return;
        }
        PlanCheck check = PlanFiles.checkText(plans.get(0));
        if (!check.valid()) {
            throw new IllegalStateException("the tenant's plan is invalid:\n" + check.text());
        }
        jdbc.update("DELETE FROM referrals");
        ReadModelReplay.replay(jdbc, check.plan(), new TeamReadModel());
    }
}
