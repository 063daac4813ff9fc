package org.zengzhi.server.agent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zengzhi.engine.RegionLevel;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.network.MerchantProfile;
import org.zengzhi.engine.network.Regions;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.localize.PlanTime;
import org.zengzhi.server.merchant.StoreSettings;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agent's own view (区域代理, R-4.5, issue 20 item 4): each region it was appointed to, the stores in it with their
 * GMV of today and of this month, and its income by level (区代/市代/省代) for each of the last
 * {@value #MONTHS_SHOWN} months. Days and months are calendar days and months of the plan's zone.
 */
@Component
class AgentOverview {
    static final int MONTHS_SHOWN = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EngineGateway gateway;
    private final AgentQueries queries;
    private final StoreSettings settings;

    AgentOverview(EngineGateway gateway, AgentQueries queries, StoreSettings settings) {
        this.gateway = gateway;
        this.queries = queries;
        this.settings = settings;
    }

    /** The view of GET /me/agent; {@code regions} is empty for someone who is no agent. */
    String of(String user) {
        List<AgentRegions.Region> regions = ConsoleCalls.await(gateway.query(engine -> AgentRegions.of(engine, user)));
        ZoneId zone = PlanTime.zone();
        Instant today = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        YearMonth month = YearMonth.now(zone);
        Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
        ObjectNode view = JSON.createObjectNode();
        view.put("agent", user);
        view.put("zone", zone.getId());
        view.put("today", LocalDate.now(zone).toString());
        view.put("month", month.toString());
        ArrayNode list = view.putArray("regions");
        for (AgentRegions.Region region : regions) {
            region(list.addObject(), region, today, monthStart);
        }
        income(view.putArray("income"), user, month, zone);
        return JSON.writeValueAsString(view);
    }

    private void region(ObjectNode node, AgentRegions.Region region, Instant today, Instant monthStart) {
        node.put("code", region.code());
        node.put("name", regionName(region.code()));
        node.put("level", region.level());
        List<String> ids = region.stores().stream().map(MerchantProfile::merchant).toList();
        Map<String, long[]> day = byStore(queries.gmvSince(ids, today));
        Map<String, long[]> monthly = byStore(queries.gmvSince(ids, monthStart));
        long dayTotal = 0;
        long monthTotal = 0;
        ArrayNode stores = node.putArray("stores");
        for (MerchantProfile store : region.stores()) {
            long[] d = day.getOrDefault(store.merchant(), new long[2]);
            long[] m = monthly.getOrDefault(store.merchant(), new long[2]);
            ObjectNode row = stores.addObject();
            row.put("merchant", store.merchant());
            row.put("name", settings.find(store.merchant()).displayName());
            row.put("region", store.region());
            row.put("regionName", regionName(store.region()));
            row.put("suspended", store.suspended());
            row.put("gmvToday", Units.formatFen(d[0]));
            row.put("ordersToday", d[1]);
            row.put("gmvMonth", Units.formatFen(m[0]));
            row.put("ordersMonth", m[1]);
            dayTotal += d[0];
            monthTotal += m[0];
        }
        node.put("gmvToday", Units.formatFen(dayTotal));
        node.put("gmvMonth", Units.formatFen(monthTotal));
    }

    /** Settled income (AVAILABLE) by level per month, newest first, and what is still pending in each. */
    private void income(ArrayNode months, String user, YearMonth newest, ZoneId zone) {
        for (int back = 0; back < MONTHS_SHOWN; back++) {
            YearMonth month = newest.minusMonths(back);
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Map<String, Long> settled = new HashMap<>();
            long pending = 0;
            for (Map<String, Object> row : queries.incomeBetween(user, from, to)) {
                long amount = ((Number) row.get("amount")).longValue();
                if ("AVAILABLE".equals(row.get("status"))) {
                    settled.merge(String.valueOf(row.get("agent_level")), amount, Long::sum);
                } else if ("PENDING".equals(row.get("status"))) {
                    pending += amount;
                }
            }
            ObjectNode node = months.addObject();
            node.put("month", month.toString());
            long total = 0;
            for (RegionLevel level : List.of(RegionLevel.DISTRICT, RegionLevel.CITY, RegionLevel.PROVINCE)) {
                long fen = settled.getOrDefault(level.name(), 0L);
                node.put(level.name(), Units.formatFen(fen));
                total += fen;
            }
            node.put("total", Units.formatFen(total));
            node.put("pending", Units.formatFen(pending));
        }
    }

    private static Map<String, long[]> byStore(List<Map<String, Object>> rows) {
        Map<String, long[]> byStore = new HashMap<>();
        for (Map<String, Object> row : rows) {
            byStore.put((String) row.get("merchant"), new long[] {((Number) row.get("gmv")).longValue(),
                ((Number) row.get("orders")).longValue()});
        }
        return byStore;
    }

    private static String regionName(String code) {
        List<Regions.Region> path = new ArrayList<>(Regions.standard().pathToRoot(code));
        Collections.reverse(path);
        return String.join(" ", path.stream().map(Regions.Region::name).toList());
    }
}
