package org.zengzhi.server.operator;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.web.GatewayCalls;

/**
 * 融资补贴: cash into the pool with no points minted, for the operator's API and the dashboard's confirmed
 * form alike: one journaled InjectSubsidy under the "subsidy" scope, named by the scope and the key, hashed over
 * the amount and the reason.
 */
@Component
class Subsidies {
    private final EngineGateway gateway;

    Subsidies(EngineGateway gateway) {
        this.gateway = gateway;
    }

    CompletableFuture<ResponseEntity<String>> inject(long amountFen, String reason, String key) {
        return GatewayCalls.submit(gateway, "subsidy", key, amountFen + "|" + reason,
                now -> new Command.InjectSubsidy("subsidy:" + key, now, amountFen, reason));
    }
}
