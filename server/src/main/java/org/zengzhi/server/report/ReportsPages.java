package org.zengzhi.server.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;

/**
 * The operator's reports queue (举报, R-4.7): open reports with the decisions the API offers — dismiss, reassign a
 * downline to another referrer, suspend a merchant, reward the reporter — each with a reason, decided through the
 * API's own path (POST /api/v1/operator/reports/{id}/decision); and the decided reports with their outcome.
 */
@Controller
class ReportsPages {
    static final int REPORTS_SHOWN_MAX = 200;
    private static final Set<String> STATUSES = Set.of("OPEN", "UPHELD", "DISMISSED");

    private final EngineGateway gateway;
    private final Reports reports;

    ReportsPages(EngineGateway gateway, Reports reports) {
        this.gateway = gateway;
        this.reports = reports;
    }

    @GetMapping("/console/operator/reports")
    String reports(@RequestParam(defaultValue = "OPEN") String status, Model model) {
        String shown = STATUSES.contains(status) ? status : "OPEN";
        List<Map<String, Object>> rows = reports.queue(shown, REPORTS_SHOWN_MAX);
        List<String> subjects = rows.stream().map(row -> (String) row.get("subject")).toList();
        // A report's subject may name a store: its suspend form is filled in with it.
        Set<String> merchants = ConsoleCalls.await(gateway.query(engine -> Set.copyOf(subjects.stream()
                .filter(subject -> engine.merchant(subject) != null).toList())));
        model.addAttribute("reports", rows.stream().map(row -> Map.of(
                "id", row.get("id"), "reporter", row.get("reporter"), "kind", row.get("kind"),
                "subject", row.get("subject"), "details", row.get("details"),
                "outcome", row.get("outcome") == null ? "" : row.get("outcome"),
                "reason", row.get("decision_reason") == null ? "" : row.get("decision_reason"),
                "createdAt", ConsoleCalls.time(row.get("created_at")), "decidedAt", ConsoleCalls.time(row.get("decided_at")),
                "merchant", merchants.contains((String) row.get("subject")) ? row.get("subject") : "")).toList());
        model.addAttribute("status", shown);
        model.addAttribute("key", UUID.randomUUID().toString());
        return "reports";
    }

    /** One decision on one open report; the fields an outcome does not use are ignored, as the API ignores them. */
    @PostMapping("/console/operator/reports/{id}/decision")
    String decide(@PathVariable String id, @RequestParam String outcome, @RequestParam String reason,
            @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String referrer,
            @RequestParam(defaultValue = "") String merchant, @RequestParam(defaultValue = "") String amount,
            @RequestParam String key, RedirectAttributes flash) {
        Reports.Decision decision = new Reports.Decision(outcome, reason.strip(), blankToNull(user),
                blankToNull(referrer), blankToNull(merchant), blankToNull(amount));
        Response answer = ConsoleCalls.await(reports.decide(id, decision, key + ":" + id));
        if (answer.status() < 400) {
            flash.addFlashAttribute("decided", id);
            flash.addFlashAttribute("decidedOutcome", outcome);
        } else {
            flash.addFlashAttribute("reportsError", ConsoleCalls.detail(answer.body()));
        }
        return "redirect:/console/operator/reports";
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}
