package org.zengzhi.server.operator;

import java.util.Map;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PutMapping;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Journal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.plan.ComplianceReport;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.merchant.Agents;
import org.zengzhi.server.merchant.Suspensions;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The operator's named actions: subsidy, merchant suspension, agents,
 * referrer reassignment, the plan and its compliance report, and the holder snapshot CSV. Each action is
 * one journaled engine command; the security configuration admits operators only under /operator.
 */
@RestController
@RequestMapping("/api/v1/operator")
public class OperatorController {
    private final EngineGateway gateway;
    private final TenantQueries tenant;
    private final AccountStore accounts;
    private final Journal journal;
    private final Suspensions suspensions;
    private final Agents agents;

    private final Subsidies subsidies;

    OperatorController(EngineGateway gateway, TenantQueries tenant, AccountStore accounts, Journal journal,
            Suspensions suspensions, Agents agents, Subsidies subsidies) {
        this.subsidies = subsidies;
        this.gateway = gateway;
        this.tenant = tenant;
        this.accounts = accounts;
        this.journal = journal;
        this.suspensions = suspensions;
        this.agents = agents;
    }

    record Subsidy(String amount, String reason) {
    }

    record Suspension(String reason, Boolean suspended) {
    }

    record Agent(String user, String region) {
    }

    record Reassignment(String user, String referrer, String reason) {
    }

    /** 融资补贴: cash into the pool with no points minted. */
    @PostMapping(path = "/subsidy", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> subsidy(@RequestBody Subsidy body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        long amount;
        try {
            amount = Units.parseFen(body.amount());
        } catch (IllegalArgumentException e) {
            return GatewayCalls.done(Problems.badRequest("amount", e.getMessage()));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            return GatewayCalls.done(Problems.badRequest("reason", "a subsidy is audited: say why"));
        }
        return subsidies.inject(amount, body.reason(), key);
    }

    @PostMapping(path = "/merchants/{merchant}/suspension", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> suspend(@PathVariable String merchant, @RequestBody Suspension body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return suspensions.suspend(merchant, body.suspended() == null || body.suspended(), body.reason(), key);
    }

    @PostMapping(path = "/agents", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> appoint(@RequestBody Agent body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return agents.appoint(body.user(), body.region(), key);
    }

    @DeleteMapping("/agents/{region}")
    CompletableFuture<ResponseEntity<String>> remove(@PathVariable String region,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return agents.remove(region, key);
    }

    /** Moves a user under another referrer, with the reason kept in the journal. */
    @PostMapping(path = "/referrers", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> reassign(@RequestBody Reassignment body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return GatewayCalls.submit(gateway, "reassign", key, body.user() + "|" + body.referrer() + "|" + body.reason(),
                now -> new Command.ReassignReferrer("reassign:" + key, now, body.user(), body.referrer(), body.reason()));
    }

    /**
     * A plan file's text; a plan that changes anything goes in force only with {@code confirm} true and
     * {@code expectedPlan} the version of the plan in force that the caller reviewed the changes against.
     */
    record NewPlan(String yaml, Boolean confirm, String expectedPlan) {
    }

    /**
     * Puts a new plan in force: every validation error at once (400, each naming its field); unconfirmed, the
     * settings it would change (409, see {@link PlanProblems#unconfirmed}); confirmed, one journaled ChangePlan
     * and the plan's compliance report. The plan text is kept in the journal.
     */
    @PutMapping(path = "/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> changePlan(@RequestBody NewPlan body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return GatewayCalls.done(keyProblem);
        }
        if (body.yaml() == null) {
            return GatewayCalls.done(Problems.badRequest("yaml", "the plan file's text is required (\"\" for every default)"));
        }
        PlanCheck check = PlanFiles.checkText(body.yaml());
        if (!check.valid()) {
            return GatewayCalls.done(PlanProblems.invalid(check));
        }
        Response unconfirmed = PlanProblems.unconfirmed(tenant.planInForce(), check, body.confirm(), body.expectedPlan());
        if (unconfirmed != null) {
            return GatewayCalls.done(unconfirmed);
        }
        return PlanProblems.putInForce(gateway, key, body.yaml(), check).thenApply(GatewayCalls::entity);
    }

    /** The plan in force, with its compliance report. */
    @GetMapping("/plan")
    ResponseEntity<String> plan() {
        String yaml = tenant.planInForce();
        String report = ComplianceReport.of(PlanFiles.checkText(yaml).plan()).text();
        return GatewayCalls.json(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                Map.of("yaml", yaml, "complianceReport", report)));
    }

    /**
     * every holder with points and their value at the exact price, as CSV — now, or with {@code at}
     * as the state after every journal row stamped at or before that time (replayed into a fresh engine
     * from the tenant's first plan, off the gateway's thread).
     */
    @GetMapping(path = "/holders.csv", produces = "text/csv")
    CompletableFuture<ResponseEntity<String>> holders(@RequestParam(required = false)
            String at) {
        if (at == null) {
            return gateway.query(HolderSnapshot::csv).thenApply(OperatorController::csv);
        }
        Instant until;
        try {
            until = Instant.parse(at);
        } catch (DateTimeParseException e) {
            return GatewayCalls.done(Problems.badRequest("at", "an ISO-8601 instant such as 2026-03-01T00:00:00Z"));
        }
        return CompletableFuture.supplyAsync(() -> HolderSnapshot.csv(HolderSnapshot.replayUntil(tenant.firstPlan(), journal, until)))
                .thenApply(OperatorController::csv);
    }

    private static ResponseEntity<String> csv(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"holders.csv\"").body(body);
    }
}
