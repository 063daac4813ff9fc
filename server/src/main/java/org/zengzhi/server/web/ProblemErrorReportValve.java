package org.zengzhi.server.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.zengzhi.server.gateway.Problems;

/**
 * Tomcat's own error page as problem+json (R-8.5, issue 19 item 7): a request Tomcat refuses before any servlet
 * sees it — a path-traversal URL such as {@code /api/v1/..;/..;/etc/passwd}, an invalid URI — used to get
 * Tomcat's HTML page. It names the field {@code (path)}, like {@link ErrorAdvice} names {@code (body)}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.problem(status, status == 400 ? "Bad request" : "Error", "(path)",
                        "the server refused this request's URL or headers before reading it").body());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed meanwhile: there is nobody left to tell.
        }
    }
}
