package org.zengzhi.server.tenants;

import java.time.Instant;

/** One tenant of the deployment beside the default one, as {@code deployment_tenant} keeps it. */
public record TenantRecord(String slug, String name, String planSource, String planYaml, String schema, Status status,
        Instant createdAt) {

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
