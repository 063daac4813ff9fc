package org.zengzhi.server.party;

import org.springframework.stereotype.Component;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;

/**
 * Whether the plan in force has the four-party section, for templates ({@code ${@partyPlan.enabled()}}): the
 * consumer's wallet links to the 贡献值 wallet and the promoter ladder only then (issue 20 item 3).
 */
@Component("partyPlan")
public class PartyPlan {
    private final EngineGateway gateway;

    PartyPlan(EngineGateway gateway) {
        this.gateway = gateway;
    }

    public boolean enabled() {
        return Boolean.TRUE.equals(ConsoleCalls.await(gateway.query(engine -> engine.party() != null)));
    }
}
