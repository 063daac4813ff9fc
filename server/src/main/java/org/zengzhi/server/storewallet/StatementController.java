package org.zengzhi.server.storewallet;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A store's daily settlement statements (结算单, issue 19 item 2), as JSON and as CSV, for the store's own
 * account, its owner and operators. Days are those of the plan's time zone (Asia/Shanghai unless it says
 * otherwise).
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchant}")
class StatementController {
    static final int DAYS_MAX = 366;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String CSV_HEADER = "date,opening,settled,refunds,withdrawn,returned,other,closing,gross,"
            + "commission\n";

    private final EngineGateway gateway;
    private final StatementQueries queries;

    StatementController(EngineGateway gateway, StatementQueries queries) {
        this.gateway = gateway;
        this.queries = queries;
    }

    private record Store(String owner, ZoneId zone) {
    }

    @GetMapping("/statements")
    CompletableFuture<ResponseEntity<String>> statements(@PathVariable String merchant,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return read(merchant, days, me, false);
    }

    @GetMapping("/statements.csv")
    CompletableFuture<ResponseEntity<String>> csv(@PathVariable String merchant,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return read(merchant, days, me, true);
    }

    private CompletableFuture<ResponseEntity<String>> read(String merchant, int days,
            OAuth2AuthenticatedPrincipal me, boolean csv) {
        if (days < 1 || days > DAYS_MAX) {
            return GatewayCalls.done(Problems.badRequest("days", "1 to " + DAYS_MAX + " days"));
        }
        return gateway.query(engine -> store(engine, merchant)).thenApply(store -> {
            if (store.owner() == null) {
                return GatewayCalls.entity(Problems.problem(404, "Not found", "merchant", "no store " + merchant));
            }
            boolean own = merchant.equals(me.getAttribute("merchant")) || store.owner().equals(me.getName());
            if (!own && !Access.isOperator(me)) {
                return GatewayCalls.entity(Problems.problem(403, "Forbidden", "merchant",
                        "you may read only your own store"));
            }
            List<Statements.Day> statements = queries.statements(merchant, store.zone(), days);
            return csv ? ResponseEntity.ok().contentType(CSV)
                    .body(csv(statements)) : GatewayCalls.json(json(merchant, store.zone(), statements));
        });
    }

    private static Store store(Engine engine, String merchant) {
        GreenRules green = engine.plan().greenPoints();
        return new Store(engine.merchantOwner(merchant), green == null ? GreenRules.SHANGHAI : green.timeZone());
    }

    private static String json(String merchant, ZoneId zone, List<Statements.Day> statements) {
        ObjectNode view = JSON.createObjectNode();
        view.put("merchant", merchant);
        view.put("timeZone", zone.getId());
        ArrayNode rows = view.putArray("days");
        for (Statements.Day day : statements) {
            ObjectNode row = rows.addObject();
            row.put("date", day.date().toString());
            row.put("opening", Units.formatFen(day.openingFen()));
            row.put("settled", Units.formatFen(day.settledFen()));
            row.put("refunds", Units.formatFen(day.refundsFen()));
            row.put("withdrawn", Units.formatFen(day.withdrawnFen()));
            row.put("returned", Units.formatFen(day.returnedFen()));
            row.put("other", Units.formatFen(day.otherFen()));
            row.put("closing", Units.formatFen(day.closingFen()));
            row.put("gross", Units.formatFen(day.grossFen()));
            row.put("commission", Units.formatFen(day.commissionFen()));
        }
        return JSON.writeValueAsString(view);
    }

    private static String csv(List<Statements.Day> statements) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (Statements.Day day : statements) {
            out.append(day.date()).append(',').append(Units.formatFen(day.openingFen())).append(',')
                    .append(Units.formatFen(day.settledFen())).append(',').append(Units.formatFen(day.refundsFen()))
                    .append(',').append(Units.formatFen(day.withdrawnFen())).append(',')
                    .append(Units.formatFen(day.returnedFen())).append(',').append(Units.formatFen(day.otherFen()))
                    .append(',').append(Units.formatFen(day.closingFen())).append(',')
                    .append(Units.formatFen(day.grossFen())).append(',').append(Units.formatFen(day.commissionFen()))
                    .append('\n');
        }
        return out.toString();
    }
}
