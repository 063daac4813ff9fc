package org.zengzhi.server.errorpage;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Error pages in the console's style for a browser (issue 20 item 7): a request that asks for HTML gets the
 * {@code error} template (also Spring Boot's error view, so no Whitelabel page) instead of problem+json, in the
 * console's language; every other client keeps the problem+json answer.
 */
public final class ErrorPages {
    private ErrorPages() {
    }

    /** A browser asks for HTML; API clients ask for JSON or anything. */
    public static boolean browser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/");
    }

    /** The error page with that status. */
    public static ModelAndView page(int status) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        HttpStatus known = HttpStatus.resolve(status);
        page.setStatus(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known);
        return page;
    }
}
