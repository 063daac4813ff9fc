package org.zengzhi.server.tenants;

import org.zengzhi.server.TestDatabases;

/** Tenants on real PostgreSQL: the default tenant in a fresh schema, each other tenant in a schema of its own. */
class PostgresTenantsIT extends TenantsTests {
    @Override
    String[] database() throws Exception {
        return TestDatabases.freshPostgresSchema();
    }
}
