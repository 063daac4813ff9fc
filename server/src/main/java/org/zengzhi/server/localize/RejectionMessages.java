package org.zengzhi.server.localize;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What a rejection code of the engine ({@code org.zengzhi.engine.RejectionCode}) means, in Chinese (the default)
 * or English (issue 20 item 7), from {@code i18n/rejections*.properties}.
 */
public final class RejectionMessages {
    static final String BUNDLE = "i18n/rejections";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private RejectionMessages() {
    }

    /** Chinese unless the locale's language is English. */
    public static Locale language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The text of the code in that language, or null when the code has none. */
    public static String text(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale language = language(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE,
                Locale.ENGLISH.equals(language) ? Locale.ROOT : Locale.CHINESE, NO_FALLBACK);
        try {
            return bundle.getString(code);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
