package org.zengzhi.server.console;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.localize.PlanTime;
import org.zengzhi.server.localize.RejectionMessages;
import org.zengzhi.server.localize.ValidationMessages;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pages render once their data is there: they wait for the gateway (a query, or a command's durable batch)
 * with a bound, so a stuck gateway shows an error page instead of holding the request forever.
 */
public final class ConsoleCalls {
    private static final long WAIT_SECONDS = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConsoleCalls() {
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the engine did not answer: " + e.getMessage(), e);
        }
    }

    /** A JSON object of the API's views as a map, so templates read the very fields the API returns. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(String json) {
        return JSON.readValue(json, Map.class);
    }

    /** A database time as people read it, in the plan's zone (read models hold instants; issue 20 item 7). */
    public static String time(Object value) {
        if (value == null) {
            return "";
        }
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : null;
        return instant == null ? value.toString() : PlanTime.format(instant);
    }

    /** A database time as an ISO-8601 instant, for scripts (the chart's x axis). */
    public static String iso(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant().toString()
                : value instanceof OffsetDateTime offset ? offset.toInstant().toString() : String.valueOf(value);
    }

    /** A JSON array of the API's views as a list of maps, for templates. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(String json) {
        return JSON.readValue(json, List.class);
    }

    /** An ISO-8601 instant of the API's views as people read it, in the plan's zone; null or blank stays blank. */
    public static String isoTime(Object iso) {
        return iso == null || iso.toString().isBlank() ? "" : PlanTime.format(Instant.parse(iso.toString()));
    }

    /**
     * The rows of an API view with {@code <field>Text}: the row's ISO instant as people read it in the plan's zone
     * (issue 20 item 7), for templates that would otherwise show the raw instant.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> withTimeText(List<?> rows, String field) {
        return rows.stream().map(row -> {
            Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) row);
            copy.put(field + "Text", isoTime(copy.get(field)));
            return copy;
        }).toList();
    }

    /**
     * What a form's answer shows after the redirect: {@code okName} → {@code okValue} when the call succeeded,
     * else {@code errorName} → the problem's detail.
     */
    public static void flash(RedirectAttributes flash, ResponseEntity<String> answer, String okName, Object okValue,
            String errorName) {
        flash(flash, answer.getStatusCode().value(), answer.getBody(), okName, okValue, errorName);
    }

    public static void flash(RedirectAttributes flash, Response answer, String okName, Object okValue, String errorName) {
        flash(flash, answer.status(), answer.body(), okName, okValue, errorName);
    }

    private static void flash(RedirectAttributes flash, int status, String body, String okName, Object okValue,
            String errorName) {
        if (status < 400) {
            flash.addFlashAttribute(okName, okValue);
        } else {
            flash.addFlashAttribute(errorName, detail(body));
        }
    }

    /**
     * What a problem+json body says, for a message on the page: a rejection's code in the page's language
     * (issue 20 item 7) with the code for reference, else its {@code detail}.
     */
    public static String detail(String problem) {
        Map<String, Object> body = map(problem);
        Object code = body.get("code");
        String text = code == null ? null : RejectionMessages.text(code.toString(), LocaleContextHolder.getLocale());
        if (text != null) {
            return text + " (" + code + ")";
        }
        Object detail = body.get("detail");
        return detail == null ? problem : says(detail.toString());
    }

    /** A validation message (an exception's, a problem's detail) in the page's language (issue 20 item 7). */
    public static String says(String detail) {
        return ValidationMessages.localize(detail, LocaleContextHolder.getLocale());
    }
}
