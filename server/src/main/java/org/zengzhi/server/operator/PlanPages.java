package org.zengzhi.server.operator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.engine.plan.ComplianceReport;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.localize.ComplianceText;

/**
 * The operator's plan editor: the plan in force as its file, checked on submit — every error
 * listed with its field and the text kept for correction — and put in force as one journaled ChangePlan,
 * exactly as the API's PUT /operator/plan does.
 */
@Controller
class PlanPages {
    private final EngineGateway gateway;
    private final TenantQueries tenant;

    PlanPages(EngineGateway gateway, TenantQueries tenant) {
        this.gateway = gateway;
        this.tenant = tenant;
    }

    @GetMapping("/console/operator/plan")
    String plan(Model model) {
        String yaml = tenant.planInForce();
        PlanCheck check = PlanFiles.checkText(yaml);
        String page = editor(model, yaml, List.of(), ComplianceReport.of(check.plan()).text());
        model.addAttribute("compliance", ComplianceText.of(check.plan().name(), ComplianceReport.of(check.plan()),
                LocaleContextHolder.getLocale()));
        return page;
    }

    @PostMapping("/console/operator/plan")
    String submit(@RequestParam String yaml, @RequestParam String key, @RequestParam(required = false) Boolean confirm,
            @RequestParam(required = false) String expectedPlan, Model model, RedirectAttributes flash) {
        PlanCheck check = PlanFiles.checkText(yaml);
        if (!check.valid()) {
            List<Map<String, String>> errors = check.errors().stream()
                    .map(error -> Map.of("field", error.field(), "message", ConsoleCalls.says(error.message()))).toList();
            return editor(model, yaml, errors, "");
        }
        String inForce = tenant.planInForce();
        if (PlanProblems.unconfirmed(inForce, check, confirm, expectedPlan) != null) {
            return confirmation(model, yaml, key, inForce, check);
        }
        Response answer = ConsoleCalls.await(PlanProblems.putInForce(gateway, key, yaml, check));
        if (answer.status() >= 400) {
            return editor(model, yaml, List.of(Map.of("field", "yaml", "message", ConsoleCalls.detail(answer.body()))), "");
        }
        flash.addFlashAttribute("planChanged", check.plan().name());
        return "redirect:/console/operator/plan";
    }

    /**
     * The settings the plan would change, against the plan in force, and a button that confirms them under the
     * same key and the version they were shown against (issue 19, item 8).
     */
    private static String confirmation(Model model, String yaml, String key, String inForce, PlanCheck check) {
        String page = editor(model, yaml, List.of(), "");
        model.addAttribute("key", key);
        model.addAttribute("changes", PlanDiff.between(PlanFiles.checkText(inForce).plan(), check.plan()));
        model.addAttribute("expectedPlan", PlanProblems.version(inForce));
        return page;
    }

    private static String editor(Model model, String yaml, List<Map<String, String>> errors, String report) {
        model.addAttribute("yaml", yaml);
        model.addAttribute("errors", errors);
        model.addAttribute("report", report);
        model.addAttribute("key", UUID.randomUUID().toString());
        return "plan";
    }
}
