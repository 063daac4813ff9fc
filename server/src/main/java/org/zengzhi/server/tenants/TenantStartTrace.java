package org.zengzhi.server.tenants;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a tenant's start goes (docs/tenants.md "Limits"): with this class's logger at DEBUG, a tenant's context
 * records Spring's startup steps and logs the costliest ones by their own time (less their nested steps), e.g.
 * {@code --logging.level.org.zengzhi.server.tenants.TenantStartTrace=debug}. Off (the default), it costs nothing.
 */
final class TenantStartTrace {
    private static final Logger LOG = LoggerFactory.getLogger(TenantStartTrace.class);
    private static final int STEPS = 20_000;
    private static final int SHOWN = 25;

    private TenantStartTrace() {
    }

    /** A recording startup when tracing is on, else Spring's default one (which records nothing). */
    static ApplicationStartup startup() {
        if (!LOG.isDebugEnabled()) {
            return ApplicationStartup.DEFAULT;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(STEPS);
        startup.startRecording();
        return startup;
    }

    /** Logs the steps with the most own time, if {@code startup} recorded them. */
    static void report(String slug, ApplicationStartup startup) {
        if (!(startup instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        List<TimelineEvent> events = buffering.getBufferedTimeline().getEvents();
        Map<Long, Duration> nested = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                nested.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        String top = events.stream()
                .map(event -> Map.entry(label(event.getStartupStep()),
                        event.getDuration().minus(nested.getOrDefault(event.getStartupStep().getId(), Duration.ZERO))))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.reducing(Duration.ZERO, Map.Entry::getValue, Duration::plus)))
                .entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(SHOWN)
                .map(entry -> entry.getValue().toMillis() + " ms " + entry.getKey())
                .collect(Collectors.joining("\n  "));
        LOG.debug("tenant {}: {} startup steps; most own time:\n  {}", slug, events.size(), top);
    }

    private static String label(StartupStep step) {
        StringBuilder label = new StringBuilder(step.getName());
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")
                    || tag.getKey().equals("listener")) {
                label.append(' ').append(tag.getValue());
            }
        }
        return label.toString();
    }
}
