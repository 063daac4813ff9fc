package org.zengzhi.server.localize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation messages in the user's language (issue 20 item 7): a problem's English {@code detail} (a malformed
 * amount, a missing field, a plan error) is matched against the English texts of {@code i18n/validation.properties},
 * each a message key with {@code {n}} for the parts that vary, and given the Chinese text of the same key in
 * {@code i18n/validation_zh.properties}. The detail itself stays the stable contract; the translation is what a
 * person reads. A part that is itself a known message ("field "x": has more than 2 decimals") is translated too.
 */
public final class ValidationMessages {
    static final String ENGLISH = "/i18n/validation.properties";
    static final String CHINESE = "/i18n/validation_zh.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");
    private static final int NESTING_MAX = 2;
    private static final List<Template> TEMPLATES = load();

    private ValidationMessages() {
    }

    /** One message: its key, the pattern of its English text, and its Chinese text (a MessageFormat pattern). */
    private record Template(String key, Pattern english, int literalLength, String chinese) {
    }

    /** A detail as matched: the key and the parts that vary, in placeholder order. */
    public record Match(String key, List<String> arguments) {
    }

    /**
     * The detail in the locale's language: Chinese unless the locale's language is English; null when the detail
     * matches no message (it is then shown as it is).
     */
    public static String text(String detail, Locale locale) {
        if (detail == null) {
            return null;
        }
        boolean english = Locale.ENGLISH.equals(RejectionMessages.language(locale));
        if (english) {
            return match(detail) == null ? null : detail;
        }
        return chinese(detail, 0);
    }

    /** The detail in the locale's language, or as it is when no message matches. */
    public static String localize(String detail, Locale locale) {
        String text = text(detail, locale);
        return text == null ? detail : text;
    }

    /** The most specific message whose English text matches the whole detail, or null. */
    public static Match match(String detail) {
        for (Template template : TEMPLATES) {
            Matcher matcher = template.english().matcher(detail);
            if (matcher.matches()) {
                List<String> arguments = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    arguments.add(matcher.group(i));
                }
                return new Match(template.key(), arguments);
            }
        }
        return null;
    }

    private static String chinese(String detail, int depth) {
        for (Template template : TEMPLATES) {
            Matcher matcher = template.english().matcher(detail);
            if (matcher.matches()) {
                Object[] arguments = new Object[matcher.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    String part = matcher.group(i + 1);
                    String translated = depth < NESTING_MAX ? chinese(part, depth + 1) : null;
                    arguments[i] = translated == null ? part : translated;
                }
                return new MessageFormat(template.chinese(), Locale.SIMPLIFIED_CHINESE).format(arguments);
            }
        }
        return null;
    }

    /** Every key of the English file, for the test that walks them. */
    static List<String> keys() {
        return TEMPLATES.stream().map(Template::key).toList();
    }

    static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ValidationMessages.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Most literal text first: "is missing" must not win over "field "x": is missing". */
    private static List<Template> load() {
        Properties english = read(ENGLISH);
        Properties chinese = read(CHINESE);
        List<Template> templates = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            String zh = chinese.getProperty(key, text);
            templates.add(new Template(key, pattern(text), PLACEHOLDER.matcher(text).replaceAll("").length(), zh));
        }
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed().thenComparing(Template::key));
        return List.copyOf(templates);
    }

    /** The English text as a pattern: literal text, each {n} any text (in the order they appear). */
    static Pattern pattern(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(text.substring(at, placeholder.start()))).append("(.*?)");
            at = placeholder.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
