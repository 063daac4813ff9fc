package org.zengzhi.server.payment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payments on real PostgreSQL (127.0.0.1:5432, database {@code test}, as CI provides it), each test in a
 * schema of its own. A missing PostgreSQL fails these tests: CI starts it and must not skip them.
 */
class PostgresPaymentIT extends PaymentTests {
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
    void sandboxCallbackMarksTheOrderPaid() throws Exception {
        theSandboxCallbackMarksTheOrderPaid();
    }

    @Test
    void createIsIdempotent() throws Exception {
        retriesOfTheCreateCallAreIdempotent();
    }

    @Test
    void refusedCallbacks() throws Exception {
        tamperedStaleAndReplayedCallbacksAreRefused();
    }

    @Test
    void concurrentCallbacks() throws Exception {
        concurrentDuplicateCallbacksHaveOneEffect();
    }

    @Test
    void engineRejection() throws Exception {
        anOrderTheEngineRejectsLeavesThePaymentFailed();
    }

    @Test
    void badInput() throws Exception {
        badInputNamesTheFieldAndChangesNothing();
    }

    @Test
    void restart() throws Exception {
        paymentsAndTheGeneratedSecretSurviveARestart();
    }
}
