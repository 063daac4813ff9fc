package org.zengzhi.server.tenants;

/**
 * Where the deployment's tenants run. On one server (the default, {@link #ONE_SERVER}) every active tenant runs
 * here and the default tenant answers at the root. In cluster mode ({@code zengzhi.cluster.bootstrap-servers},
 * docs/cluster.md "Server nodes: ownership and redirects") a tenant runs only on the node the consumer group gives
 * its partition to, and this node's routing redirects the others' requests there.
 */
public interface TenantPlacement {
    /** Whether the tenant may run on this node now (its context started here). */
    boolean runsHere(String slug);

    /** The base URL of the live node that serves the tenant, if that is another node; else null. */
    String ownerUrl(String slug);

    /** Whether the root paths serve the default tenant (one server) or only the deployment layer (cluster). */
    boolean servesDefaultTenant();

    /** A tenant was created, suspended or resumed here: the placement looks again at once. */
    void changed();

    /** One server: every tenant here, the default tenant at the root, nothing to redirect. */
    TenantPlacement ONE_SERVER = new TenantPlacement() {
        @Override
        public boolean runsHere(String slug) {
            return true;
        }

        @Override
        public String ownerUrl(String slug) {
            return null;
        }

        @Override
        public boolean servesDefaultTenant() {
            return true;
        }

        @Override
        public void changed() {
        }
    };
}
