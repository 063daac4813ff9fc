package org.zengzhi.server.team;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.server.localize.PlanTime;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON views of a consumer's team (直推/间推 and what each earned them), reward history and member tier (会员等级,
 * ), shared by the API and the wallet page. Times come twice: {@code …At}, an ISO instant for scripts, and
 * {@code …AtLocal}, as people read it in the plan's zone.
 */
public final class TeamViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PERCENT = 100;

    private TeamViews() {
    }

    /** The team in the shape of GET /me/team. */
    public static String team(String user, Members members) {
        ObjectNode view = JSON.createObjectNode();
        view.put("user", user);
        view.put("zone", PlanTime.zone().getId());
        Map<String, Earned> earned = earned(members.earned());
        level(view.putObject("direct"), members.directCount(), members.direct(), earned);
        level(view.putObject("indirect"), members.indirectCount(), members.indirect(), earned);
        long total = earned.values().stream().mapToLong(Earned::settledFen).sum();
        long pending = earned.values().stream().mapToLong(Earned::pendingFen).sum();
        view.put("earned", Units.formatFen(total));
        view.put("pending", Units.formatFen(pending));
        return JSON.writeValueAsString(view);
    }

    /** The rows a team view is made of, read by {@link TeamQueries}. */
    public record Members(int directCount, List<Map<String, Object>> direct, int indirectCount,
            List<Map<String, Object>> indirect, List<Map<String, Object>> earned) {
    }

    /** What one member's orders earned the team's head: settled and pending fen, and settled fen by reward kind. */
    private record Earned(long settledFen, long pendingFen, Map<String, Long> byKindFen) {
    }

    private static Map<String, Earned> earned(List<Map<String, Object>> rows) {
        Map<String, Earned> byMember = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String member = (String) row.get("member");
            long settled = ((Number) row.get("earned")).longValue();
            long pending = ((Number) row.get("pending")).longValue();
            Earned before = byMember.getOrDefault(member, new Earned(0, 0, new LinkedHashMap<>()));
            before.byKindFen().merge((String) row.get("kind"), settled, Long::sum);
            byMember.put(member, new Earned(before.settledFen() + settled, before.pendingFen() + pending,
                    before.byKindFen()));
        }
        return byMember;
    }

    private static void level(ObjectNode level, int count, List<Map<String, Object>> rows, Map<String, Earned> earned) {
        level.put("count", count);
        ArrayNode members = level.putArray("members");
        for (Map<String, Object> row : rows) {
            ObjectNode member = members.addObject();
            String name = (String) row.get("username");
            member.put("user", name);
            member.put("displayName", (String) row.get("display_name"));
            if (row.containsKey("via")) {
                member.put("via", (String) row.get("via"));
            }
            member.put("how", (String) row.get("how"));
            member.put("joinedAt", ReadTimes.iso(row.get("joined_at")));
            member.put("joinedAtLocal", local(row.get("joined_at")));
            Earned from = earned.getOrDefault(name, new Earned(0, 0, Map.of()));
            member.put("earned", Units.formatFen(from.settledFen()));
            member.put("pending", Units.formatFen(from.pendingFen()));
            ObjectNode byKind = member.putObject("earnedByKind");
            from.byKindFen().forEach((kind, fen) -> byKind.put(kind, Units.formatFen(fen)));
        }
    }

    /** One page of rewards in the shape of GET /me/rewards. */
    public static String rewards(List<Map<String, Object>> rows, int page, int size, int total) {
        ObjectNode view = JSON.createObjectNode();
        view.put("page", page);
        view.put("size", size);
        view.put("total", total);
        view.put("zone", PlanTime.zone().getId());
        ArrayNode items = view.putArray("rewards");
        for (Map<String, Object> row : rows) {
            ObjectNode item = items.addObject();
            item.put("order", (String) row.get("order_id"));
            item.put("kind", (String) row.get("kind"));
            item.put("agentLevel", (String) row.get("agent_level"));
            item.put("from", (String) row.get("buyer"));
            item.put("store", (String) row.get("merchant"));
            item.put("channel", (String) row.get("channel"));
            item.put("amount", Units.formatFen(((Number) row.get("amount")).longValue()));
            item.put("clawedBack", Units.formatFen(((Number) row.get("clawed_back")).longValue()));
            item.put("status", (String) row.get("status"));
            item.put("at", ReadTimes.iso(row.get("changed_at")));
            item.put("atLocal", local(row.get("changed_at")));
        }
        return JSON.writeValueAsString(view);
    }

    /**
     * The member tier of {@code user}: the highest tier whose settled spend and invitees they reach, and what
     * the next tier needs, with progress in whole percent (the lesser of spend's and invitees'). Null for a user the
     * engine does not know. Runs on the gateway's reader.
     */
    public static String tier(Engine engine, String user) {
        Network network = engine.models().network();
        Participants participants = network.participants();
        int id = participants.find(user);
        if (id < 0) {
            return null;
        }
        long spend = participants.settledSpend(id);
        int invitees = participants.invitees(id);
        Plan.Tier current = network.tierOf(id);
        List<Plan.Tier> tiers = engine.plan().tiers();
        Plan.Tier next = null;
        for (int i = current == null ? 0 : tiers.indexOf(current) + 1; i < tiers.size() && next == null; i++) {
            if (spend < tiers.get(i).minSpendFen() || invitees < tiers.get(i).minInvitees()) {
                next = tiers.get(i);
            }
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("user", user);
        view.put("tier", current == null ? null : current.name());
        view.put("settledSpend", Units.formatFen(spend));
        view.put("invitees", invitees);
        view.put("tiers", tiers.size());
        if (next == null) {
            view.putNull("next");
        } else {
            ObjectNode needs = view.putObject("next");
            needs.put("tier", next.name());
            needs.put("minSpend", Units.formatFen(next.minSpendFen()));
            needs.put("minInvitees", next.minInvitees());
            needs.put("spendToGo", Units.formatFen(Math.max(0, next.minSpendFen() - spend)));
            needs.put("inviteesToGo", Math.max(0, next.minInvitees() - invitees));
            needs.put("progressPercent", Math.min(percent(spend, next.minSpendFen()), percent(invitees, next.minInvitees())));
        }
        return JSON.writeValueAsString(view);
    }

    /** Whole percent of {@code have} against {@code need}, at most 100; a need of nothing is met. */
    private static long percent(long have, long need) {
        if (need <= 0) {
            return PERCENT;
        }
        return have >= need ? PERCENT : Exact.mulDivFloor(have, PERCENT, need);
    }

    private static String local(Object time) {
        Instant instant = time instanceof Timestamp timestamp ? timestamp.toInstant()
                : time instanceof OffsetDateTime offset ? offset.toInstant() : null;
        return PlanTime.format(instant);
    }
}
