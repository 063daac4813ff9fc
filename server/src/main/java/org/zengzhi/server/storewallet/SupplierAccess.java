package org.zengzhi.server.storewallet;

import java.util.concurrent.CompletableFuture;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

/**
 * Who may read and act for a supplier's wallet and statements (issue 19 item 2): the supplier's owner in the
 * engine and a login bound to it ({@link SupplierLogins}) act; operators read too (and review withdrawals in the
 * common queue) but never act for a supplier's cash.
 */
@Component
class SupplierAccess {
    private final EngineGateway gateway;
    private final SupplierLogins logins;

    SupplierAccess(EngineGateway gateway, SupplierLogins logins) {
        this.gateway = gateway;
        this.logins = logins;
    }

    /** A supplier the engine knows, with its owner (null when it has none). */
    record Known(boolean exists, String owner) {
    }

    CompletableFuture<Known> known(String supplier) {
        return gateway.query(engine -> new Known(engine.knowsSupplier(supplier), engine.supplierOwner(supplier)));
    }

    /** Null when the caller may act for the supplier: its owner or its bound login. Operators review, not withdraw. */
    Response refusedToAct(OAuth2AuthenticatedPrincipal me, String supplier, Known known) {
        if (!known.exists()) {
            return unknown(supplier);
        }
        return actsFor(me, supplier, known.owner()) ? null : forbidden();
    }

    /** Null when the caller may read the supplier's wallet: those who act for it, and operators. */
    Response refusedToRead(OAuth2AuthenticatedPrincipal me, String supplier, Known known) {
        if (!known.exists()) {
            return unknown(supplier);
        }
        return Access.isOperator(me) || actsFor(me, supplier, known.owner()) ? null : forbidden();
    }

    boolean actsFor(OAuth2AuthenticatedPrincipal me, String supplier, String owner) {
        return logins.boundTo(me, supplier) || (me.getName().equals(owner) && !Access.isOperator(me));
    }

    static Response forbidden() {
        return Problems.problem(403, "Forbidden", "supplier", "only the supplier's owner may do this");
    }

    static Response unknown(String supplier) {
        return Problems.problem(404, "Not found", "supplier", "no supplier " + supplier);
    }
}
