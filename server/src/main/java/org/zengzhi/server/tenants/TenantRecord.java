package org.zengzhi.server.tenants;

import java.time.Instant;

/** One tenant of the deployment beside the default one, as {@code deployment_tenant} keeps it. */
public record TenantRecord(String slug, String name, String planSource, String planYaml, String schema, Status status,
        Instant createdAt, JournalKind journal, String movedTo) {

    /** A tenant as created before V150: its journal follows the server's configuration; not moved. */
    public TenantRecord(String slug, String name, String planSource, String planYaml, String schema, Status status,
            Instant createdAt) {
        this(slug, name, planSource, planYaml, schema, status, createdAt, null, null);
    }

    /**
     * The journal a tenant's context runs on (V150, docs/cluster.md "Moving a tenant of the server nodes"): the
     * single-node SQL journal or the Kafka journal of the server's brokers; null (a tenant older than the column)
     * follows the server's configuration as before.
     */
    public enum JournalKind {
        SQL,
        KAFKA
    }

    /**
     * Whether the tenant is served: a suspended tenant's context is closed and its paths answer 503; a closed
     * tenant never starts again, its paths answer 410 and its schema is kept (docs/tenants.md, "Closing a tenant").
     */
    public enum Status {
        ACTIVE,
        SUSPENDED,
        CLOSED
    }
}
