package org.zengzhi.server.tenants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The deployment's tenants in the root schema ({@code deployment_tenant}, V130). */
final class TenantDirectory {
    private static final String COLUMNS = "slug, name, plan_source, plan_yaml, schema_name, status, created_at, journal, "
            + "moved_to";

    private final JdbcTemplate jdbc;

    TenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<TenantRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM deployment_tenant ORDER BY created_at, slug", TenantDirectory::row);
    }

    TenantRecord bySlug(String slug) {
        return jdbc.query("SELECT " + COLUMNS + " FROM deployment_tenant WHERE slug = ?", TenantDirectory::row, slug)
                .stream().findFirst().orElse(null);
    }

    void insert(TenantRecord tenant) {
        jdbc.update("INSERT INTO deployment_tenant (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant.slug(),
                tenant.name(), tenant.planSource(), tenant.planYaml(), tenant.schema(), tenant.status().name(),
                Timestamp.from(tenant.createdAt()), tenant.journal() == null ? null : tenant.journal().name(),
                tenant.movedTo());
    }

    /**
     * Sets the status of a tenant that is not closed (nor, to resume it, moved to another cluster), in one
     * conditional write; false if none was changed.
     */
    boolean setStatus(String slug, TenantRecord.Status status) {
        return jdbc.update("UPDATE deployment_tenant SET status = ? WHERE slug = ? AND status <> ? AND (moved_to IS NULL "
                + "OR status = ?)", status.name(), slug, TenantRecord.Status.CLOSED.name(), status.name()) == 1;
    }

    /** Closes a suspended tenant, in one conditional write; false if it was not suspended (or does not exist). */
    boolean close(String slug) {
        return jdbc.update("UPDATE deployment_tenant SET status = ? WHERE slug = ? AND status = ?",
                TenantRecord.Status.CLOSED.name(), slug, TenantRecord.Status.SUSPENDED.name()) == 1;
    }

    /** Renames a tenant that is not closed (the slug stays); false if none was changed. */
    boolean rename(String slug, String name) {
        return jdbc.update("UPDATE deployment_tenant SET name = ? WHERE slug = ? AND status <> ?", name, slug,
                TenantRecord.Status.CLOSED.name()) == 1;
    }

    /** The schema the root context runs in (e.g. {@code public}); tenants' schemas are named after it. */
    String currentSchema() {
        return jdbc.queryForObject("SELECT current_schema()", String.class);
    }

    void createSchema(String schema) {
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }

    private static TenantRecord row(ResultSet rs, int i) throws SQLException {
        return new TenantRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                TenantRecord.Status.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                rs.getString(8) == null ? null : TenantRecord.JournalKind.valueOf(rs.getString(8)), rs.getString(9));
    }
}
