package org.zengzhi.server.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final JdbcTemplate jdbc;
    private final PostingQueries postingQueries;

    ParticipantsPages(EngineGateway gateway, JdbcTemplate jdbc, PostingQueries postingQueries) {
        this.gateway = gateway;
        this.jdbc = jdbc;
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
        for (Map<String, Object> row : jdbc.queryForList("SELECT username, role FROM accounts WHERE username LIKE ? ESCAPE '!' "
                + "ORDER BY username LIMIT " + MATCHES_MAX, likePrefix(query))) {
            roles.put((String) row.get("username"), (String) row.get("role"));
        }
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

    /** "a_b%" typed by the operator is searched as those characters, not as wildcards. */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
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
        model.addAttribute("role", jdbc.queryForList("SELECT role FROM accounts WHERE username = ?", String.class, user)
                .stream().findFirst().orElse(""));
        Map<String, Object> postings = ConsoleCalls.map(WalletViews.postings(postingQueries.ofUser(user, shown,
                POSTINGS_PAGE_SIZE), shown, POSTINGS_PAGE_SIZE));
        model.addAttribute("postings", postings.get("postings"));
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", ((List<?>) postings.get("postings")).size() == POSTINGS_PAGE_SIZE);
        return "participant";
    }
}
