package org.zengzhi.server.merchant;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.web.GatewayCalls;

/**
 * Regional agents (区代/市代/省代, R-4.5), for the operator's API and the console's merchants and agents page: each
 * action is one journaled command under its own idempotency scope, named by the scope and the key.
 */
@Component
public class Agents {
    private final EngineGateway gateway;

    Agents(EngineGateway gateway) {
        this.gateway = gateway;
    }

    public CompletableFuture<ResponseEntity<String>> appoint(String user, String region, String key) {
        return GatewayCalls.submit(gateway, "agent", key, user + "|" + region,
                now -> new Command.AppointAgent("agent:" + key, now, user, region));
    }

    public CompletableFuture<ResponseEntity<String>> remove(String region, String key) {
        return GatewayCalls.submit(gateway, "removeAgent", key, region,
                now -> new Command.RemoveAgent("removeAgent:" + key, now, region));
    }
}
