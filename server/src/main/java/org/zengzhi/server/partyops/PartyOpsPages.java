package org.zengzhi.server.partyops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.party.SupplierDesk;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The operator's four-party console (issue 20 item 6): risk queue, credit scores, escrow reconciliation, money,
 * the monthly P&L with its waterfall, closes, costs and charges, suppliers. The page shows the API's JSON
 * ({@link PartyOpsDashboard}), so every number is the API's. Each form carries a key made when the page was
 * drawn: sending the same form twice answers the first result, and a close refused before its month ended can
 * be tried again from a fresh page; a verdict's key is the order and the verdict, so the engine decides
 * whether a second, different verdict may take effect (it may not).
 */
@Controller
class PartyOpsPages {
    private static final String PAGE = "redirect:/console/operator/party";

    private final EngineGateway gateway;
    private final PartyOpsDashboard dashboard;
    private final SupplierDesk suppliers;

    PartyOpsPages(EngineGateway gateway, PartyOpsDashboard dashboard, SupplierDesk suppliers) {
        this.gateway = gateway;
        this.dashboard = dashboard;
        this.suppliers = suppliers;
    }

    @GetMapping("/console/operator/party")
    String page(@RequestParam(required = false) String month, Model model) {
        String overview = dashboard.overview();
        model.addAttribute("party", overview == null ? null : ConsoleCalls.map(overview));
        String pnl = overview == null ? null : dashboard.pnl(PartyOpsController.parseMonth(month) == null ? null : month);
        Map<String, Object> pnlView = pnl == null ? null : ConsoleCalls.map(pnl);
        if (pnlView != null) {
            pnlView.put("bars", bars(pnlView));
        }
        model.addAttribute("pnl", pnlView);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "partyops-operator";
    }

