package org.zengzhi.server;

import org.junit.jupiter.api.BeforeEach;

/** The server on real PostgreSQL, each test in a schema of its own. Every test is inherited. */
class PostgresServerIT extends ServerRecoveryTests {
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
