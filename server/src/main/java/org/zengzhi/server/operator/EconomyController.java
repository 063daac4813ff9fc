package org.zengzhi.server.operator;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.web.GatewayCalls;

/** The economy at a glance for the operator: the pool and the platform's accounts, and the invariants checked now. */
@RestController
@RequestMapping("/api/v1")
class EconomyController {
    private final EngineGateway gateway;

    EconomyController(EngineGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/economy")
    CompletableFuture<ResponseEntity<String>> economy() {
        return GatewayCalls.json(gateway.query(EconomyViews::economy));
    }

    /** The invariants of checked now (O(n)), the state hash and the journal position. */
    @GetMapping("/operator/check")
    CompletableFuture<ResponseEntity<String>> check() {
        return GatewayCalls.json(gateway.query(EconomyViews::check));
    }
}
