package org.zengzhi.server.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.journal.Rejections;

/**
 * With {@code zengzhi.demo=true}, an empty platform is filled with {@link DemoPopulation} at start: as one
 * request of the gateway, so the whole population is committed in one transaction or not at all — a first
 * start stopped half way through leaves an empty platform, which the next start fills, never a partial demo
 * that it would take for a platform with participants and leave as it is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "zengzhi.demo", havingValue = "true")
class DemoConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DemoConfig.class);

    @Bean
    DemoLoginBoard demoLoginBoard() {
        return new DemoLoginBoard();
    }

    /**
     * Fills an empty platform with the demo and its logins (one password for all: {@code zengzhi.demo-password}
     * or a generated one printed once to the log, beside the list of logins); the sign-in page lists them.
     */
    @Bean
    ApplicationRunner demo(EngineGateway gateway, AccountStore accounts, PasswordEncoder passwords,
            DemoLoginBoard board, @Value("${zengzhi.demo-password:}") String configured) {
        return args -> {
            Plan plan = gateway.query(Engine::plan).join();
            if (gateway.query(engine -> engine.participantCount() > 0).join()) {
                LOG.info("the platform has participants already; the demo population is not added");
                board.show(DemoLogins.of(population(plan, Instant.now())), accounts);
                return;
            }
            List<Command> commands = accepted(population(plan, Instant.now()), plan);
            List<DemoLogins.Login> logins = DemoLogins.of(commands);
            String password = configured.isEmpty() ? generatedPassword() : configured;
            String refusal = DemoLoginWrites.refusal(logins, password);
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            List<ReadModelWrite> loginRows = DemoLoginWrites.of(logins, passwords.encode(password), Instant.now());
            List<CommandRequest> requests = new ArrayList<>(commands.size());
            for (int i = 0; i < commands.size(); i++) {
                Command command = commands.get(i);
                boolean last = i == commands.size() - 1;
                requests.add(new CommandRequest(now -> command, DemoConfig::answer, null, null,
                        (journaled, events) -> last ? loginRows : List.of()));
            }
            Response done = gateway.submitAll(requests, "demo:population", "v1", DemoConfig::summary).join();
            LOG.info("added the demo population: {} commands ({})", commands.size(), done.body());
            board.show(logins, accounts);
            LOG.warn("created the demo logins (username → role → what it is), all with the password {}:{}",
                    configured.isEmpty() ? password + " (shown once; set zengzhi.demo-password to choose it)"
                            : "set in zengzhi.demo-password", listing(board));
        };
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** username → role → what it is, one a line. */
    private static String listing(DemoLoginBoard board) {
        StringBuilder text = new StringBuilder();
        for (DemoLogins.Login login : board.logins()) {
            text.append(System.lineSeparator()).append("  ").append(login.username()).append(" → ")
                    .append(login.role()).append(" → ").append(login.participant());
        }
        return text.toString();
    }

    /** The demo of the plan's model: green points or four-party (issue 20 item 8) or, by default, local life. */
    static List<Command> population(Plan plan, Instant now) {
        if (plan.greenPoints() != null) {
            return GreenDemoPopulation.commands(now, plan);
        }
        if (plan.party() != null) {
            return PartyDemoPopulation.commands(now, plan);
        }
        return DemoPopulation.commands(now);
    }

    /**
     * The demo's commands that an empty engine on the tenant's plan accepts, in order: a sale of more points
     * than the seller holds by then, say, is left out rather than journaled as refused.
     */
    static List<Command> accepted(List<Command> commands, Plan plan) {
        Engine scratch = new Engine(plan, RegionDirectory.STANDARD);
        EngineOutput out = new EngineOutput();
        List<Command> accepted = new ArrayList<>(commands.size());
        for (Command command : commands) {
            out.clear();
            scratch.execute(command, out);
            if (answer(out.events()).status() == 200) {
                accepted.add(command);
            }
        }
        return accepted;
    }

    private static Response answer(List<Event> events) {
        Event.CommandRejected rejected = Rejections.of(events);
        return rejected == null ? new Response(200, "") : new Response(422, rejected.toString());
    }

    /** How many of the demo's commands the engine refused (none, unless the demo and the plan disagree). */
    private static Response summary(List<Response> responses) {
        List<Response> refusals = responses.stream().filter(response -> response.status() != 200).toList();
        long refused = refusals.size();
        if (refused > 0) {
            LOG.warn("the engine refused {} of the demo's commands, first: {}", refused, refusals.get(0).body());
        }
        return new Response(200, "{\"commands\":" + responses.size() + ",\"refused\":" + refused + "}");
    }
}
