package org.zengzhi.server.tenants;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

/**
 * A tenant's view of the browser's session. The servlet container keeps one session per browser for the whole
 * server (the cookie's path is the root's), so each tenant's attributes are kept under its own prefix: the console's
 * sign-in (Spring Security's context), its CSRF token and saved request in one tenant are never seen by another,
 * nor by the default tenant. Invalidating drops this tenant's attributes only: signing out of one tenant leaves
 * the others signed in.
 */
final class TenantSession implements HttpSession {
    private final HttpSession session;
    private final String slug;
    private final String prefix;

    TenantSession(HttpSession session, String slug) {
        this.session = session;
        this.slug = slug;
        this.prefix = "zengzhi.tenant/" + slug + "/";
    }

    String slug() {
        return slug;
    }

    @Override
    public Object getAttribute(String name) {
        return session.getAttribute(prefix + name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        List<String> names = Collections.list(session.getAttributeNames()).stream().filter(n -> n.startsWith(prefix))
                .map(n -> n.substring(prefix.length())).toList();
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        session.setAttribute(prefix + name, value);
    }

    @Override
    public void removeAttribute(String name) {
        session.removeAttribute(prefix + name);
    }

    @Override
    public void invalidate() {
        for (String name : Collections.list(getAttributeNames())) {
            removeAttribute(name);
        }
    }

    @Override
    public long getCreationTime() {
        return session.getCreationTime();
    }

    @Override
    public String getId() {
        return session.getId();
    }

    @Override
    public long getLastAccessedTime() {
        return session.getLastAccessedTime();
    }

    @Override
    public ServletContext getServletContext() {
        return session.getServletContext();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        session.setMaxInactiveInterval(interval);
    }

    @Override
    public int getMaxInactiveInterval() {
        return session.getMaxInactiveInterval();
    }

    @Override
    public boolean isNew() {
        return session.isNew();
    }
}
