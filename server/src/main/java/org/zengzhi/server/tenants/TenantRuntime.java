package org.zengzhi.server.tenants;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A started tenant: its own application context, and the filters and {@link DispatcherServlet} that context
 * would have registered with a web server of its own, initialised against the real servlet context instead. A
 * request routed here runs through them exactly as the root's requests run through the root's.
 */
final class TenantRuntime implements AutoCloseable {
    private record Registered(String name, Filter filter, EnumSet<DispatcherType> types, List<String> patterns) {
    }

    /** A serving tenant's pool closes idle connections above its minimum after Hikari's default, 10 minutes. */
    private static final long IDLE_TIMEOUT_MS = 600_000;
    private final String slug;
    private final ConfigurableApplicationContext context;
    private final List<Registered> filters = new ArrayList<>();
    private final DispatcherServlet dispatcher;

    TenantRuntime(String slug, ConfigurableApplicationContext context, ServletContext servletContext)
            throws ServletException {
        this.slug = slug;
        this.context = context;
        DispatcherServlet found = null;
        for (ServletContextInitializer initializer : new ServletContextInitializerBeans(context.getBeanFactory())) {
            if (initializer instanceof AbstractFilterRegistrationBean<?> registration && registration.isEnabled()) {
                Filter filter = registration.getFilter();
                filter.init(new Config(registration.getFilterName(), servletContext));
                filters.add(new Registered(registration.getFilterName(), filter, registration.determineDispatcherTypes(),
                        List.copyOf(registration.getUrlPatterns())));
            } else if (initializer instanceof ServletRegistrationBean<?> servlet
                    && servlet.getServlet() instanceof DispatcherServlet dispatcherServlet) {
                found = dispatcherServlet;
            }
        }
        if (found == null) {
            throw new IllegalStateException("tenant " + slug + ": its context has no DispatcherServlet");
        }
        dispatcher = found;
        // The servlet context is the root's: the tenant's context must not be published in it over the root's.
        dispatcher.setPublishContext(false);
        dispatcher.init(new Config("tenant-" + slug + "-dispatcherServlet", servletContext));
    }

    /**
     * A standby starts serving: its engine recovers (on Kafka, taking the tenant's log over) and its workers start;
     * its pool keeps a connection ready again. Does nothing on a context that serves already.
     */
    void startServing() {
        context.start();
        context.getBeanProvider(HikariDataSource.class).ifAvailable(pool -> {
            pool.getHikariConfigMXBean().setIdleTimeout(IDLE_TIMEOUT_MS);
            pool.getHikariConfigMXBean().setMinimumIdle(1);
        });
    }

    String slug() {
        return slug;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** Runs the request through the tenant's filters (those registered for its dispatch type and path) and servlet. */
    void serve(HttpServletRequest request, ServletResponse response) throws IOException, ServletException {
        String path = request.getServletPath();
        List<Filter> chain = new ArrayList<>();
        for (Registered registered : filters) {
            if (registered.types().contains(request.getDispatcherType()) && matches(registered.patterns(), path)) {
                chain.add(registered.filter());
            }
        }
        new Chain(chain).doFilter(request, response);
    }

    private final class Chain implements FilterChain {
        private final List<Filter> filters;
        private int next;

        Chain(List<Filter> filters) {
            this.filters = filters;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
            if (next < filters.size()) {
                filters.get(next++).doFilter(request, response, this);
            } else {
                dispatcher.service(request, response);
            }
        }
    }

    /** Servlet URL patterns as a container matches them: none or {@code /*} is every path. */
    static boolean matches(List<String> patterns, String path) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            if (pattern.equals("/*") || pattern.equals("/") || pattern.equals(path)
                    || (pattern.endsWith("/*") && (path + "/").startsWith(pattern.substring(0, pattern.length() - 1)))
                    || (pattern.startsWith("*.") && path.endsWith(pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        dispatcher.destroy();
        for (Registered registered : filters) {
            registered.filter().destroy();
        }
        context.close();
    }

    /** The configuration a filter or the dispatcher is started with: its name and the real servlet context. */
    private record Config(String name, ServletContext servletContext) implements FilterConfig, ServletConfig {
        @Override
        public String getFilterName() {
            return name;
        }

        @Override
        public String getServletName() {
            return name;
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext;
        }

        @Override
        public String getInitParameter(String parameter) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }
}
