package org.zengzhi.simulator.green;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.fields.Fields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;

/**
 * Reads green-points scenarios (docs/simulator.md, "Green points (绿色积分)"). A scenario is one when its plan
 * has a {@code greenPoints} section; the first problem is reported naming its field, and nothing runs.
 */
public final class GreenScenarioReader {
    static final int HORIZON_MONTHS_MAX = 120;
    static final int CONSUMERS_MAX = 1_000_000;
    static final int STORES_MAX = 100_000;
    static final int VARIANTS_MAX = 12;

    private static final Set<String> ROOT = Set.of("name", "plan", "seed", "paths", "horizonMonths", "start",
            "consumers", "stores", "payments", "coinMall", "promoters", "compare");

    private GreenScenarioReader() {
    }

    /** True when {@code file} is a scenario whose plan has a {@code greenPoints} section (false when unreadable). */
    public static boolean isGreen(Path file) {
        try {
            Object tree = PlanFiles.loadTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!(tree instanceof Map<?, ?> map) || !(map.get("plan") instanceof String plan)) {
                return false;
            }
            Path planFile = file.toAbsolutePath().getParent().resolve(plan).normalize();
            Object planTree = PlanFiles.loadTree(Files.readString(planFile, StandardCharsets.UTF_8));
            return planTree instanceof Map<?, ?> planMap && planMap.containsKey("greenPoints");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static GreenScenario read(Path file) throws ScenarioException, IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ScenarioException("(file)", "cannot read " + file);
        }
        Object tree;
        try {
            tree = PlanFiles.loadTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("(file)", e.getMessage());
        }
        return read(tree, file.toAbsolutePath().getParent());
    }

    /** Reads a scenario from a YAML tree; plan files are resolved against {@code folder}. */
    public static GreenScenario read(Object tree, Path folder) throws ScenarioException, IOException {
        Fields root = Fields.of("", tree, ROOT);
        Path planFile = folder.resolve(root.requiredText("plan")).normalize();
        Plan plan = plan(planFile, root.field("plan"));
        if (root.count("paths", 1, 1, 1) != 1) {
            throw new ScenarioException("paths", "a green-points scenario runs one path per variant");
        }
        LocalDate start;
        try {
            start = LocalDate.parse(root.text("start", "2026-01-01"));
        } catch (DateTimeParseException e) {
            throw new ScenarioException("start", "must be a date such as 2026-01-01");
        }
        Fields consumers = Fields.of("consumers", root.raw("consumers"),
                Set.of("initial", "newPerMonth", "stopAfterMonths"));
        Fields stores = Fields.of("stores", root.raw("stores"), Set.of("count", "rangliMin", "rangliMax"));
        Fields payments = Fields.of("payments", root.raw("payments"),
                Set.of("perConsumerPerMonth", "amountMin", "amountMax", "withVouchers"));
        Fields coinMall = Fields.of("coinMall", root.raw("coinMall"), Set.of("spendShare"));
        Fields promoters = Fields.of("promoters", root.raw("promoters"), Set.of("count"));

        long rangliMin = stores.rate("rangliMin", 200_000, 1_000_000);
        long rangliMax = stores.rate("rangliMax", rangliMin, 1_000_000);
        if (rangliMax < rangliMin) {
            throw new ScenarioException("stores.rangliMax", "must be at least stores.rangliMin");
        }
        long amountMin = payments.money("amountMin", 5_000, 1);
        long amountMax = payments.money("amountMax", 50_000, 1);
        if (amountMax < amountMin) {
            throw new ScenarioException("payments.amountMax", "must be at least payments.amountMin");
        }
        int storeCount = stores.count("count", 20, 1, STORES_MAX);
        int promoterCount = promoters.count("count", 3, 0, 1_000);
        if (promoterCount > storeCount) {
            throw new ScenarioException("promoters.count", "must be at most stores.count (" + storeCount + ")");
        }
        int horizon = root.count("horizonMonths", 12, 1, HORIZON_MONTHS_MAX);
        List<GreenScenario.Variant> variants = new ArrayList<>();
        variants.add(new GreenScenario.Variant(label(plan, planFile), planFile, plan));
        variants.addAll(compare(root, folder, planFile, plan));
        return new GreenScenario(root.text("name", "unnamed"), root.whole("seed", 1, 0, Long.MAX_VALUE), horizon,
                start, consumers.count("initial", 1_000, 1, CONSUMERS_MAX),
                consumers.count("newPerMonth", 0, 0, CONSUMERS_MAX), consumers.count("stopAfterMonths", 0, 0, horizon),
                storeCount, rangliMin, rangliMax, payments.thousandths("perConsumerPerMonth", 2_000, 100_000), amountMin,
                amountMax, payments.rate("withVouchers", 500_000, 1_000_000),
                coinMall.rate("spendShare", 200_000, 1_000_000), promoterCount, List.copyOf(variants));
    }

    private static List<GreenScenario.Variant> compare(Fields root, Path folder, Path basePlanFile, Plan base)
            throws ScenarioException, IOException {
        Object raw = root.raw("compare");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new ScenarioException("compare", "must be a list of {name, plan, dividendCap}");
        }
        if (list.size() + 1 > VARIANTS_MAX) {
            throw new ScenarioException("compare", "at most " + (VARIANTS_MAX - 1) + " entries");
        }
        List<GreenScenario.Variant> variants = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Fields entry = Fields.of("compare[" + i + "]", list.get(i), Set.of("name", "plan", "dividendCap"));
            Path planFile = entry.has("plan") ? folder.resolve(entry.requiredText("plan")).normalize() : basePlanFile;
            Plan plan = entry.has("plan") ? plan(planFile, entry.field("plan")) : base;
            if (entry.has("dividendCap")) {
                plan = withCap(plan, cap(entry));
            }
            variants.add(new GreenScenario.Variant(entry.text("name", label(plan, planFile)), planFile, plan));
        }
        return variants;
    }

    private static OptionalLong cap(Fields entry) throws ScenarioException {
        String text = entry.text("dividendCap", "none");
        if (text.equals("none")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(entry.rate("dividendCap", 0, GreenRules.DIVIDEND_CAP_PPM_MAX));
    }

    static Plan withCap(Plan plan, OptionalLong cap) {
        GreenRules r = plan.greenPoints();
        return plan.withGreenPoints(new GreenRules(r.timeZone(), r.coinSharePpm(), r.boundMerchantSharePpm(), cap,
                r.consumerPool(), r.merchantPool()), plan.promoters());
    }

    private static String label(Plan plan, Path planFile) {
        String file = planFile.getFileName().toString();
        return plan.greenPoints().dividendCapPpm().isPresent()
                ? file + " (dividendCap " + GreenReport.percent(plan.greenPoints().dividendCapPpm().getAsLong()) + ")"
                : file;
    }

    private static Plan plan(Path planFile, String field) throws ScenarioException, IOException {
        if (!Files.isRegularFile(planFile) || !Files.isReadable(planFile)) {
            throw new ScenarioException(field, "cannot read the plan file " + planFile);
        }
        PlanCheck check = PlanFiles.check(planFile);
        if (!check.valid()) {
            throw new ScenarioException(field, "the plan " + planFile + " is invalid: " + check.errors());
        }
        if (check.plan().greenPoints() == null) {
            throw new ScenarioException(field, "the plan " + planFile + " has no greenPoints section");
        }
        return check.plan();
    }
}
