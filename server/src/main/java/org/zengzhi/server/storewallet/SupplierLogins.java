package org.zengzhi.server.storewallet;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * Who signs in for a supplier (issue 19 item 2): besides the supplier's owner in the engine (the user named when
 * the supplier registered), a login bound to the supplier acts for it. The supplier logins of the four-party
 * console (a SUPPLIER role bound to a supplier id, {@code party.BoundSupplierLogins}) plug in here.
 */
public interface SupplierLogins {
    /** True when the caller's login is bound to {@code supplier}. */
    boolean boundTo(OAuth2AuthenticatedPrincipal me, String supplier);

    /** The supplier the login {@code username} is bound to, or null: the console's wallet forms act for it. */
    String supplierOf(String username);
}
