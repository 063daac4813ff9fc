package org.zengzhi.server.localize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.CommandType;

/**
 * Issue 20 item 7: every text of the console is in both bundles, messages.properties (English) and
 * messages_zh.properties (Chinese, the default), with the same placeholders. An English text is English: Chinese only
 * as a glossary term in brackets after its English word, such as "Direct (直推)"; a Chinese text has Chinese.
 */
class ConsoleMessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*\\}");
    private static final Pattern GLOSSARY = Pattern.compile("[(（][^()（）]*\\p{IsHan}[^()（）]*[)）]");

    @Test
    void issue20Item7EveryConsoleKeyHasAnEnglishAndAChineseText() throws IOException {
        Properties english = load("/messages.properties");
        Properties chinese = load("/messages_zh.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        assertThat(onlyEnglish).as("keys with no Chinese text").isEmpty();
        assertThat(onlyChinese).as("keys with no English text").isEmpty();
        List<String> wrong = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (en.isBlank() || zh.isBlank()) {
                wrong.add(key + " (empty)");
            }
            if (GLOSSARY.matcher(en).replaceAll("").codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                wrong.add(key + " (Chinese in the English text outside a glossary term: " + en + ")");
            }
            if (!zh.isBlank() && !isLanguageNeutral(en, zh)
                    && zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                wrong.add(key + " (no Chinese in the Chinese text: " + zh + ")");
            }
            if (!placeholders(en).equals(placeholders(zh))) {
                wrong.add(key + " (placeholders differ: " + placeholders(en) + " and " + placeholders(zh) + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The participant page names each command by a label, never its code (issue 20 item 7, plain labels). */
    @Test
    void issue20Item7EveryCommandTypeHasALabelInBothLanguages() throws IOException {
        Properties english = load("/messages.properties");
        Properties chinese = load("/messages_zh.properties");
        List<String> missing = new ArrayList<>();
        for (CommandType type : CommandType.values()) {
            String en = english.getProperty("command." + type.name());
            String zh = chinese.getProperty("command." + type.name());
            if (en == null || en.isBlank() || en.contains("_")) {
                missing.add(type + " (en)");
            }
            if (zh == null || zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                missing.add(type + " (zh)");
            }
        }
        assertThat(missing).isEmpty();
        assertThat(english.getProperty("command.PAY_ORDER")).isEqualTo("Order paid");
    }

    /** A text the same in both languages that needs no words, such as a currency sign or a number pattern. */
    private static boolean isLanguageNeutral(String en, String zh) {
        return en.equals(zh) && en.codePoints().noneMatch(Character::isLetter);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
