package org.zengzhi.server.tenants;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The deployment operator's console page at {@code /deployment} (部署运营方, docs/tenants.md), in the root context
 * only: the page itself holds no data; its script signs in through the deployment API and makes every change
 * through it (list, create, suspend, resume, rename, close), so the page can do nothing the API does not allow.
 */
@Controller
@ConditionalOnProperty(name = "zengzhi.deployment.enabled", havingValue = "true", matchIfMissing = true)
class DeploymentConsole implements WebMvcConfigurer {
    /** Scripts from this server only, as the console's pages (ConsoleSecurity); the page has no inline script. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @GetMapping("/deployment")
    String page(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
        return "deployment";
    }

    /** {@code ?lang=en} / {@code ?lang=zh} switches the page's language, as on the console's pages (a cookie keeps it). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/deployment");
    }
}
