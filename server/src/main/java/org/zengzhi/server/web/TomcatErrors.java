package org.zengzhi.server.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report. Spring Boot adds a plain
 * ErrorReportValve to the host in its own context customizer, whose order against this one is not promised, so
 * the swap waits until the context starts, when every customizer has run.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrors {

    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            context.addLifecycleListener(event -> {
                if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                    swap(host);
                }
            });
        };
    }

    private static void swap(Container host) {
        boolean ours = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                ours = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!ours) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }
}
