package org.zengzhi.server.team;

import java.nio.file.Files;

import org.zengzhi.server.TestDatabases;

/** Teams, rewards, tiers, phone sign-in and the agent's page on the embedded default: H2 in file mode. */
class H2TeamIT extends TeamTests {
    @Override
    String[] database() throws Exception {
        return TestDatabases.h2(Files.createTempDirectory("zengzhi-team-it"));
    }
}
