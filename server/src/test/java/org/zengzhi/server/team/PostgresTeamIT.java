package org.zengzhi.server.team;

import org.zengzhi.server.TestDatabases;

/** Teams, rewards, tiers, phone sign-in and the agent's page on real PostgreSQL (migrations V80, V81 included). */
class PostgresTeamIT extends TeamTests {
    @Override
    String[] database() throws Exception {
        return TestDatabases.freshPostgresSchema();
    }
}
