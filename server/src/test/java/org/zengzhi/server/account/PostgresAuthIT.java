package org.zengzhi.server.account;

import org.zengzhi.server.TestDatabases;

/** Sign-in, accounts and tokens on real PostgreSQL, in a schema of its own. */
class PostgresAuthIT extends AuthTests {
    @Override
    String[] database() throws Exception {
        return TestDatabases.freshPostgresSchema();
    }
}
