package org.zengzhi.server.payment;

import org.junit.jupiter.api.BeforeEach;
import org.zengzhi.server.TestDatabases;

/** Payouts and refunds on real PostgreSQL, each test in a schema of its own. Every test is inherited. */
class PostgresPayoutIT extends PayoutTests {
    private String[] database;

    @BeforeEach
    void freshSchema() throws Exception {
        database = TestDatabases.freshPostgresSchema();
    }

    @Override
    String[] database() {
        return database;
    }
}
