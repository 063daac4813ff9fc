package org.zengzhi.server.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint a tenant's context maps (its controllers' {@code @…Mapping}s under {@code /api/v1}), as
 * "METHOD /path" relative to the tenant's {@code /api/v1}, with each path variable filled by {@code ids} (the
 * other tenant's real ids): the isolation test tries all of them, not a hand list that a new controller escapes.
 */
final class TenantMappings {
    private static final String API = "/api/v1";
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)[^}]*\\}");

    private TenantMappings() {
    }

    /** {@code ids}: from the path (with its variables) and a variable's name to the value to put there. */
    static List<String> endpoints(ApplicationContext tenant, IdChoice ids) {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : tenant.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith(API + "/")) {
                        continue;
                    }
                    String path = fill(pattern.substring(API.length()), ids);
                    List<RequestMethod> methods = new ArrayList<>(info.getMethodsCondition().getMethods());
                    if (methods.isEmpty()) {
                        methods.add(RequestMethod.GET);
                    }
                    methods.forEach(method -> endpoints.add(method.name() + " " + path));
                }
            }
        }
        return List.copyOf(endpoints);
    }

    /** Chooses the value of one path variable, knowing the whole path (an {@code {id}} is a payment's or a withdrawal's). */
    interface IdChoice {
        String value(String path, String variable);
    }

    /** By name, with {@code fallback} for a name not in {@code byName}. */
    static IdChoice byName(Map<String, String> byName, Function<String, String> fallback) {
        return (path, variable) -> byName.containsKey(variable) ? byName.get(variable) : fallback.apply(path);
    }

    private static String fill(String path, IdChoice ids) {
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(filled, Matcher.quoteReplacement(ids.value(path, variable.group(1))));
        }
        variable.appendTail(filled);
        return filled.toString();
    }
}
