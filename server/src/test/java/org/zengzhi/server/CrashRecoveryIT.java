package org.zengzhi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.log.LogLines;
import org.zengzhi.log.PlanFiles;

/**
 * The crash test on PostgreSQL (a fresh schema), which the test reads beside the running server: after the
 * restart the journal holds every acknowledged order, no journal row lacks its postings or its idempotency
 * record, and the server's state hash equals a replay of the journal through a fresh engine under the
 * tenant's stored plan.
 */
class CrashRecoveryIT extends CrashRecoveryTests {
    private static final String URL = System.getProperty("zengzhi.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    private String schema;

    @Override
    List<String> database() throws Exception {
        if (schema == null) {
            schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
        }
        return List.of("spring.profiles.active=postgres", "spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "spring.datasource.username=postgres", "spring.flyway.schemas=" + schema, TestDatabases.SANDBOX_ENABLED);
    }

    @Override
    void dropDatabase() throws Exception {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    void checkJournalAfterRestart(Set<String> acknowledged, int unsettledOrders, String stateHash) {
        JdbcTemplate jdbc = jdbc();
        Set<String> journaled = journaledOrders(jdbc);
        assertThat(journaled).as("every acknowledged order is in the journal").containsAll(acknowledged);
        assertThat(unsettledOrders).as("the engine holds exactly the journaled orders").isEqualTo(journaled.size());
        assertNothingHalfThere(jdbc);
        assertThat(stateHash).as("the server's state equals a replay of the journal").isEqualTo(replayJournal(jdbc));
    }

    @Override
    void checkJournalAfterRetries(Set<String> acknowledged, Set<String> unanswered) {
        JdbcTemplate jdbc = jdbc();
        Set<String> journaled = journaledOrders(jdbc);
        assertThat(journaled).containsAll(unanswered).containsAll(acknowledged);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_type = 'PAY_ORDER'", Long.class))
                .as("one journal row per order").isEqualTo(journaled.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_type = 'PAY_ORDER' AND rejection IS "
                + "NOT NULL", Long.class)).as("rejected orders").isZero();
    }

    private static Set<String> journaledOrders(JdbcTemplate jdbc) {
        return new HashSet<>(jdbc.queryForList("SELECT command_id FROM journal WHERE command_type = 'PAY_ORDER'", String.class));
    }

    private static void assertNothingHalfThere(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal j WHERE j.command_type = 'PAY_ORDER' AND NOT EXISTS "
                + "(SELECT 1 FROM postings p WHERE p.command_seq = j.seq)", Long.class)).as("orders without postings")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM postings p WHERE NOT EXISTS "
                + "(SELECT 1 FROM journal j WHERE j.seq = p.command_seq)", Long.class)).as("postings without their order")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal j WHERE NOT EXISTS "
                + "(SELECT 1 FROM idempotency i WHERE i.command_seq = j.seq)", Long.class))
                .as("journal rows without their idempotency record").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency i WHERE NOT EXISTS "
                + "(SELECT 1 FROM journal j WHERE j.seq = i.command_seq)", Long.class))
                .as("idempotency records without their journal row").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT asset FROM postings GROUP BY asset "
                + "HAVING SUM(amount) <> 0) unbalanced", Long.class)).as("assets whose postings do not sum to zero").isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(seq) - COUNT(*) FROM journal", Long.class)).as("gaps in the journal")
                .isZero();
    }

    /** Every journal line through a fresh engine built from the tenant's stored plan; its state hash. */
    private static String replayJournal(JdbcTemplate jdbc) {
        PlanCheck plan = PlanFiles.checkText(jdbc.queryForObject("SELECT plan_yaml FROM tenant WHERE id = 1", String.class));
        assertThat(plan.valid()).isTrue();
        Engine engine = new Engine(plan.plan(), RegionDirectory.STANDARD);
        LogLines lines = new LogLines(engine::clock);
        EngineOutput out = new EngineOutput();
        jdbc.query("SELECT seq, line FROM journal ORDER BY seq", row -> {
            out.clear();
            engine.execute(lines.parse(row.getLong(1), row.getString(2)), out);
        });
        assertThat(engine.checkInvariants()).isEmpty();
        return engine.stateHash();
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(URL + "?currentSchema=" + schema, "postgres", "", true));
    }
}
