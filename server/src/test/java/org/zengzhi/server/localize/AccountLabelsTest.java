package org.zengzhi.server.localize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.ledger.AccountType;

/**
 * Issue 20 item 7 (plain labels instead of account codes): every ledger account has a label {@code account.<CODE>}
 * in the console's Chinese and English messages; iterating the enum catches an account added later without one.
 */
class AccountLabelsTest {
    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AccountLabelsTest.class.getResourceAsStream("/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void issue20Item7EveryAccountHasAPlainLabelInChineseAndEnglish() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh.properties");
        List<String> missing = new ArrayList<>();
        for (AccountType type : AccountType.values()) {
            String en = english.getProperty("account." + type.name());
            String zh = chinese.getProperty("account." + type.name());
            if (en == null || en.isBlank() || en.contains("_")) {
                missing.add(type + " (en)");
            }
            if (zh == null || zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                missing.add(type + " (zh)");
            }
        }
        assertThat(missing).isEmpty();
        assertThat(chinese.getProperty("account.USER_CASH")).isEqualTo("零钱");
    }
}