    /** Each waterfall part with its share of GMV in whole percent (for the bar's width only; amounts stay exact). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bars(Map<String, Object> pnl) {
        long gmv = Units.parseFen(((Map<String, Object>) pnl.get("pnl")).get("gmv").toString());
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Map<String, Object> part : (List<Map<String, Object>>) pnl.get("waterfall")) {
            long amount = Units.parseFen(part.get("amount").toString());
            long percent = gmv <= 0 ? 0 : Math.max(0, amount) * 100 / gmv;
            bars.add(Map.of("part", part.get("part"), "amount", part.get("amount"), "percent", percent));
        }
        return bars;
    }

    @PostMapping("/console/operator/party/verify")
    String verify(@RequestParam String order, @RequestParam boolean approve, RedirectAttributes flash) {
        if (order.isBlank() || order.length() > Limits.PARTICIPANT_ID_LENGTH_MAX) {
            return bad(flash, "order");
        }
        return submit(flash, "party-verify", "console-" + order + "-" + approve, order + "|" + approve,
                key -> now -> new Command.VerifyOrder("verify:" + key, now, order, approve),
                approve ? "partyops.approved" : "partyops.refused", order);
    }

    @PostMapping("/console/operator/party/score")
    String score(@RequestParam String user, @RequestParam String score, @RequestParam String key,
            RedirectAttributes flash) {
        if (user.isBlank() || user.length() > Limits.PARTICIPANT_ID_LENGTH_MAX) {
            return bad(flash, "user");
        }
        int value;
        try {
            value = Integer.parseInt(score.strip());
        } catch (NumberFormatException e) {
            return bad(flash, "score");
        }
        if (value < 0 || value > 1000) {
            return bad(flash, "score");
        }
        return submit(flash, "party-score", key, user + "|" + value,
                k -> now -> new Command.SetCreditScore("score:" + k, now, user, value), "partyops.scoreSet", user);
    }

    @PostMapping("/console/operator/party/escrow")
    String escrow(@RequestParam String balance, @RequestParam String key, RedirectAttributes flash) {
        long fen = PartyOpsController.fen(balance, true);
        if (fen < 0) {
            return bad(flash, "balance");
        }
        return submit(flash, "party-escrow", key, balance,
                k -> now -> new Command.EscrowStatement("escrow:" + k, now, fen), "partyops.statementEntered", balance);
    }

    @PostMapping("/console/operator/party/cost")
    String cost(@RequestParam String amount, @RequestParam(required = false) String reason, @RequestParam String key,
            RedirectAttributes flash) {
        long fen = PartyOpsController.fen(amount, false);
        if (fen < 0) {
            return bad(flash, "amount");
        }
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text != null && text.length() > Limits.TEXT_LENGTH_MAX) {
            return bad(flash, "reason");
        }
        return submit(flash, "party-cost", key, amount + "|" + text,
                k -> now -> new Command.RecordOperatingCost("cost:" + k, now, fen, text), "partyops.costEntered", amount);
    }

    @PostMapping("/console/operator/party/charge")
    String charge(@RequestParam String supplier, @RequestParam String amount, @RequestParam String key,
            RedirectAttributes flash) {
        long fen = PartyOpsController.fen(amount, false);
        if (supplier.isBlank() || supplier.length() > Limits.PARTICIPANT_ID_LENGTH_MAX) {
            return bad(flash, "supplier");
        }
        if (fen < 0) {
            return bad(flash, "amount");
        }
        return submit(flash, "party-charge", key, supplier + "|" + amount,
                k -> now -> new Command.ChargeDataService("charge:" + k, now, supplier, fen), "partyops.chargeEntered",
                supplier);
    }

    @PostMapping("/console/operator/party/close-month")
    String closeMonth(@RequestParam String month, @RequestParam String key, RedirectAttributes flash) {
        if (PartyOpsController.parseMonth(month) == null) {
            return bad(flash, "month");
        }
        return submit(flash, "party-close", key, month,
                k -> now -> new Command.CloseMonth("close:" + k, now, month), "partyops.monthClosed", month);
    }

    @PostMapping("/console/operator/party/close-year")
    String closeYear(@RequestParam String year, @RequestParam String key, RedirectAttributes flash) {
        if (!year.matches("[0-9]{4}")) {
            return bad(flash, "year");
        }
        return submit(flash, "party-year", key, year,
                k -> now -> new Command.CloseYear("year:" + k, now, year), "partyops.yearClosed", year);
    }

    /**
     * 添加供应商: the supplier registration use case of the API ({@code POST /api/v1/operator/suppliers}): the
     * supplier in the engine with its baseline and deposit, and its own login with the SUPPLIER role, in one
     * journaled step under the form's key.
     */
    @PostMapping("/console/operator/party/suppliers")
    String addSupplier(@RequestParam String supplier, @RequestParam String username, @RequestParam String password,
            @RequestParam String baseline, @RequestParam String deposit, @RequestParam String key,
            RedirectAttributes flash) {
        Response answer = ConsoleCalls.await(suppliers.register(key,
                new SupplierDesk.Registration(supplier, username, password, baseline, deposit)));
        if (answer.status() < 400) {
            flash.addFlashAttribute("done", "partyops.supplierAdded");
            flash.addFlashAttribute("doneArgument", supplier);
        } else {
            flash.addFlashAttribute("failed", ConsoleCalls.detail(answer.body()));
        }
        return PAGE;
    }

    private String submit(RedirectAttributes flash, String scope, String key, String hash,
            Function<String, Function<java.time.Instant, Command>> command, String doneMessage, String argument) {
        if (GatewayCalls.keyProblem(key) != null) {
            return bad(flash, "key");
        }
        ResponseEntity<String> answer = ConsoleCalls.await(GatewayCalls.submit(gateway, scope, key, hash,
                command.apply(key)));
        if (answer.getStatusCode().value() < 400) {
            flash.addFlashAttribute("done", doneMessage);
            flash.addFlashAttribute("doneArgument", argument);
        } else {
            flash.addFlashAttribute("failed", ConsoleCalls.detail(answer.getBody()));
        }
        return PAGE;
    }

    private static String bad(RedirectAttributes flash, String field) {
        flash.addFlashAttribute("badField", field);
        return PAGE;
    }
}
