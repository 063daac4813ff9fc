package org.zengzhi.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.server.account.Role;

/** Which of a demo's participants get a login (issue 20), and the demo password's check. */
class DemoLoginsTest {
    private static final Instant AT = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void eachRoleGetsItsOwnParticipantsAndConsumersWithATeamComeFirst() {
        List<Command> commands = List.of(
                new Command.RegisterUser("1", AT, "promoter-a", null),
                new Command.AppointAgent("2", AT, "agent-a", "440106"),
                new Command.OnboardMerchant("3", AT, "store-a", "owner-a", "promoter-a", "440106", 200_000),
                new Command.RegisterSupplier("4", AT, "farm", 100_000, 50_000),
                new Command.RegisterUser("5", AT, "alone", null),
                new Command.RegisterUser("6", AT, "inviter", null),
                new Command.RegisterUser("7", AT, "friend", "inviter"),
                new Command.RegisterUser("8", AT, "never-paid", "never-paid-friend"),
                new Command.PayOrder("9", AT, "alone", "store-a", Channel.STORE, 1_000, 0, null, null),
                new Command.PayOrder("10", AT, "alone", "store-a", Channel.STORE, 1_000, 0, null, null),
                new Command.PayOrder("11", AT, "inviter", "store-a", Channel.STORE, 1_000, 0, null, null),
                new Command.PayOrder("12", AT, "friend", "store-a", Channel.STORE, 1_000, 0, null, null));
        List<DemoLogins.Login> logins = DemoLogins.of(commands);
        assertThat(logins).extracting(DemoLogins.Login::username)
                .containsExactly("inviter", "alone", "owner-a", "promoter-a", "agent-a", "supplier-farm");
        DemoLogins.Login owner = logins.get(2);
        assertThat(owner.role()).isEqualTo(Role.MERCHANT);
        assertThat(owner.merchant()).isEqualTo("store-a");
        DemoLogins.Login supplier = logins.get(5);
        assertThat(supplier.role()).isEqualTo(Role.SUPPLIER);
        assertThat(supplier.supplier()).isEqualTo("farm");
        assertThat(supplier.merchant()).isNull();
    }

    @Test
    void aDemoPasswordThePolicyRefusesIsNamed() {
        List<DemoLogins.Login> logins = List.of(new DemoLogins.Login("owner-a", Role.MERCHANT, "a", null, "a"));
        assertThat(DemoLoginWrites.refusal(logins, "short")).contains("zengzhi.demo-password", "owner-a");
        assertThat(DemoLoginWrites.refusal(logins, "owner-a123")).contains("username");
        assertThat(DemoLoginWrites.refusal(logins, "demo-visitor-2026")).isNull();
    }
}
