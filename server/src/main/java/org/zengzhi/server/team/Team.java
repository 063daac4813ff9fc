package org.zengzhi.server.team;

import org.springframework.stereotype.Component;

/** Reads a team and a reward history from {@link TeamQueries} into the views the API and the wallet page share. */
@Component
public class Team {
    private final TeamQueries queries;

    Team(TeamQueries queries) {
        this.queries = queries;
    }

    public String of(String user) {
        return TeamViews.team(user, new TeamViews.Members(queries.directCount(user), queries.direct(user),
                queries.indirectCount(user), queries.indirect(user), queries.earnedFromTeam(user)));
    }

    /** One page; {@code page} and {@code size} are checked by the caller. */
    public String rewards(String user, int page, int size) {
        return TeamViews.rewards(queries.rewards(user, page, size), page, size, queries.rewardCount(user));
    }
}
