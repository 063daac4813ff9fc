package org.zengzhi.server.web;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

/** Every failure leaves as {@code application/problem+json}. */
@RestControllerAdvice
class ErrorAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failure(Exception exception) {
        Throwable cause = exception instanceof CompletionException && exception.getCause() != null
                ? exception.getCause() : exception;
        Response response;
        if (cause instanceof org.springframework.web.ErrorResponse) {
            org.springframework.http.ProblemDetail detail = ((org.springframework.web.ErrorResponse) cause).getBody();
            response = Problems.problem(detail.getStatus(), detail.getTitle(), null, detail.getDetail());
        } else if (cause instanceof EngineGateway.GatewayBusyException) {
            response = Problems.problem(503, "Service unavailable", null, cause.getMessage() + "; retry later");
        } else {
            LOG.error("request failed", cause);
            response = Problems.problem(500, "Internal error", null,
                    "the request was not completed; if it changed state, a retry with the same Idempotency-Key is safe");
        }
        return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.body());
    }
}
