package org.zengzhi.server.console;

import org.junit.jupiter.api.BeforeAll;
import org.zengzhi.server.TestDatabases;

/**
 * The console's main flows in a real browser again, with the server on real PostgreSQL (a fresh schema)
 * instead of the embedded H2: every test of {@link ConsoleBrowserIT} is inherited.
 */
class PostgresConsoleBrowserIT extends ConsoleBrowserIT {

    /** Hides the H2 start of the superclass, so only this one runs for this class. */
    @BeforeAll
    static void start() throws Exception {
        startOn(TestDatabases.freshPostgresSchema());
    }
}
