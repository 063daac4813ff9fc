package org.zengzhi.server.green;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A small green-points economy for the API and browser tests: plans/green-points.yaml with both pools starting at
 * 100 points. The history is submitted to the gateway as the demo does, stamped in the past (the API stamps every
 * command with the wall clock): pam (推广员) is appointed on the first of last month, so the operator can close that
 * month now; pam recruits "shop"; five days ago amy (1000.00) and bob (500.00) paid there, which starts both pools
 * that day, and a tick three days ago paid their first dividend (issue 17 rule 3: the next day). amy, pam
 * (consumers) and lee-shop (the store's merchant account) have accounts with passwords "<name>-secret".
 */
public final class GreenEconomy {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public final ServerHarness server;
    public final Instant now;
    public final YearMonth appointedMonth;
    public final Instant paid;

    public GreenEconomy(Path temp) throws Exception {
        this(temp, new String[0]);
    }

    /** The economy on the database of {@code database} (server properties; none: H2 under {@code temp}). */
    public GreenEconomy(Path temp, String... database) throws Exception {
        String preset = new String(GreenEconomy.class.getResourceAsStream("/plans/green-points.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String small = preset.replace("startValue: 1000000,", "startValue: 100,").replace("startValue: 10000000,",
                "startValue: 100,");
        assertThat(small).doesNotContain("startValue: 1000000");
        Path plan = temp.resolve("green-small.yaml");
        Files.writeString(plan, small, StandardCharsets.UTF_8);
        java.util.List<String> properties = new java.util.ArrayList<>(java.util.List.of(database));
        properties.add("zengzhi.data-dir=" + temp.resolve("data"));
        properties.add("zengzhi.plan=" + plan);
        server = new ServerHarness(properties.toArray(String[]::new));
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        appointedMonth = YearMonth.from(now.atZone(SHANGHAI)).minusMonths(1);
        Instant then = appointedMonth.atDay(1).atStartOfDay(SHANGHAI).toInstant().plus(1, ChronoUnit.HOURS);
        paid = now.minus(5, ChronoUnit.DAYS);
        history(new Command.RegisterUser("h1", then, "pam", null), new Command.RegisterUser("h2", then, "amy", null),
                new Command.RegisterUser("h3", then, "zed", null),
                new Command.AppointPromoter("h4", then, "pam", null),
                new Command.OnboardMerchant("h5", then, "shop", "lee", "pam", "440106", 200_000),
                new Command.PayOrder("o1", paid, "amy", "shop", Channel.STORE, 100_000, 0, null, null),
                new Command.PayOrder("o2", paid, "bob", "shop", Channel.STORE, 50_000, 0, null, null),
                new Command.Tick("h8", paid.plus(1, ChronoUnit.SECONDS)),
                new Command.Tick("h9", now.minus(3, ChronoUnit.DAYS)));
        for (String user : new String[] {"amy", "pam"}) {
            assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\""
                    + user + "-secret\"}", null).status()).isEqualTo(201);
        }
        assertThat(server.post("/operator/accounts", (String) null, "{\"username\":\"lee-shop\",\"password\":\"lee-shop-secret\","
                + "\"role\":\"MERCHANT\",\"merchant\":\"shop\"}").status()).isEqualTo(201);
    }

    private void history(Command... commands) {
        EngineGateway gateway = server.bean(EngineGateway.class);
        for (Command command : commands) {
            Response answer = gateway.submit(new CommandRequest(at -> command, GatewayCalls::render, null, null)).join();
            assertThat(answer.status()).as(command + " → " + answer.body()).isEqualTo(200);
        }
    }
}
