package org.zengzhi.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Issue 19 item 9: where the sandbox provider may run. */
class SandboxGuardTest {
    private static final Set<String> DEVELOPMENT = Set.of("default", "dev", "demo", "test");

    @Test
    void theDefaultAndDevelopmentProfilesRunTheSandbox() {
        assertThat(SandboxGuard.refusal(new String[0], DEVELOPMENT, false)).isNull();
        assertThat(SandboxGuard.refusal(new String[] {"dev", "demo"}, DEVELOPMENT, false)).isNull();
    }

    @Test
    void anyOtherProfileRefusesItAndSaysWhy() {
        assertThat(SandboxGuard.refusal(new String[] {"postgres"}, DEVELOPMENT, false))
                .contains("postgres").contains("zengzhi.sandbox.enabled=true");
        assertThat(SandboxGuard.refusal(new String[] {"dev", "staging"}, DEVELOPMENT, false))
                .as("one production profile among development ones is enough").contains("profile(s) staging are");
    }

    @Test
    void theExplicitPropertyAllowsIt() {
        assertThat(SandboxGuard.refusal(new String[] {"postgres"}, DEVELOPMENT, true)).isNull();
    }
}
