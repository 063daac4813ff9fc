package org.zengzhi.server.merchant;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.web.GatewayCalls;

/**
 * Suspending or reinstating a merchant, for the operator's API and the console's merchant list: one
 * journaled SuspendMerchant under the "suspend" idempotency scope; the engine rejects an unknown merchant or a
 * blank reason.
 */
@Component
public class Suspensions {
    private final EngineGateway gateway;

    Suspensions(EngineGateway gateway) {
        this.gateway = gateway;
    }

    public CompletableFuture<ResponseEntity<String>> suspend(String merchant, boolean suspended, String reason,
            String key) {
        return GatewayCalls.submit(gateway, "suspend", key, merchant + "|" + suspended + "|" + reason,
                now -> new Command.SuspendMerchant("suspend:" + key, now, merchant, suspended, reason));
    }
}
