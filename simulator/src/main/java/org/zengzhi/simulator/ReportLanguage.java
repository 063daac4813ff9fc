package org.zengzhi.simulator;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.zengzhi.engine.plan.Finding;

/**
 * The language a report is written in (issue 20 items 6–7): Chinese, the default, or English. Every report keeps its
 * two texts side by side in its own code ({@link #pick}); numbers and dates are formatted the same in both. A plan
 * finding is told in the language through the engine's {@code i18n/findings*.properties}, as the console does.
 */
public enum ReportLanguage {
    ZH("zh-CN"), EN("en");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String tag;

    ReportLanguage(String tag) {
        this.tag = tag;
    }

    /** The value of the page's {@code lang} attribute. */
    public String tag() {
        return tag;
    }

    /** The text in this language. */
    public String pick(String chinese, String english) {
        return this == ZH ? chinese : english;
    }

    /** {@code zh} or {@code en} (any case); anything else is an error naming the choices. */
    public static ReportLanguage parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "cn" -> ZH;
            case "en", "en-us", "en-gb" -> EN;
            default -> throw new IllegalArgumentException("must be zh or en, not " + text);
        };
    }

    /** English for an English locale, Chinese for any other (the console's default). */
    public static ReportLanguage of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
    }

    /** A finding's text in this language, or its own English message when the bundle has none for its code. */
    public String finding(Finding finding) {
        String text = text(finding.code());
        return text == null ? finding.message() : text;
    }

    /** A line of the findings bundle ({@code heading}, {@code legal}, {@code details} …) with its arguments. */
    public String findingsText(String key, Object... arguments) {
        String text = text(key);
        return text == null ? key : new MessageFormat(text, this == ZH ? Locale.CHINESE : Locale.ENGLISH).format(arguments);
    }

    private String text(String key) {
        try {
            return ResourceBundle.getBundle("i18n/findings", this == ZH ? Locale.CHINESE : Locale.ROOT, NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
