package org.zengzhi.server.merchant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.network.Regions;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.console.ConsoleViews;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;

/**
 * The operator's merchants and agents page: pending store requests to approve (商家入驻), and appointing a
 * regional agent on a province / city / district picker (区代/市代/省代, R-4.5). Each action is the same
 * journaled command the API sends.
 */
@Controller
class MerchantsPages {
    private final MerchantRequests requests;
    private final Agents agents;

    MerchantsPages(MerchantRequests requests, Agents agents) {
        this.requests = requests;
        this.agents = agents;
    }

    @GetMapping("/console/operator/merchants")
    String merchants(@RequestParam(required = false) String province, @RequestParam(required = false) String city,
            Model model) {
        model.addAttribute("requests", requests.inStatus("PENDING").stream().map(MerchantsPages::request)
                .toList());
        model.addAttribute("rejectedRequests", requests.inStatus("REJECTED").stream()
                .map(row -> Map.of("merchant", row.get("merchant"), "username", row.get("username"),
                        "reason", row.get("decision_reason") == null ? "" : row.get("decision_reason")))
                .toList());
        Regions regions = Regions.standard();
        model.addAttribute("provinces", choices(regions.provinces()));
        model.addAttribute("province", province);
        model.addAttribute("cities", province == null ? List.of() : choices(regions.children(province)));
        model.addAttribute("city", city);
        model.addAttribute("districts", city == null ? List.of() : choices(regions.children(city)));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "merchants";
    }

    /** A pending request as the table shows it: the requested rate as a percentage, empty for the plan default. */
    private static Map<String, Object> request(Map<String, Object> row) {
        Object ppm = row.get("commission_ppm");
        return Map.of("id", row.get("id"), "username", row.get("username"), "merchant", row.get("merchant"),
                "region", row.get("region"), "rate", ppm == null ? "" : ConsoleViews.percent(((Number) ppm).longValue()),
                "rateNumber", ppm == null ? "" : ConsoleViews.percent(((Number) ppm).longValue()).replace("%", ""),
                "recruiter", row.get("recruiter") == null ? "" : row.get("recruiter"));
    }

    /** The form's rate is a percentage ("15" or "15%" for 15%); empty keeps the requested rate. */
    private static Long percentPpm(String rate) throws InvalidFieldException {
        if (rate == null || rate.isBlank()) {
            return null;
        }
        String number = rate.trim().endsWith("%") ? rate.trim().substring(0, rate.trim().length() - 1).trim() : rate.trim();
        try {
            return Units.parseFixed(number, 4);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("rate", "a percentage such as 15 or 12.5: " + e.getMessage());
        }
    }

    private static List<Map<String, String>> choices(List<Regions.Region> regions) {
        return regions.stream().map(region -> Map.of("code", region.code(), "name", region.name())).toList();
    }

    @PostMapping("/console/operator/merchants/{id}/approve")
    String approve(@PathVariable String id, @RequestParam String key, @RequestParam(required = false) String rate,
            @RequestParam(required = false) String recruiter, @RequestParam(required = false) String region,
            RedirectAttributes flash) {
        Map<String, Object> row = requests.findPending(id);
        if (row == null) {
            flash.addFlashAttribute("merchantsError", "no pending request " + id);
            return "redirect:/console/operator/merchants";
        }
        Map<String, Object> terms;
        try {
            terms = MerchantRequests.amended(row, percentPpm(rate), recruiter,
                    region == null || region.isBlank() ? null : region);
        } catch (InvalidFieldException e) {
            flash.addFlashAttribute("merchantsError", e.field() + ": " + ConsoleCalls.says(e.getMessage()));
            return "redirect:/console/operator/merchants";
        }
        Response answer = ConsoleCalls.await(requests.approve(terms, id, key));
        ConsoleCalls.flash(flash, answer, "approved", row.get("merchant"), "merchantsError");
        return "redirect:/console/operator/merchants";
    }

    /**
     * Rejects a pending request with the operator's reason: the same decision use case as the API's
     * {@code POST /api/v1/operator/merchant-requests/{id}/decision} with {@code approve: false}, under the page's
     * key, so a resubmitted form answers the first result.
     */
    @PostMapping("/console/operator/merchants/{id}/reject")
    String reject(@PathVariable String id, @RequestParam String key, @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Map<String, Object> row = requests.findPending(id);
        if (row == null) {
            flash.addFlashAttribute("merchantsError", "no pending request " + id);
            return "redirect:/console/operator/merchants";
        }
        if (reason == null || reason.isBlank()) {
            flash.addFlashAttribute("merchantsError", "reason: a rejection says why");
            return "redirect:/console/operator/merchants";
        }
        if (reason.length() > Limits.TEXT_LENGTH_MAX) {
            flash.addFlashAttribute("merchantsError", "reason: at most " + Limits.TEXT_LENGTH_MAX + " characters");
            return "redirect:/console/operator/merchants";
        }
        Response answer = ConsoleCalls.await(requests.reject(id, reason.trim(), key));
        ConsoleCalls.flash(flash, answer, "rejected", row.get("merchant"), "merchantsError");
        return "redirect:/console/operator/merchants";
    }

    /** The agent's region is the most precise level picked: a district, else a city, else a province. */
    @PostMapping("/console/operator/agents")
    String appoint(@RequestParam String user, @RequestParam String region, @RequestParam String key,
            RedirectAttributes flash) {
        ResponseEntity<String> answer = ConsoleCalls.await(agents.appoint(user, region, key));
        ConsoleCalls.flash(flash, answer, "appointed", user + " → " + region, "merchantsError");
        return "redirect:/console/operator/merchants";
    }
}
