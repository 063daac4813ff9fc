package org.zengzhi.server.localize;

import java.util.List;
import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every {@code application/problem+json} answer with a rejection {@code code} also carries {@code message}: what
 * the code means in the language the client asks for with {@code Accept-Language} (Chinese unless English comes
 * first; issue 20 item 7). Without a code, a {@code detail} that is a known validation message
 * ({@link ValidationMessages}) gets its {@code message} the same way, and each of a plan's {@code errors} its
 * {@code text}. {@code detail} and {@code code} stay as they were: they are the stable contract.
 */
@RestControllerAdvice
class ProblemMessages implements ResponseBodyAdvice<Object> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof String text) || selectedContentType == null
                || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selectedContentType)) {
            return body;
        }
        return withMessage(text, language(request.getHeaders().getAcceptLanguageAsLocales()));
    }

    /** The first of the asked languages the console speaks, else Chinese. */
    static Locale language(List<Locale> asked) {
        for (Locale locale : asked) {
            if ("en".equals(locale.getLanguage()) || "zh".equals(locale.getLanguage())) {
                return RejectionMessages.language(locale);
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** The problem with {@code message} added when it names a code that has a text; else unchanged. */
    static String withMessage(String problem, Locale locale) {
        JsonNode node;
        try {
            node = JSON.readTree(problem);
        } catch (RuntimeException e) {
            return problem;
        }
        if (!(node instanceof ObjectNode object)) {
            return problem;
        }
        String message = object.hasNonNull("code") ? RejectionMessages.text(object.get("code").asString(), locale)
                : object.hasNonNull("detail") ? ValidationMessages.text(object.get("detail").asString(), locale) : null;
        boolean changed = message != null;
        if (changed) {
            object.put("message", message);
        }
        // A plan's errors, each with its own message (the plan editor's and PUT /operator/plan's).
        if (object.get("errors") instanceof ArrayNode errors) {
            for (JsonNode error : errors) {
                if (error instanceof ObjectNode item && item.hasNonNull("message")) {
                    String text = ValidationMessages.text(item.get("message").asString(), locale);
                    if (text != null) {
                        item.put("text", text);
                        changed = true;
                    }
                }
            }
        }
        return changed ? JSON.writeValueAsString(object) : problem;
    }
}
