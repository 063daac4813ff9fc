package org.zengzhi.server.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.wallet.PostingQueries;
import org.zengzhi.server.wallet.WalletViews;

/**
 * The operator's participant search and one participant's page: balances per asset and kind (the API's
 * /users/{user}/wallet view), referrer, login and role, and their ledger postings a page at a time (the same
 * query and view as the API's /me/postings).
 */
@Controller
class ParticipantsPages {
    static final int MATCHES_MAX = 20;
    static final int POSTINGS_PAGE_SIZE = 50;

    private final EngineGateway gateway;
    private final AccountStore accounts;
    private final PostingQueries postingQueries;

    ParticipantsPages(EngineGateway gateway, AccountStore accounts, PostingQueries postingQueries) {
        this.gateway = gateway;
        this.accounts = accounts;
        this.postingQueries = postingQueries;
    }

    /**
     * A participant by exact id (any participant the engine knows, with a login or not) or by the prefix of a
     * login's username (the accounts table's primary key answers a prefix without a scan of the engine).
     */
    @GetMapping("/console/operator/participants")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty()) {
            model.addAttribute("matches", List.of());
            return "participants";
        }
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(query, "");
        roles.putAll(accounts.rolesByPrefix(query, MATCHES_MAX));
        List<String> candidates = new ArrayList<>(roles.keySet());
        List<Map<String, String>> matches = ConsoleCalls.await(gateway.query(engine -> {
            List<Map<String, String>> found = new ArrayList<>();
            for (String candidate : candidates) {
                boolean participant = engine.holder(candidate) != null;
                if (participant || !roles.get(candidate).isEmpty()) {
                    String referrer = participant ? engine.referrerOf(candidate) : null;
                    found.add(Map.of("user", candidate, "role", roles.get(candidate), "participant", String.valueOf(participant),
                            "referrer", referrer == null ? "" : referrer));
                }
            }
            return found;
        }));
        model.addAttribute("matches", matches);
        return "participants";
    }

    /** The API's wallet view (null for an unknown participant) and the referrer, read in one engine query. */
    private record Seen(String wallet, String referrer) {
    }

    @GetMapping("/console/operator/participants/{user}")
    String participant(@PathVariable String user, @RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, page);
        Seen seen = ConsoleCalls.await(gateway.query(engine -> new Seen(WalletViews.json(engine, user), engine.referrerOf(user))));
        model.addAttribute("user", user);
        model.addAttribute("wallet", seen.wallet() == null ? null : ConsoleCalls.map(seen.wallet()));
        model.addAttribute("referrer", seen.referrer());
        model.addAttribute("role", accounts.roleOf(user));
        Map<String, Object> postings = ConsoleCalls.map(WalletViews.postings(postingQueries.ofUser(user, shown,
                POSTINGS_PAGE_SIZE), shown, POSTINGS_PAGE_SIZE));
        model.addAttribute("postings", ConsoleCalls.withTimeText((List<?>) postings.get("postings"), "at"));
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", ((List<?>) postings.get("postings")).size() == POSTINGS_PAGE_SIZE);
        return "participant";
    }
}
