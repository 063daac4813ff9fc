package org.zengzhi.server.tenants.owners;

import java.util.HashMap;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which partition of the tenants topic stands for each tenant ({@code deployment_tenant_partition}, V145). A
 * tenant's number never changes once written; numbers start at 1 (partition 0 is reserved) and are given in order
 * of creation by one statement, which the unique keys make safe when two nodes run it at once.
 */
final class TenantPartitions {
    private static final int ATTEMPTS_MAX = 5;

    private final JdbcTemplate jdbc;

    TenantPartitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Gives every tenant without a partition the next free numbers; a node that loses a race tries again. */
    void assignMissing() {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.update("INSERT INTO deployment_tenant_partition (slug, partition_no) SELECT t.slug, "
                        + "(SELECT COALESCE(MAX(partition_no), 0) FROM deployment_tenant_partition) "
                        + "+ ROW_NUMBER() OVER (ORDER BY t.created_at, t.slug) FROM deployment_tenant t WHERE NOT EXISTS "
                        + "(SELECT 1 FROM deployment_tenant_partition p WHERE p.slug = t.slug)");
                return;
            } catch (DataIntegrityViolationException e) {
                if (attempt == ATTEMPTS_MAX) {
                    throw e;
                }
            }
        }
    }

    /** Every tenant's partition, by slug. */
    Map<String, Integer> all() {
        Map<String, Integer> partitions = new HashMap<>();
        jdbc.query("SELECT slug, partition_no FROM deployment_tenant_partition",
                rs -> {
                    partitions.put(rs.getString(1), rs.getInt(2));
                });
        return partitions;
    }
}
