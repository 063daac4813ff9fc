package org.zengzhi.server.localize;

import org.springframework.stereotype.Component;
import org.zengzhi.engine.plan.Plan;

/** Points {@link PlanTime} at the tenant plan's zone when the server starts. */
@Component
class PlanTimeSetup {
    PlanTimeSetup(Plan plan) {
        PlanTime.use(PlanTime.zoneOf(plan));
    }
}
