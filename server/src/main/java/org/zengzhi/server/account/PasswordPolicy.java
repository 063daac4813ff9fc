package org.zengzhi.server.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (issue 19 item 10): long enough, not the username (nor the username with a few
 * characters added), and not on the list of common passwords shipped in {@code security/common-passwords.txt}.
 * Registration, accounts the operator creates and password changes all check here, so they refuse alike.
 */
public final class PasswordPolicy {
    public static final int LENGTH_MIN = 10;
    public static final int LENGTH_MAX = 200;
    /** What must remain once the username is taken out: "alice2024" is the username with a year. */
    static final int BEYOND_USERNAME_MIN = 6;
    private static final String COMMON_LIST = "/security/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy standard() {
        return Holder.STANDARD;
    }

    /** Null when {@code password} is acceptable for {@code username}, else why not (for the "password" field). */
    public String refusal(String username, String password) {
        if (password == null || password.length() < LENGTH_MIN || password.length() > LENGTH_MAX) {
            return LENGTH_MIN + " to " + LENGTH_MAX + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isEmpty()) {
            String rest = lower.replace(username.toLowerCase(Locale.ROOT), "");
            if (rest.length() < BEYOND_USERNAME_MIN) {
                return "must not be the username or the username with a few characters added";
            }
        }
        if (common.contains(lower)) {
            return "is one of the most common passwords; choose another";
        }
        return null;
    }

    int commonCount() {
        return common.size();
    }

    static Set<String> read(InputStream in) {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    passwords.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords;
    }

    /** The list is read once, on first use, and shared: it never changes while the server runs. */
    private static final class Holder {
        static final PasswordPolicy STANDARD = load();

        private static PasswordPolicy load() {
            InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST);
            if (in == null) {
                throw new IllegalStateException(COMMON_LIST + " is missing from the classpath");
            }
            return new PasswordPolicy(read(in));
        }
    }
}
