package org.zengzhi.server.account;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The rules of the names people sign in with (issue 20 item 2). A username is 2 to 64 characters: letters of any
 * script (张三 as well as lee), digits 0–9, '_', '.' or '-', in Unicode normal form C; never control, bidirectional
 * or invisible (format) characters, which make one name read as another; never shaped like a phone number, so a
 * sign-in name is never both. A phone is a mainland mobile number: 11 digits starting 13–19. A display name is 1 to
 * {@value #DISPLAY_NAME_LENGTH_MAX} characters of any kind but control and format characters.
 */
public final class Identifiers {
    public static final int USERNAME_LENGTH_MIN = 2;
    public static final int USERNAME_LENGTH_MAX = 64;
    public static final int DISPLAY_NAME_LENGTH_MAX = 30;
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");

    private Identifiers() {
    }

    public static boolean isPhone(String text) {
        return text != null && PHONE.matcher(text).matches();
    }

    /** Why {@code username} is not a username (English; translated by its key), or null when it is one. */
    public static String usernameProblem(String username) {
        if (username == null || username.isEmpty()) {
            return "is required";
        }
        if (hasHiddenCharacters(username)) {
            return "must not contain control, bidirectional or invisible characters";
        }
        int length = username.codePointCount(0, username.length());
        if (length < USERNAME_LENGTH_MIN || length > USERNAME_LENGTH_MAX
                || !username.codePoints().allMatch(Identifiers::allowedInUsername)) {
            return USERNAME_LENGTH_MIN + " to " + USERNAME_LENGTH_MAX + " letters, digits, '_', '.' or '-'";
        }
        if (!Normalizer.isNormalized(username, Normalizer.Form.NFC)) {
            return "must be in Unicode normal form C";
        }
        if (isPhone(username)) {
            return "must not be a phone number: register the phone as the phone";
        }
        return null;
    }

    /** Why {@code phone} is not a mainland mobile number, or null when it is one. */
    public static String phoneProblem(String phone) {
        return isPhone(phone) ? null : "must be a mainland mobile number: 11 digits starting 13 to 19";
    }

    /** Why {@code name} cannot be shown as a display name, or null when it can. */
    public static String displayNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "is required";
        }
        if (hasHiddenCharacters(name)) {
            return "must not contain control, bidirectional or invisible characters";
        }
        if (name.codePointCount(0, name.length()) > DISPLAY_NAME_LENGTH_MAX) {
            return "at most " + DISPLAY_NAME_LENGTH_MAX + " characters";
        }
        return null;
    }

    /** Control characters, and format characters: bidi controls (U+202E), zero-width joiners and spaces, BOM. */
    static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    private static boolean allowedInUsername(int c) {
        return Character.isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }
}
