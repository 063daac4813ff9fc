package org.zengzhi.server.payment;

import java.util.Arrays;
import java.util.Set;

/**
 * Whether the sandbox provider may run (issue 19): it marks payments paid without moving money, so on a server
 * that takes real money it would let anyone pay for nothing. It runs only when every active profile is a
 * development one, or when {@code zengzhi.sandbox.enabled=true} says so explicitly (a staging server, the
 * PostgreSQL tests).
 */
public final class SandboxGuard {
    /** Spring's name for "no profile chosen": the embedded H2 default a developer starts with. */
    public static final String DEFAULT_PROFILE = "default";

    private SandboxGuard() {
    }

    /**
     * Null when the sandbox may run, else why not, naming the profiles and the property that would allow it.
     * {@code activeProfiles} empty means Spring's default profile.
     */
    public static String refusal(String[] activeProfiles, Set<String> developmentProfiles, boolean enabled) {
        if (enabled) {
            return null;
        }
        String[] profiles = activeProfiles.length == 0 ? new String[] {DEFAULT_PROFILE} : activeProfiles;
        String[] production = Arrays.stream(profiles).filter(profile -> !developmentProfiles.contains(profile))
                .toArray(String[]::new);
        if (production.length == 0) {
            return null;
        }
        return "the sandbox payment provider marks payments paid without moving money, and the profile(s) "
                + String.join(", ", production) + " are not development profiles (zengzhi.development-profiles = "
                + String.join(", ", developmentProfiles.stream().sorted().toList()) + "). Configure a real payment "
                + "provider, or set zengzhi.sandbox.enabled=true to run the sandbox here on purpose (staging).";
    }
}
