package org.zengzhi.server.catalogue;

import org.junit.jupiter.api.BeforeEach;
import org.zengzhi.server.TestDatabases;

/** The catalogue on real PostgreSQL, each test in a schema of its own. Every test is inherited. */
class PostgresCatalogueIT extends CatalogueTests {
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
