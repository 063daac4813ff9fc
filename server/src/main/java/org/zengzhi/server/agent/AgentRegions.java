package org.zengzhi.server.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.network.MerchantProfile;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.network.RegionDirectory;

/**
 * What an agent (区域代理, R-4.5) oversees, read from the engine on the gateway's reader: the regions it was appointed
 * to (AppointAgent) and the stores whose region lies in one of them. Agents are few (at most one per region), so
 * their map is walked; stores are walked once per page view, at most {@value #MERCHANTS_SCANNED_MAX}.
 */
final class AgentRegions {
    static final int MERCHANTS_SCANNED_MAX = 100_000;
    static final int STORES_MAX = 500;

    private AgentRegions() {
    }

    /** An agent's region and the stores in it (their ids and own region codes). */
    record Region(String code, String level, List<MerchantProfile> stores) {
    }

    /** The regions {@code user} is the agent of, each with its stores; empty for anyone who is no agent. */
    static List<Region> of(Engine engine, String user) {
        Network network = engine.models().network();
        int id = network.participants().find(user);
        List<Region> regions = new ArrayList<>();
        if (id < 0) {
            return regions;
        }
        for (Map.Entry<String, Integer> agent : network.agents().entrySet()) {
            if (agent.getValue() == id) {
                List<RegionDirectory.RegionRef> path = network.regions().path(agent.getKey());
                String level = path.isEmpty() ? null : path.get(0).level().name();
                regions.add(new Region(agent.getKey(), level, stores(engine, network, agent.getKey())));
            }
        }
        regions.sort((a, b) -> a.code().compareTo(b.code()));
        return regions;
    }

    private static List<MerchantProfile> stores(Engine engine, Network network, String region) {
        List<MerchantProfile> inside = new ArrayList<>();
        int count = Math.min(engine.merchantCount(), MERCHANTS_SCANNED_MAX);
        for (MerchantProfile merchant : engine.merchants(0, count)) {
            if (inside.size() < STORES_MAX && network.regions().path(merchant.region()).stream()
                    .anyMatch(ref -> ref.code().equals(region))) {
                inside.add(merchant);
            }
        }
        return inside;
    }
}
