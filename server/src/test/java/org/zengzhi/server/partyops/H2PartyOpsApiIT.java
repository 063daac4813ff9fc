package org.zengzhi.server.partyops;

import java.nio.file.Path;

import org.zengzhi.server.TestDatabases;

/** The four-party operator's API on H2 (the embedded default). Every test is inherited. */
class H2PartyOpsApiIT extends PartyOpsApiTests {
    @Override
    String[] database(Path temp) {
        return TestDatabases.h2(temp.resolve("data"));
    }
}
