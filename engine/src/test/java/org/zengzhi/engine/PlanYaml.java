package org.zengzhi.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.plan.PlanReader;

/**
 * Loads plan files for tests. The loader must be the same one the command line uses for
 * {@code zengzhi plan check} (copy it there; the engine has no YAML dependency): a SnakeYAML loader whose
 * resolver has no implicit types, so every scalar stays the text the author wrote — {@code 0.3%},
 * {@code 1.2}, {@code true} — and no number ever passes through a double. Duplicate keys are refused.
 */
public final class PlanYaml {

    /** A resolver without implicit resolvers: plain scalars resolve to strings, never to int, float or bool. */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // Deliberately empty: see the class comment.
        }
    }

    private PlanYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
                new TextResolver());
        Object tree = yaml.load(text);
        if (tree == null) {
            return Map.of();
        }
        if (!(tree instanceof Map)) {
            throw new IllegalArgumentException("a plan file is a mapping of fields");
        }
        return (Map<String, Object>) tree;
    }

    /** A preset from the repository's {@code plans/} folder. */
    public static Map<String, Object> preset(String fileName) throws IOException {
        Path inModule = Path.of("..", "plans", fileName);
        Path file = Files.exists(inModule) ? inModule : Path.of("plans", fileName);
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static PlanCheck read(String text) {
        return PlanReader.read(parse(text));
    }
}
