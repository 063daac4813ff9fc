package org.zengzhi.server.green;

import org.springframework.stereotype.Component;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.account.RoleHome;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;

/** Under a green-points plan a promoter lands on its month: rank, metric, promotion and income (issue 20 item 3). */
@Component
class GreenPromoterHome implements RoleHome {
    private final EngineGateway gateway;

    GreenPromoterHome(EngineGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Role role() {
        return Role.PROMOTER;
    }

    @Override
    public String path() {
        boolean green = Boolean.TRUE.equals(ConsoleCalls.await(gateway.query(engine -> engine.models().green() != null)));
        return green ? "/console/green#promoter" : null;
    }
}
