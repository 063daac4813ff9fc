package org.zengzhi.server.tenants;

import java.util.Set;

import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.JsonBody;

/**
 * The bodies of the deployment operator's edits to an existing tenant: a rename ({@code {"name": "…"}}; the slug
 * stays, it is in every URL and the schema's name) and a closing ({@code {"confirm": "<slug>"}}, the slug typed
 * again, as a deliberate act).
 */
final class TenantEditBody {
    private TenantEditBody() {
    }

    /** The new display name, checked as a created tenant's is. */
    static String name(byte[] body) throws InvalidFieldException {
        return TenantRequestBody.name(JsonBody.object(body, Set.of("name"), "a rename"));
    }

    /** Refuses a closing whose {@code confirm} is not the tenant's slug. */
    static void confirmClosing(byte[] body, String slug) throws InvalidFieldException {
        String typed = TenantRequestBody.text(JsonBody.object(body, Set.of("confirm"), "a closing"), "confirm");
        if (!typed.equals(slug)) {
            throw new InvalidFieldException("confirm", "must be the tenant's slug, typed again to confirm the closing");
        }
    }
}
