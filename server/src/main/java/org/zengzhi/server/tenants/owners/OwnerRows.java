package org.zengzhi.server.tenants.owners;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The node serving each tenant ({@code deployment_tenant_owner}, V145), keyed by the consumer group's generation
 * in which the node got the tenant's partition. Each write is one conditional statement: a claim replaces only an
 * older generation (a late claim of an earlier owner changes nothing), a release deletes only the node's own row.
 */
final class OwnerRows {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OwnerRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records {@code nodeUrl} as the tenant's server from {@code generation} on; false if a newer one is there. */
    boolean claim(String slug, String nodeUrl, int generation) {
        Timestamp now = Timestamp.from(clock.instant());
        if (replace(slug, nodeUrl, generation, now)) {
            return true;
        }
        try {
            return jdbc.update("INSERT INTO deployment_tenant_owner (slug, node_url, generation, since) VALUES (?, ?, ?, ?)",
                    slug, nodeUrl, generation, now) == 1;
        } catch (DuplicateKeyException e) {
            // Another node inserted first: replace it only if its generation is older.
            return replace(slug, nodeUrl, generation, now);
        }
    }

    private boolean replace(String slug, String nodeUrl, int generation, Timestamp now) {
        return jdbc.update("UPDATE deployment_tenant_owner SET node_url = ?, generation = ?, since = ? "
                + "WHERE slug = ? AND generation < ?", nodeUrl, generation, now, slug, generation) == 1;
    }

    /** Deletes the row only if it is still this node's claim of that generation. */
    void release(String slug, String nodeUrl, int generation) {
        jdbc.update("DELETE FROM deployment_tenant_owner WHERE slug = ? AND node_url = ? AND generation = ?", slug,
                nodeUrl, generation);
    }

    /** The base URL of the node recorded as serving the tenant, or null. */
    String owner(String slug) {
        return jdbc.query("SELECT node_url FROM deployment_tenant_owner WHERE slug = ?", (rs, i) -> rs.getString(1), slug)
                .stream().findFirst().orElse(null);
    }
}
