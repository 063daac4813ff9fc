package org.zengzhi.server.localize;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A promoter rank's name as a page shows it (issue 20 items 3 and 7): a rank's name is the plan's (data), shown as
 * written in Chinese; in English, the ranks of the shipped ladders (seed 003's 初级商务 and 见习商务专员, seed 000's
 * 推广者 → 城市代理) get their standard English label from the console's messages ({@code rank.<name>}), and any other
 * rank keeps the plan's own name. Templates call {@code ${@rankNames.label(name)}}.
 */
@Component("rankNames")
public class RankNames {
    private final MessageSource messages;

    RankNames(MessageSource messages) {
        this.messages = messages;
    }

    /** The rank's label in the page's language; the plan's name where no standard label exists. */
    public String label(String name) {
        return label(name, LocaleContextHolder.getLocale());
    }

    public String label(String name, Locale locale) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return messages.getMessage("rank." + name, null, name, locale);
    }
}
