package org.zengzhi.server.green;

import org.junit.jupiter.api.BeforeAll;
import org.zengzhi.server.TestDatabases;

/** {@link GreenApiTests} on a fresh schema of the real PostgreSQL (the read models' COPY path included). */
class GreenApiPostgresIT extends GreenApiTests {
    @BeforeAll
    static void startOnPostgres() throws Exception {
        start(TestDatabases.freshPostgresSchema());
    }
}
