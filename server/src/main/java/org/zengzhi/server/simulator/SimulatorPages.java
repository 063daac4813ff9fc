package org.zengzhi.server.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.localize.PlanTime;
import org.zengzhi.simulator.ReportLanguage;

/**
 * The operator's simulator page (issue 20 item 6, {@code /console/operator/simulator}): pick a preset or the plan in
 * force, set the seed, months, people or paths, run, and see the headline figures in the console's language with the
 * whole report ({@code zengzhi simulate}'s report.html) a click away. A running run's page refreshes itself.
 */
@Controller
class SimulatorPages {
    private final SimulationRuns runs;

    SimulatorPages(SimulationRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/console/operator/simulator")
    String page(@RequestParam(required = false) String id, Model model) {
        SimulationRuns.Run shown = id == null ? runs.recent().stream().findFirst().orElse(null) : runs.get(id);
        model.addAttribute("presets", runs.presets());
        model.addAttribute("runs", runs.recent().stream().map(run -> Map.of("id", run.id(), "scenario",
                run.request().scenario(), "state", run.state().name(), "started",
                PlanTime.format(run.started()))).toList());
        model.addAttribute("run", shown == null ? null : SimulationViews.view(shown));
        model.addAttribute("zone", PlanTime.zone().getId());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "simulator";
    }

    /** Starts a run from the form; its hidden key makes a second submit of the same form answer the first. */
    @PostMapping("/console/operator/simulator")
    String start(@RequestParam String scenario, @RequestParam String key, @RequestParam(required = false) String seed,
            @RequestParam(required = false) String months, @RequestParam(required = false) String people,
            @RequestParam(required = false) String paths, RedirectAttributes flash) {
        SimulationRuns.Request request;
        try {
            request = new SimulationRuns.Request(scenario, number("seed", seed),
                    integer("months", months), integer("people", people), integer("paths", paths));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("simError", e.getMessage());
            return "redirect:/console/operator/simulator";
        }
        Response answer = runs.start(request, key);
        if (answer.status() != 202) {
            flash.addFlashAttribute("simError", ConsoleCalls.detail(answer.body()));
            return "redirect:/console/operator/simulator";
        }
        return "redirect:/console/operator/simulator?id=" + ConsoleCalls.map(answer.body()).get("id");
    }

    /**
     * The whole report of a finished run, as {@code zengzhi simulate} writes it (self-contained HTML), in the console's
     * language ({@code ?lang=en} or the language cookie; Chinese by default).
     */
    @GetMapping("/console/operator/simulator/{id}/report")
    ResponseEntity<String> report(@PathVariable String id, Locale locale) {
        SimulationRuns.Run run = runs.get(id);
        if (run == null || run.state() != SimulationRuns.State.DONE) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(run.report().html(ReportLanguage.of(locale)));
    }

    private static Long number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": " + text.trim());
        }
    }

    private static Integer integer(String field, String text) {
        Long value = number(field, text);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": " + text.trim());
        }
        return value.intValue();
    }
}
