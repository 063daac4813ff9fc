package org.zengzhi.server.party;

import org.junit.jupiter.api.BeforeAll;
import org.zengzhi.server.TestDatabases;

/** {@link PartyApiIT} on real PostgreSQL (a fresh schema) instead of the embedded H2. */
class PostgresPartyApiIT extends PartyApiIT {

    /** Hides the H2 start of the superclass, so only this one runs for this class. */
    @BeforeAll
    static void start() throws Exception {
        startOn(TestDatabases.freshPostgresSchema());
    }
}
