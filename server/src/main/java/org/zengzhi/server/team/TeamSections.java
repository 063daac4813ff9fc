package org.zengzhi.server.team;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;

/**
 * The wallet page's team, latest rewards and tier (issue 20 item 1), as the API's views: the page reads the very
 * fields GET /me/team, /me/rewards and /me/tier return.
 */
@Component
public class TeamSections {
    /** Rewards the wallet lists; the rest are on the reward history page. */
    public static final int REWARDS_SHOWN = 5;

    private final Team team;
    private final EngineGateway gateway;

    TeamSections(Team team, EngineGateway gateway) {
        this.team = team;
        this.gateway = gateway;
    }

    public void addTo(Model model, String user) {
        model.addAttribute("team", ConsoleCalls.map(team.of(user)));
        model.addAttribute("latestRewards", ConsoleCalls.map(team.rewards(user, 0, REWARDS_SHOWN)));
        String tier = ConsoleCalls.await(gateway.query(engine -> TeamViews.tier(engine, user)));
        model.addAttribute("tier", tier == null ? null : ConsoleCalls.map(tier));
    }
}
