package org.zengzhi.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.zengzhi.server.gateway.Problems;

/**
 * A URL the security firewall refuses (a double slash, a {@code ;} path parameter, an encoded slash) as
 * problem+json naming {@code (path)} (R-8.5, issue 19 item 7), like the URLs Tomcat refuses
 * ({@link ProblemErrorReportValve}). Without it the refusal was Spring Boot's own error JSON; the re-probe of
 * issue 19 found it with {@code /payouts/sandbox//complete}.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.problem(400, "Bad request", "(path)",
                "the server refused this request's URL before reading it").body());
    }
}
