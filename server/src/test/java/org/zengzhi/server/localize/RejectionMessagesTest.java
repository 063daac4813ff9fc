package org.zengzhi.server.localize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.RejectionCode;

/**
 * Issue 20 item 7: every rejection code has a text in Chinese (the default) and in English. The test iterates the
 * enum, so a code added later without its two lines fails here.
 */
class RejectionMessagesTest {
    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RejectionMessagesTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void issue20Item7EveryRejectionCodeHasAChineseAndAnEnglishText() throws IOException {
        Properties english = load(RejectionMessages.BUNDLE + ".properties");
        Properties chinese = load(RejectionMessages.BUNDLE + "_zh.properties");
        List<String> missing = new ArrayList<>();
        for (RejectionCode code : RejectionCode.values()) {
            String en = english.getProperty(code.name());
            String zh = chinese.getProperty(code.name());
            if (en == null || en.isBlank() || !en.chars().allMatch(c -> c < 0x3000)) {
                missing.add(code + " (en)");
            }
            if (zh == null || zh.isBlank() || zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)) {
                missing.add(code + " (zh)");
            }
        }
        assertThat(missing).as("rejection codes without a text in i18n/rejections*.properties").isEmpty();
    }

    @Test
    void issue20Item7ChineseIsTheDefaultAndEnglishIsAsked() {
        assertThat(RejectionMessages.text("REGION_TAKEN", Locale.SIMPLIFIED_CHINESE)).isEqualTo("该地区已有代理。");
        assertThat(RejectionMessages.text("REGION_TAKEN", null)).isEqualTo("该地区已有代理。");
        assertThat(RejectionMessages.text("REGION_TAKEN", Locale.FRENCH)).isEqualTo("该地区已有代理。");
        assertThat(RejectionMessages.text("REGION_TAKEN", Locale.US)).isEqualTo("The region has an agent already.");
        assertThat(RejectionMessages.text("NO_SUCH_CODE", Locale.US)).isNull();
        assertThat(RejectionMessages.text(null, Locale.US)).isNull();
    }

    @Test
    void issue20Item7ProblemJsonCarriesTheMessageInTheAskedLanguage() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Rejected\",\"status\":422,"
                + "\"detail\":\"the command was rejected with REGION_TAKEN; nothing changed\",\"code\":\"REGION_TAKEN\"}";
        assertThat(ProblemMessages.withMessage(problem, Locale.SIMPLIFIED_CHINESE))
                .contains("\"message\":\"该地区已有代理。\"").contains("\"code\":\"REGION_TAKEN\"")
                .contains("\"detail\":\"the command was rejected with REGION_TAKEN; nothing changed\"");
        assertThat(ProblemMessages.withMessage(problem, Locale.ENGLISH))
                .contains("\"message\":\"The region has an agent already.\"");
        String unknown = "{\"status\":400,\"field\":\"amount\",\"detail\":\"a text no message has\"}";
        assertThat(ProblemMessages.withMessage(unknown, Locale.ENGLISH)).isEqualTo(unknown);
        // Without a code, a known validation message gets its text too (ValidationMessagesTest).
        String noCode = "{\"status\":400,\"field\":\"amount\",\"detail\":\"is required\"}";
        assertThat(ProblemMessages.withMessage(noCode, Locale.SIMPLIFIED_CHINESE)).contains("\"message\":\"必填\"");
        assertThat(ProblemMessages.withMessage("not json", Locale.ENGLISH)).isEqualTo("not json");
    }

    @Test
    void issue20Item7AcceptLanguagePicksTheFirstLanguageTheConsoleSpeaks() {
        assertThat(ProblemMessages.language(List.of())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(ProblemMessages.language(List.of(Locale.FRENCH, Locale.US))).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemMessages.language(List.of(Locale.CHINA, Locale.US))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
