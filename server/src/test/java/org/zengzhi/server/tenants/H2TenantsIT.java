package org.zengzhi.server.tenants;

import java.nio.file.Files;

import org.zengzhi.server.TestDatabases;

/** Tenants on the embedded default: H2 in file mode, each tenant a schema of the one database file. */
class H2TenantsIT extends TenantsTests {
    @Override
    String[] database() throws Exception {
        return TestDatabases.h2(Files.createTempDirectory("zengzhi-tenants-it"));
    }
}
