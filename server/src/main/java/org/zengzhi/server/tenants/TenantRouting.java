package org.zengzhi.server.tenants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import org.zengzhi.server.gateway.Problems;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes {@code /t/{slug}/…} to that tenant's context (docs/tenants.md); every other path is the default tenant's
 * and goes on through the root context as before. The tenant is remembered in a request attribute, so the
 * container's later dispatches of the same request (an asynchronous answer, an error page, a forward to the
 * console's 403 page) go back to the same tenant, never to the default one. An unknown slug is 404, a suspended
 * tenant 503, a closed one 410: a problem for the API, a page for the console, in Chinese or English.
 */
final class TenantRouting implements Filter {
    static final String PREFIX = "/t/";
    static final String ATTRIBUTE = TenantRouting.class.getName() + ".slug";
    /** On a redirect to the node that serves the tenant (cluster mode): that node's base URL. */
    static final String OWNER_HEADER = "Zengzhi-Tenant-Owner";
    /** Seconds a caller should wait before trying a tenant no node serves at this moment (cluster mode). */
    static final String RETRY_AFTER_SECONDS = "2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Tenants tenants;
    private final MessageSource messages;
    private final TenantPlacement placement;

    TenantRouting(Tenants tenants, MessageSource messages, TenantPlacement placement) {
        this.tenants = tenants;
        this.messages = messages;
        this.placement = placement;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Object routed = request.getAttribute(ATTRIBUTE);
        if (request.getDispatcherType() != DispatcherType.REQUEST && routed instanceof String slug) {
            String own = PREFIX + slug;
            route(slug, path.startsWith(own + "/") ? path.substring(own.length()) : path, request, response);
        } else if (request.getDispatcherType() == DispatcherType.REQUEST && path.startsWith(PREFIX)) {
            int end = path.indexOf('/', PREFIX.length());
            String slug = path.substring(PREFIX.length(), end < 0 ? path.length() : end);
            if (end < 0) {
                response.sendRedirect(request.getContextPath() + PREFIX + slug + "/");
                return;
            }
            request.setAttribute(ATTRIBUTE, slug);
            route(slug, path.substring(end), request, response);
        } else if (placement.servesDefaultTenant() || request.getDispatcherType() != DispatcherType.REQUEST
                || deploymentLayer(path)) {
            chain.doFilter(request, response);
        } else {
            refuse(404, "tenants.clusterroot", "in cluster mode the root serves only the deployment API; tenants are "
                    + "under /t/{slug}/", "", path, request, response);
        }
    }

    /** What the root serves in cluster mode: the deployment API, the style sheets and scripts, error pages. */
    private static boolean deploymentLayer(String path) {
        return path.startsWith("/api/v1/deployment/") || path.startsWith("/assets/") || path.startsWith("/webjars/")
                || path.equals("/error");
    }

    private void route(String slug, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        TenantRuntime runtime = tenants.running(slug);
        if (runtime != null) {
            runtime.serve(new TenantRequest(request, slug, path), response);
            return;
        }
        TenantRecord.Status status = tenants.status(slug);
        if (status == null && !placement.servesDefaultTenant()) {
            // Cluster mode: a tenant created on another node a moment ago is in the directory before this node's next
            // pass reads it; without this look-up it answered 404 here meanwhile (found by the server-node demo).
            status = tenants.lookUp(slug);
        }
        if (status == null) {
            refuse(404, "tenants.unknown", "no tenant " + slug, slug, path, request, response);
        } else if (status == TenantRecord.Status.CLOSED) {
            refuse(410, "tenants.closed", "the tenant " + slug + " is closed", slug, path, request, response);
        } else if (status == TenantRecord.Status.SUSPENDED) {
            refuse(503, "tenants.suspended", "the tenant " + slug + " is suspended", slug, path, request, response);
        } else if (placement.servesDefaultTenant()) {
            refuse(503, "tenants.starting", "the tenant " + slug + " is not running yet", slug, path, request, response);
        } else {
            redirectOrRefuse(slug, path, request, response);
        }
    }

    /**
     * Cluster mode: 307 to the node that serves the tenant (same method, path, query and body), naming it in a
     * header; 503 with Retry-After while no live node serves it (being started, caught up or taken over).
     */
    private void redirectOrRefuse(String slug, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String owner = request.getDispatcherType() == DispatcherType.REQUEST ? placement.ownerUrl(slug) : null;
        if (owner != null) {
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
            response.setHeader("Location", owner + request.getRequestURI().substring(request.getContextPath().length())
                    + (query == null ? "" : "?" + query));
            response.setHeader(OWNER_HEADER, owner);
            return;
        }
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        refuse(503, "tenants.unowned", "no node of the cluster serves the tenant " + slug + " at this moment", slug,
                path, request, response);
    }

    private void refuse(int status, String message, String problemDetail, String slug, String path,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = language(request);
        String title = messages.getMessage(message + ".title", null, locale);
        String detail = messages.getMessage(message + ".detail", new Object[] {slug}, locale);
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (path.startsWith("/api/")) {
            ObjectNode body = (ObjectNode) JSON.readTree(Problems.problem(status, title(status), "slug", problemDetail).body());
            body.put("message", detail);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write(JSON.writeValueAsString(body));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        String lang = locale.getLanguage();
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " · " + escape(messages.getMessage("app.name", null, locale)) + "</title><link rel=\"stylesheet\" href=\""
                + escape(request.getContextPath()) + "/assets/console.css\"></head><body><header class=\"bar\"><strong>"
                + escape(messages.getMessage("app.name", null, locale)) + "</strong><nav><a href=\"?lang=zh\" lang=\"zh\">"
                + "中文</a> <a href=\"?lang=en\" lang=\"en\">English</a></nav></header><main class=\"narrow error-page\" "
                + "id=\"error-page\"><p class=\"status\" id=\"error-status\">" + status + "</p><h1 id=\"error-title\">"
                + escape(title) + "</h1><p class=\"note\" id=\"error-detail\">" + escape(detail) + "</p></main></body></html>");
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 410 -> "Gone";
            default -> "Service unavailable";
        };
    }

    /** {@code ?lang=en} or English first in Accept-Language: English; else Chinese, the console's default. */
    static Locale language(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            return lang.startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        if (request.getHeader("Accept-Language") == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        for (Locale locale : java.util.Collections.list(request.getLocales())) {
            if (locale.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
            if (locale.getLanguage().equals("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
