package org.zengzhi.server.localize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.Identifiers;

/**
 * Issue 20 item 7: validation messages other than rejection codes (a malformed amount, a bad username, a plan
 * error) have a key with an English and a Chinese text. The first test walks every key of both bundles, so a
 * message added to one file only, or with other placeholders, fails here; the others take real messages from the
 * code that makes them and check they are translated, nested parts included.
 */
class ValidationMessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

    @Test
    void issue20Item7EveryKeyIsInBothBundlesWithTheSamePlaceholders() {
        Properties english = ValidationMessages.read(ValidationMessages.ENGLISH);
        Properties chinese = ValidationMessages.read(ValidationMessages.CHINESE);
        assertThat(chinese.stringPropertyNames()).as("the same keys").isEqualTo(english.stringPropertyNames());
        List<String> wrong = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (en.isBlank() || !en.chars().allMatch(c -> c < 0x3000)) {
                wrong.add(key + " (en is not English)");
            }
            if (zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                wrong.add(key + " (zh has no Chinese)");
            }
            if (!placeholders(en).equals(placeholders(zh))) {
                wrong.add(key + " (placeholders differ)");
            }
            if (!inOrder(en)) {
                wrong.add(key + " (en placeholders out of order)");
            }
            if (zh.contains("'")) {
                wrong.add(key + " (a single quote in MessageFormat text)");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(ValidationMessages.keys()).hasSize(english.size());
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static boolean inOrder(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        int next = 0;
        while (matcher.find()) {
            if (Integer.parseInt(matcher.group(1)) != next++) {
                return false;
            }
        }
        return true;
    }

    @Test
    void issue20Item7AnAmountWithTooManyDecimalsReadsInChineseUnlessEnglishIsAsked() {
        String detail = refusal(() -> Units.parseFen("1.234"));
        assertThat(detail).isEqualTo("has more than 2 decimals: \"1.234\"");
        assertThat(ValidationMessages.text(detail, Locale.SIMPLIFIED_CHINESE)).isEqualTo("小数超过 2 位：\"1.234\"");
        assertThat(ValidationMessages.text(detail, null)).as("Chinese by default").isEqualTo("小数超过 2 位：\"1.234\"");
        assertThat(ValidationMessages.text(detail, Locale.US)).isEqualTo(detail);
        assertThat(ValidationMessages.match(detail).key()).isEqualTo("units.decimals");
        assertThat(ValidationMessages.text("something nobody wrote", Locale.SIMPLIFIED_CHINESE)).isNull();
        assertThat(ValidationMessages.localize("something nobody wrote", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("something nobody wrote");
    }

    @Test
    void issue20Item7APartThatIsAMessageIsTranslatedToo() {
        String detail = "field \"amount\": " + refusal(() -> Units.parseFen("abc"));
        assertThat(ValidationMessages.text(detail, Locale.SIMPLIFIED_CHINESE)).isEqualTo("字段“amount”：不是十进制数：\"abc\"");
    }

    @Test
    void issue20Item7TheNameRulesOfPhoneSignInAreTranslated() {
        for (String detail : new String[] {Identifiers.usernameProblem("ab\u202Ecd"), Identifiers.usernameProblem("a b"),
            Identifiers.usernameProblem("13812345678"), Identifiers.phoneProblem("12345"),
            Identifiers.displayNameProblem("x".repeat(31))}) {
            String zh = ValidationMessages.text(detail, Locale.SIMPLIFIED_CHINESE);
            assertThat(zh).as(detail).isNotNull();
            assertThat(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as(zh).isTrue();
        }
        assertThat(ValidationMessages.text(Identifiers.usernameProblem("a b"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("2 到 64 个字符：任何文字的字母、数字、_、. 或 -");
    }

    @Test
    void issue20Item7AProblemWithoutACodeGetsAMessage() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,"
                + "\"detail\":\"has more than 2 decimals: \\\"0.001\\\"\",\"field\":\"amount\"}";
        assertThat(ProblemMessages.withMessage(problem, Locale.SIMPLIFIED_CHINESE)).contains("\"message\":\"小数超过 2 位");
        assertThat(ProblemMessages.withMessage(problem, Locale.ENGLISH)).contains("\"message\":\"has more than 2 decimals");
        String plan = "{\"status\":400,\"detail\":\"1 error(s) in the plan\",\"errors\":[{\"field\":\"tiers\",\"message\":"
                + "\"must list at least one tier; leave the key out for a single tier open to everyone\"}]}";
        assertThat(ProblemMessages.withMessage(plan, Locale.SIMPLIFIED_CHINESE)).contains("方案中有 1 处错误")
                .contains("\"text\":\"至少列出一个等级");
    }

    private static String refusal(Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        assertThatThrownBy(parse::run).isInstanceOf(IllegalArgumentException.class);
        return null;
    }
}
