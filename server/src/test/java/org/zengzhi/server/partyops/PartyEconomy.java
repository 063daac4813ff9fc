package org.zengzhi.server.partyops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Command;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A small four-party economy on plans/four-party.yaml for the operator's API tests, submitted to the gateway
 * stamped in the past as the demo does. Fifty days ago: the supplier tea-farm (baseline 10,000.00, deposit
 * 5,000.00) lists longjing at 100.00 (cost 30.00); pia (credit score 720) and leo (550, below the minimum of
 * 600) become promoters; amy and cat were invited by pia, bob by leo. amy pays three orders from device dev-a,
 * then cat pays o4, o5 and o7 from the same device within the day (the 4th and later are flagged, R-7.4); bob
 * pays o6 from his own device. Twelve days ago a tick settles them all (30 + 7 days later): o4, o5 and o7 keep
 * their rewards in escrow until the operator decides.
 */
final class PartyEconomy {
    static final long PRICE_FEN = 10_000;
    static final int ORDERS = 7;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    void history(ServerHarness server) {
        Instant start = now.minus(Duration.ofDays(50));
        List<Command> commands = new ArrayList<>();
        commands.add(new Command.RegisterSupplier("h1", start, "tea-farm", 1_000_000, 500_000));
        commands.add(new Command.ListProduct("h2", start, "longjing", "tea-farm", PRICE_FEN, 3_000));
        commands.add(new Command.RegisterUser("h3", start, "pia", null));
        commands.add(new Command.SetCreditScore("h4", start, "pia", 720));
        commands.add(new Command.RegisterUser("h5", start, "leo", null));
        commands.add(new Command.SetCreditScore("h6", start, "leo", 550));
        commands.add(new Command.RegisterUser("h7", start, "amy", "pia"));
        commands.add(new Command.RegisterUser("h8", start, "bob", "leo"));
        commands.add(new Command.RegisterUser("h9", start, "cat", "pia"));
        String[][] orders = {{"o1", "amy", "dev-a"}, {"o2", "amy", "dev-a"}, {"o3", "amy", "dev-a"},
            {"o4", "cat", "dev-a"}, {"o5", "cat", "dev-a"}, {"o6", "bob", "dev-b"}, {"o7", "cat", "dev-a"}};
        for (int i = 0; i < orders.length; i++) {
            String[] order = orders[i];
            commands.add(new Command.PayPartyOrder(order[0], start.plus(Duration.ofHours(i + 1)), order[1], "longjing", 1,
                    0, null, order[2], "10.0.0." + (i < 6 && i != 5 ? 1 : i + 1)));
        }
        commands.add(new Command.Tick("h10", now.minus(Duration.ofDays(12))));
        EngineGateway gateway = server.bean(EngineGateway.class);
        for (Command command : commands) {
            Response answer = gateway.submit(new CommandRequest(at -> command, GatewayCalls::render, null, null)).join();
            assertThat(answer.status()).as(command + " → " + answer.body()).isEqualTo(200);
        }
    }
}
