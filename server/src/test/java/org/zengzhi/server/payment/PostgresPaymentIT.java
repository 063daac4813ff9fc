package org.zengzhi.server.payment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

/** Payments on real PostgreSQL, each test in a schema of its own. Every test is inherited. */
class PostgresPaymentIT extends PaymentTests {
    private String[] database;

    @BeforeEach
    void freshSchema() throws Exception {
        database = TestDatabases.freshPostgresSchema();
    }

    @Override
    String[] database() {
        return database;
    }

    /** Issue 19 item 9: the postgres profile is a production one; the sandbox must not start there by default. */
    @Test
    void theSandboxRefusesToStartOnTheProductionProfileUnlessEnabled() {
        String[] production = Arrays.stream(database).filter(property -> !property.equals(TestDatabases.SANDBOX_ENABLED))
                .toArray(String[]::new);
        assertThatThrownBy(() -> new ServerHarness(production).close())
                .hasStackTraceContaining("the sandbox payment provider marks payments paid without moving money")
                .hasStackTraceContaining("postgres")
                .hasStackTraceContaining("zengzhi.sandbox.enabled=true");
    }
}
