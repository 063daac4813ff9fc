package org.zengzhi.server.localize;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.zengzhi.engine.plan.ComplianceReport;

/**
 * The compliance report of the plan check as the console shows it, in Chinese (the default) or
 * English (issue 20 item 7): a heading, the legal marks and one line per finding by its stable code, from
 * {@code i18n/findings*.properties}. The engine's whole report (English with the Chinese terms) stays available
 * beside it; a finding whose code has no line shows the engine's message.
 */
public final class ComplianceText {
    static final String BUNDLE = "i18n/findings";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ComplianceText() {
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale language = RejectionMessages.language(locale);
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH.equals(language) ? Locale.ROOT : Locale.CHINESE,
                NO_FALLBACK);
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** The text of one finding code in that language, or null when it has none. */
    public static String finding(String code, Locale locale) {
        return text(bundle(locale), code);
    }

    /** The report's parts for a page: heading, legal, findingsHeading, none, details, findings (code, field, text, detail). */
    public static Map<String, Object> of(String planName, ComplianceReport report, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Locale language = RejectionMessages.language(locale);
        List<Map<String, String>> findings = report.findings().stream().map(finding -> {
            String text = text(bundle, finding.code());
            return Map.of("code", finding.code(), "field", finding.field(),
                    "text", text == null ? finding.message() : text, "detail", finding.message());
        }).toList();
        return Map.of("heading", new MessageFormat(bundle.getString("heading"), language).format(new Object[] {planName}),
                "legal", bundle.getString("legal"),
                "findingsHeading", new MessageFormat(bundle.getString("findings"), language)
                        .format(new Object[] {findings.size()}),
                "none", bundle.getString("none"), "details", bundle.getString("details"), "findings", findings,
                "text", report.text());
    }
}
