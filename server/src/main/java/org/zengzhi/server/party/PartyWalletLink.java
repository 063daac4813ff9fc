package org.zengzhi.server.party;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;

/**
 * Tells the consumer's wallet pages whether the plan in force has the four-party section, so that the wallet
 * links to the 贡献值 wallet and the promoter ladder only then (issue 20 item 3).
 */
@ControllerAdvice(basePackages = "org.zengzhi.server.wallet")
class PartyWalletLink {
    private final EngineGateway gateway;

    PartyWalletLink(EngineGateway gateway) {
        this.gateway = gateway;
    }

    @ModelAttribute("fourParty")
    boolean fourParty() {
        return Boolean.TRUE.equals(ConsoleCalls.await(gateway.query(engine -> engine.party() != null)));
    }
}
