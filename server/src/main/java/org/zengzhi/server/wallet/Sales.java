package org.zengzhi.server.wallet;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.web.GatewayCalls;

/**
 * Selling points back to the pool (卖出/兑换零钱, R-3.4), for the API's /me/sell and the wallet page's form alike:
 * the key is scoped to the seller, the request hash is the seller and the points, and the command's id is the
 * scope and the key, so the same key from either channel sells once.
 */
@Component
public class Sales {
    private final EngineGateway gateway;

    Sales(EngineGateway gateway) {
        this.gateway = gateway;
    }

    public CompletableFuture<ResponseEntity<String>> sell(String user, long pointsMicro, String key) {
        String scope = "sell:" + user;
        return GatewayCalls.submit(gateway, scope, key, user + "|" + pointsMicro,
                now -> new Command.SellPoints(scope + ":" + key, now, user, pointsMicro));
    }
}
