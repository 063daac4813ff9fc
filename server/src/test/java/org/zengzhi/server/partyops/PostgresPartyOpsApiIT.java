package org.zengzhi.server.partyops;

import java.nio.file.Path;

import org.zengzhi.server.TestDatabases;

/** The four-party operator's API on real PostgreSQL, in a schema of its own. Every test is inherited. */
class PostgresPartyOpsApiIT extends PartyOpsApiTests {
    @Override
    String[] database(Path temp) throws Exception {
        return TestDatabases.freshPostgresSchema();
    }
}
