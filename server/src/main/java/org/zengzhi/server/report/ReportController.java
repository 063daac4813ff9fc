package org.zengzhi.server.report;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reports (举报, R-4.7): a user reports a shadow account intercepting rewards or a merchant steering
 * customers off the platform; the operator decides. An upheld report's outcome is one journaled engine
 * command — reassign the downline, suspend the merchant, or reward the reporter — and the report's
 * status is written in the same transaction; a dismissal needs a reason.
 */
@RestController
@RequestMapping("/api/v1")
class ReportController {
    private static final Set<String> KINDS = Set.of("SHADOW_ACCOUNT", "OFF_PLATFORM", "OTHER");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    record Report(String kind, String subject, String details) {
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> report(@RequestBody Report body,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return GatewayCalls.done(keyProblem);
        }
        if (body.kind() == null || !KINDS.contains(body.kind())) {
            return GatewayCalls.done(Problems.badRequest("kind", "one of " + KINDS));
        }
        if (body.subject() == null || body.subject().isBlank() || body.subject().length() > 200) {
            return GatewayCalls.done(Problems.badRequest("subject", "the user or merchant reported, 1 to 200 characters"));
        }
        if (body.details() == null || body.details().isBlank() || body.details().length() > 2000) {
            return GatewayCalls.done(Problems.badRequest("details", "what happened, 1 to 2000 characters"));
        }
        return reports.file(me.getName(), body.kind(), body.subject(), body.details(), key)
                .thenApply(GatewayCalls::entity);
    }

    @GetMapping("/operator/reports")
    ResponseEntity<String> reports(@RequestParam(defaultValue = "OPEN") String status) {
        ArrayNode list = JSON.createArrayNode();
        for (Map<String, Object> row : reports.inStatus(status)) {
            ObjectNode report = list.addObject();
            row.forEach((column, value) -> report.put(column.toLowerCase(Locale.ROOT),
                    value == null ? null : value.toString()));
        }
        return GatewayCalls.json(JSON.writeValueAsString(list));
    }

    @PostMapping(path = "/operator/reports/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> decide(@PathVariable String id, @RequestBody Reports.Decision body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return reports.decide(id, body, key).thenApply(GatewayCalls::entity);
    }
}
