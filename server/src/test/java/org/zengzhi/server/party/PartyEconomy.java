package org.zengzhi.server.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Command;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A four-party economy for the API and browser tests: plans/four-party.yaml as shipped (fee 6%, rebate 8%,
 * commission 12%, supplier share 55%, prepay 30%, transfer fee 1%). amy, bob, pam and cy are consumers with passwords
 * "<name>-secret-2026"; pam is a promoter (a credit score of 700 puts her on the ladder). Suppliers are registered
 * by the tests themselves, through the API.
 */
public final class PartyEconomy {
    public static final String PASSWORD_SUFFIX = "-secret-2026";

    public final ServerHarness server;

    public PartyEconomy(Path temp, String... database) throws Exception {
        String plan = new String(PartyEconomy.class.getResourceAsStream("/plans/four-party.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Path file = temp.resolve("four-party.yaml");
        Files.writeString(file, plan, StandardCharsets.UTF_8);
        List<String> properties = new ArrayList<>(List.of(database));
        properties.add("zengzhi.plan=" + file);
        server = new ServerHarness(properties.toArray(new String[0]));
        for (String user : new String[] {"amy", "bob", "pam", "cy"}) {
            assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\""
                    + user + PASSWORD_SUFFIX + "\"}", null).status()).isEqualTo(201);
        }
        submit(new Command.SetCreditScore("score-pam", Instant.now(), "pam", 700));
    }

    public String login(String user) throws Exception {
        return server.login(user, user + PASSWORD_SUFFIX);
    }

    /** Moves the engine's time forward: a tick stamped {@code ahead} from now settles what is due by then. */
    public void passTime(String id, Duration ahead) {
        submit(new Command.Tick(id, Instant.now().plus(ahead)));
    }

    private void submit(Command command) {
        submit(at -> command);
    }

    /**
     * A command of the operator's side (server.partyops), built from the time the gateway stamps (the engine's
     * clock when it is ahead of the wall clock); fails the test unless accepted.
     */
    public void submit(java.util.function.Function<Instant, Command> command) {
        Response answer = server.bean(EngineGateway.class).submit(new CommandRequest(command, GatewayCalls::render,
                null, null)).join();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
