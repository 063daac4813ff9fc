package org.zengzhi.server.web;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.zengzhi.server.errorpage.ErrorPages;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure leaves as {@code application/problem+json}. */
@RestControllerAdvice
class ErrorAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAdvice.class);
    /**
     * The field a problem with the whole body names (an empty or malformed body), so that every 400 names a
     * field; in parentheses because no JSON field can be called that by accident, like a plan's "(file)".
     */
    static final String BODY = "(body)";

    /** problem+json, or for a browser the console's error page of the same status (issue 20 item 7). */
    @ExceptionHandler(Exception.class)
    Object failure(Exception exception, HttpServletRequest request) {
        ResponseEntity<String> problem = problem(exception);
        return ErrorPages.browser(request) ? ErrorPages.page(problem.getStatusCode().value()) : problem;
    }

    private static ResponseEntity<String> problem(Exception exception) {
        Throwable cause = exception instanceof CompletionException && exception.getCause() != null
                ? exception.getCause() : exception;
        Response response;
        if (cause instanceof HttpMessageNotReadableException unreadable) {
            response = unreadable(unreadable);
        } else if (cause instanceof MethodArgumentTypeMismatchException mismatch) {
            response = Problems.badRequest(mismatch.getName(), "not a valid " + typeName(mismatch.getRequiredType())
                    + ": \"" + mismatch.getValue() + "\"");
        } else if (cause instanceof MissingServletRequestParameterException missing) {
            response = Problems.badRequest(missing.getParameterName(), "is required");
        } else if (cause instanceof MissingRequestHeaderException missing) {
            response = Problems.badRequest(missing.getHeaderName(), "the header is required");
        } else if (cause instanceof org.springframework.web.ErrorResponse) {
            org.springframework.http.ProblemDetail detail = ((org.springframework.web.ErrorResponse) cause).getBody();
            response = Problems.problem(detail.getStatus(), detail.getTitle(), null, detail.getDetail());
        } else if (cause instanceof EngineGateway.GatewayBusyException) {
            response = Problems.problem(503, "Service unavailable", null, cause.getMessage() + "; retry later");
        } else {
            LOG.error("request failed", cause);
            response = Problems.problem(500, "Internal error", null,
                    "the request was not completed; if it changed state, a retry with the same Idempotency-Key is safe");
        }
        return ResponseEntity.status(response.status()).contentType(GatewayCalls.PROBLEM)
                .body(response.body());
    }

    /**
     * A body Jackson could not read: a field of the wrong type names the field (its path, such as
     * {@code split.pool} or {@code [2].amount}), and so does a field the request does not have (refused by
     * {@link StrictJson}); a body that is not JSON names {@link #BODY}.
     */
    private static Response unreadable(HttpMessageNotReadableException exception) {
        for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                String field = path(jackson);
                if (field.isEmpty()) {
                    return Problems.badRequest(BODY, "the body is not valid JSON: " + jackson.getOriginalMessage());
                }
                return jackson instanceof UnrecognizedPropertyException
                        ? Problems.badRequest(field, "is not a field of this request; nothing changed")
                        : Problems.badRequest(field, "has the wrong type: " + jackson.getOriginalMessage());
            }
        }
        return Problems.badRequest(BODY, "the body is not valid JSON");
    }

    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        return type == null ? "value" : type == int.class || type == long.class || type == Integer.class
                || type == Long.class ? "whole number" : type.getSimpleName();
    }
}
