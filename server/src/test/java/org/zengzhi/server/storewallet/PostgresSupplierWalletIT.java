package org.zengzhi.server.storewallet;

import org.junit.jupiter.api.BeforeEach;
import org.zengzhi.server.TestDatabases;

/** Supplier wallets on real PostgreSQL, each test in a schema of its own. Every test is inherited. */
class PostgresSupplierWalletIT extends SupplierWalletTests {
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
