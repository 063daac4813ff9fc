package org.zengzhi.server.tenants.owners;

import java.util.List;

import org.zengzhi.server.tenants.TenantRecord;
import org.zengzhi.server.tenants.Tenants;

/**
 * What {@link OwnerLifecycle} asks of the server's {@link Tenants}: read the directory, start and stop a tenant here,
 * keep standby contexts of the others.
 */
interface TenantRunner {
    /** Reads the directory again (tenants created or suspended on any node). */
    List<TenantRecord> refresh();

    boolean runsHere(String slug);

    /** Starts an active tenant here (its journal recovers first); false if it is not active. */
    boolean startHere(String slug) throws Exception;

    void stopHere(String slug);

    /** Builds a standby context for an active tenant another node serves; false if it has one or is not active. */
    boolean standBy(String slug) throws Exception;

    boolean standsByHere(String slug);

    /** How many standby contexts this node holds. */
    int standbys();

    static TenantRunner of(Tenants tenants) {
        return new TenantRunner() {
            @Override
            public List<TenantRecord> refresh() {
                return tenants.refresh();
            }

            @Override
            public boolean runsHere(String slug) {
                return tenants.runsHere(slug);
            }

            @Override
            public boolean startHere(String slug) throws Exception {
                return tenants.startHere(slug);
            }

            @Override
            public void stopHere(String slug) {
                tenants.stopHere(slug);
            }

            @Override
            public boolean standBy(String slug) throws Exception {
                return tenants.standBy(slug);
            }

            @Override
            public boolean standsByHere(String slug) {
                return tenants.standsByHere(slug);
            }

            @Override
            public int standbys() {
                return tenants.standbys();
            }
        };
    }
}
