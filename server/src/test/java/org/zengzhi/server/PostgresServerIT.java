package org.zengzhi.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server on real PostgreSQL (127.0.0.1:5432, database {@code test}, as CI provides it), each test in
 * a schema of its own. A missing PostgreSQL fails these tests: CI starts it and must not skip them.
 */
class PostgresServerIT extends ServerRecoveryTests {
    private static final String URL = System.getProperty("zengzhi.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private String schema;

    @BeforeEach
    void freshSchema() throws Exception {
        schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @Override
    String[] database() {
        return new String[] {"spring.profiles.active=postgres", "spring.datasource.url=" + URL + "?currentSchema=" + schema,
            "spring.datasource.username=postgres", "spring.flyway.schemas=" + schema};
    }

    @Test
    void stateSurvivesRestart() throws Exception {
        stateSurvivesRestartWithTheSameHash();
    }

    @Test
    void idempotency() throws Exception {
        retriesReturnTheFirstResponseAndConcurrentDuplicatesHaveOneEffect();
    }

    @Test
    void badInput() throws Exception {
        badInputNamesTheFieldAndChangesNothing();
    }

    @Test
    void batchImport() throws Exception {
        batchImportAppliesEachOrderOnceAndRetriesReturnTheFirstResponse();
    }
}
