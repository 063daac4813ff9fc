package org.zengzhi.server.simulator;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's API (issue 20 item 6), the operator's by the security config ({@code /api/v1/operator/**}): start
 * a run of a preset scenario or of the plan in force, then read its state and, once done, its figures. The console's
 * page uses the same {@link SimulationRuns}.
 */
@RestController
@RequestMapping("/api/v1/operator/simulations")
class SimulationController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulationRuns runs;

    SimulationController(SimulationRuns runs) {
        this.runs = runs;
    }

    /** Starts a run: 202 {@code {id, href}}; 400 naming the field; 429 while another run is going. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> start(@RequestBody SimulationRuns.Request body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return GatewayCalls.entity(runs.start(body, key));
    }

    /** A run: its state (RUNNING, DONE, FAILED), its figures once done, and where its report page is. */
    @GetMapping("/{id}")
    ResponseEntity<String> get(@PathVariable String id) {
        SimulationRuns.Run run = runs.get(id);
        if (run == null) {
            return GatewayCalls.entity(Problems.problem(404, "Not found", "id",
                    "no simulation " + id + " (the server keeps the last " + SimulationRuns.KEEP + ")"));
        }
        return GatewayCalls.json(JSON.writeValueAsString(SimulationViews.view(run)));
    }
}
