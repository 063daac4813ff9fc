package org.zengzhi.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.plan.PlanReader;

/**
 * Reads plan files (YAML). The resolver has no implicit types, so every scalar stays the text the author
 * wrote — {@code 0.3%}, {@code 1.2}, {@code true} — and no number ever passes through a double; the
 * engine's {@link PlanReader} parses them exactly. Duplicate keys are refused.
 */
public final class PlanFiles {

    /** A resolver without implicit resolvers: plain scalars resolve to strings, never to int, float or bool. */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // Deliberately empty: see the class comment.
        }
    }

    private PlanFiles() {
    }

    /** Loads and checks a plan file; YAML syntax errors come back as errors of the check, never thrown. */
    public static PlanCheck check(Path file) throws IOException {
        return checkText(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static PlanCheck checkText(String text) {
        Object tree;
        try {
            tree = yaml().load(text);
        } catch (YAMLException e) {
            return PlanCheck.invalid("(file)", "is not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (tree == null) {
            return PlanReader.read(Map.of());
        }
        if (!(tree instanceof Map)) {
            return PlanCheck.invalid("(file)", "must be a mapping of plan fields");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) tree;
        return PlanReader.read(map);
    }

    /**
     * Loads any YAML file as a tree of text scalars (the scenario reader and the sweep use it).
     *
     * @throws IllegalArgumentException when the text is not valid YAML
     */
    public static Object loadTree(String text) {
        try {
            return yaml().load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("is not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
                new TextResolver());
    }
}
