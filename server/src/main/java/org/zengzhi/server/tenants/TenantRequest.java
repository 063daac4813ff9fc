package org.zengzhi.server.tenants;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.util.UriUtils;

/**
 * A request as the tenant's context sees it: the context path is the server's plus {@code /t/{slug}}, so the
 * tenant's controllers match their usual paths and every link ({@code @{…}} in Thymeleaf) and redirect it makes
 * stays inside the tenant; the session is the tenant's view of the browser's session ({@link TenantSession}).
 */
final class TenantRequest extends HttpServletRequestWrapper {
    private final String slug;
    private final String contextPath;
    private final String path;
    private final String servletPath;

    /** {@code path}: the path inside the tenant as sent (encoded), e.g. {@code /api/v1/wallet}. */
    TenantRequest(HttpServletRequest request, String slug, String path) {
        super(request);
        this.slug = slug;
        this.contextPath = request.getContextPath() + TenantRouting.PREFIX + slug;
        this.path = path;
        int parameters = path.indexOf(';');
        this.servletPath = UriUtils.decode(parameters < 0 ? path : path.substring(0, parameters), StandardCharsets.UTF_8);
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public String getRequestURI() {
        return contextPath + path;
    }

    @Override
    public StringBuffer getRequestURL() {
        HttpServletRequest request = (HttpServletRequest) getRequest();
        StringBuffer url = request.getRequestURL();
        int start = url.indexOf("/", url.indexOf("//") + 2);
        url.setLength(start < 0 ? url.length() : start);
        return url.append(getRequestURI());
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
        HttpSession session = super.getSession(create);
        if (session == null || session instanceof TenantSession own && own.slug().equals(slug)) {
            return session;
        }
        return new TenantSession(session, slug);
    }
}
