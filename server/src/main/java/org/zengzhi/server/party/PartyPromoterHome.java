package org.zengzhi.server.party;

import org.springframework.stereotype.Component;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.account.RoleHome;

/** Under a four-party plan a promoter lands on the seed-000 ladder page (issue 20 item 3). */
@Component
class PartyPromoterHome implements RoleHome {
    private final PartyPlan plan;

    PartyPromoterHome(PartyPlan plan) {
        this.plan = plan;
    }

    @Override
    public Role role() {
        return Role.PROMOTER;
    }

    @Override
    public String path() {
        return plan.enabled() ? "/console/party-promoter" : null;
    }
}
