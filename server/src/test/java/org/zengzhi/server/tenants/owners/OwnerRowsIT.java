package org.zengzhi.server.tenants.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The deployment's cluster tables (V145) on the real PostgreSQL, migrated as the server migrates them: an owner
 * row is replaced only by a newer generation of the group, released only by its own node and generation
 * (issue 21 deliver 2: "an older generation never overwrites a newer one"); partitions are given once, from 1,
 * in order of creation.
 */
class OwnerRowsIT {
    private static final String URL = System.getProperty("zengzhi.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    private JdbcTemplate jdbc;

    @BeforeEach
    void migrate() {
        String schema = "owners_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure().dataSource(URL, "postgres", "").schemas(schema)
                .locations("classpath:db/migration", "classpath:db/postgresql").load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(URL + "?currentSchema=" + schema, "postgres", ""));
        tenant("alpha", "2026-01-01T00:00:00Z");
        tenant("beta", "2026-01-02T00:00:00Z");
    }

    @Test
    void aClaimReplacesOnlyAnOlderGenerationAndAReleaseOnlyItsOwnRow() {
        OwnerRows rows = new OwnerRows(jdbc, Clock.systemUTC());
        assertThat(rows.claim("alpha", "http://a", 5)).isTrue();
        assertThat(rows.claim("alpha", "http://b", 3)).as("a late claim of an earlier owner").isFalse();
        assertThat(rows.claim("alpha", "http://b", 5)).as("the same generation").isFalse();
        assertThat(rows.owner("alpha")).isEqualTo("http://a");
        assertThat(rows.claim("alpha", "http://b", 7)).isTrue();
        assertThat(rows.owner("alpha")).isEqualTo("http://b");

        rows.release("alpha", "http://a", 5);
        assertThat(rows.owner("alpha")).as("the earlier owner's release deletes nothing").isEqualTo("http://b");
        rows.release("alpha", "http://b", 6);
        assertThat(rows.owner("alpha")).isEqualTo("http://b");
        rows.release("alpha", "http://b", 7);
        assertThat(rows.owner("alpha")).isNull();
        assertThat(rows.owner("beta")).isNull();
    }

    @Test
    void partitionsAreGivenOnceFromOneInOrderOfCreation() {
        TenantPartitions partitions = new TenantPartitions(jdbc);
        partitions.assignMissing();
        assertThat(partitions.all()).isEqualTo(Map.of("alpha", 1, "beta", 2));
        partitions.assignMissing();
        assertThat(partitions.all()).as("a second pass changes nothing").isEqualTo(Map.of("alpha", 1, "beta", 2));
        tenant("gamma", "2025-12-31T00:00:00Z");
        partitions.assignMissing();
        assertThat(partitions.all()).as("a new tenant gets the next number, whatever its date")
                .isEqualTo(Map.of("alpha", 1, "beta", 2, "gamma", 3));
    }

    private void tenant(String slug, String created) {
        jdbc.update("INSERT INTO deployment_tenant (slug, name, plan_source, plan_yaml, schema_name, status, created_at) "
                + "VALUES (?, ?, 'local-life.yaml', 'x', ?, 'ACTIVE', ?)", slug, slug, "s_" + slug,
                Timestamp.from(Instant.parse(created)));
    }
}
