package org.zengzhi.server.party;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import org.zengzhi.server.storewallet.SupplierLogins;

/**
 * The supplier logins of the four-party console (a SUPPLIER account bound to one supplier in
 * {@code supplier_accounts}, made by the operator's supplier registration) act for their supplier's wallet.
 */
@Component
class BoundSupplierLogins implements SupplierLogins {
    private final PartyQueries queries;

    BoundSupplierLogins(PartyQueries queries) {
        this.queries = queries;
    }

    @Override
    public boolean boundTo(OAuth2AuthenticatedPrincipal me, String supplier) {
        return supplier.equals(queries.supplierOf(me.getName()));
    }

    @Override
    public String supplierOf(String username) {
        return queries.supplierOf(username);
    }
}
