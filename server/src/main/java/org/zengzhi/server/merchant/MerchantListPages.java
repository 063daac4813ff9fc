package org.zengzhi.server.merchant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.network.MerchantProfile;
import org.zengzhi.engine.network.Regions;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.console.ConsoleViews;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.order.OrderQueries;

/**
 * The operator's merchant list: every merchant with its owner, recruiter, region, commission
 * rate and suspension, read from the engine, with orders and GMV from the orders read model; suspending and
 * reinstating go through the API's own path (POST /api/v1/operator/merchants/{merchant}/suspension).
 */
@Controller
class MerchantListPages {
    static final int PAGE_SIZE = 50;

    private final EngineGateway gateway;
    private final OrderQueries orders;
    private final Suspensions suspensions;

    MerchantListPages(EngineGateway gateway, OrderQueries orders, Suspensions suspensions) {
        this.gateway = gateway;
        this.orders = orders;
        this.suspensions = suspensions;
    }

    /** What the engine knows, read on the gateway's thread in one go. */
    private record Listing(List<MerchantProfile> merchants, int total, long defaultCommissionPpm) {
    }

    @GetMapping("/console/operator/merchant-list")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(0, page) * PAGE_SIZE;
        Listing listing = ConsoleCalls.await(gateway.query(engine -> new Listing(engine.merchants(from, PAGE_SIZE),
                engine.merchantCount(), engine.plan().store().defaultCommissionPpm())));
        Map<String, Map<String, Object>> flows = flows(listing.merchants());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MerchantProfile merchant : listing.merchants()) {
            Map<String, Object> flow = flows.getOrDefault(merchant.merchant(), Map.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", merchant.merchant());
            row.put("owner", merchant.owner());
            row.put("recruiter", merchant.recruiter() == null ? "" : merchant.recruiter());
            row.put("region", merchant.region());
            row.put("regionName", regionName(merchant.region()));
            row.put("rate", ConsoleViews.percent(merchant.commissionPpm()));
            row.put("planDefault", merchant.commissionPpm() == listing.defaultCommissionPpm());
            row.put("suspended", merchant.suspended());
            row.put("orders", String.valueOf(flow.getOrDefault("order_count", 0)));
            row.put("gmv", Units.formatFen(((Number) flow.getOrDefault("gmv", 0)).longValue()));
            rows.add(row);
        }
        model.addAttribute("merchants", rows);
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("hasNext", from + PAGE_SIZE < listing.total());
        model.addAttribute("defaultRate", ConsoleViews.percent(listing.defaultCommissionPpm()));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "merchant-list";
    }

    /** Orders and GMV of the page's merchants (refunds left out), by merchant. */
    private Map<String, Map<String, Object>> flows(List<MerchantProfile> merchants) {
        Map<String, Map<String, Object>> flows = new HashMap<>();
        for (Map<String, Object> row : orders.flowsOf(merchants.stream().map(MerchantProfile::merchant).toList())) {
            flows.put((String) row.get("merchant"), row);
        }
        return flows;
    }

    /** "广东省 广州市 天河区" for 440106: the names from the engine's GB/T 2260 table, province first. */
    static String regionName(String code) {
        List<Regions.Region> path = new ArrayList<>(Regions.standard().pathToRoot(code));
        Collections.reverse(path);
        return path.stream().map(Regions.Region::name).collect(Collectors.joining(" "));
    }

    /**
     * Suspends (or reinstates) a merchant with a reason: the API's suspension, under its idempotency scope, so a
     * double submit of the form has one effect.
     */
    @PostMapping("/console/operator/merchant-list/{merchant}/suspension")
    String suspend(@PathVariable String merchant, @RequestParam boolean suspended, @RequestParam String reason,
            @RequestParam String key, @RequestParam(defaultValue = "0") int page, RedirectAttributes flash) {
        ResponseEntity<String> answer = ConsoleCalls.await(suspensions.suspend(merchant, suspended,
                reason.strip(), key + ":" + merchant + ":" + suspended));
        ConsoleCalls.flash(flash, answer, suspended ? "suspended" : "reinstated", merchant, "listError");
        return "redirect:/console/operator/merchant-list?page=" + Math.max(0, page);
    }
}
