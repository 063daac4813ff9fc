package org.zengzhi.server.storewallet;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;

/**
 * The binding of a supplier login read from the token's {@code supplier} attribute. A {@code @Primary}
 * {@link SupplierLogins} bean that reads the supplier-login binding table replaces it once that table exists.
 */
@Component
class TokenSupplierLogins implements SupplierLogins {
    @Override
    public boolean boundTo(OAuth2AuthenticatedPrincipal me, String supplier) {
        return supplier.equals(me.getAttribute("supplier"));
    }
}
