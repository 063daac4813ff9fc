package org.zengzhi.cli.partyref;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zengzhi.cli.Main;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18, "How it is checked": random four-party logs replayed through the real {@code replay} path with
 * plans/four-party.yaml and its variants, checked for conservation per asset, the reserve rule (CONTRIB
 * reserve = CONTRIB outstanding), escrow never negative, the order of the waterfall's parts, and compared
 * event by event and balance by balance with {@link PartyReference}, an independent implementation of rules
 * 1–3 and 5. The default run is short; {@code -Dpartyref.seeds=100} is the soak.
 */
class PartyReferenceReplayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SEEDS = Integer.getInteger("partyref.seeds", 6);
    private static final int STEPS = Integer.getInteger("partyref.steps", 160);
    private static final List<String> PARTS = List.of("fee", "rebate", "commission", "teamAllowance", "inviteReward",
            "supplierShare", "margin", "rounding");
    private static final Set<String> COMPARED = Set.of("partyPaid", "partySettled", "partyRefunded",
            "contribTransferred", "contribRedeemed", "monthClosed", "rejected", "escrowReconciled");

    /** The plans: seed 000 as written (proRata), buyback with a short budget, and promoter-less logs. */
    enum Variant {
        PRO_RATA(false, 0, true),
        BUYBACK_SHORT(true, 1_50, true),
        BUYBACK_AMPLE(true, 10_000_000_00L, true),
        PROMOTER_LESS(false, 0, false);

        final boolean buyback;
        final long budgetFen;
        final boolean promoters;

        Variant(boolean buyback, long budgetFen, boolean promoters) {
            this.buyback = buyback;
            this.budgetFen = budgetFen;
            this.promoters = promoters;
        }
    }

    @TempDir
    static Path plans;
    private static long flagged;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void randomLogsAgreeWithTheIndependentReferenceOfRules1to3And5(Variant variant) throws IOException {
        Path plan = plan(variant);
        long settled = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            String log = PartyLogGenerator.log(seed * 7919 + variant.ordinal(), variant.promoters, STEPS);
            List<JsonNode> out = replay(log, plan);
            settled += checkOne(variant, seed, log, out);
        }
        assertThat(settled).as("the logs settle orders").isPositive();
        assertThat(flagged).as("some payments from one device are flagged (rule 6)").isPositive();
        System.out.printf("partyref %s: %d seeds × %d steps, %d orders settled, %d flagged so far%n", variant, SEEDS,
                STEPS, settled, flagged);
    }

    private static long checkOne(Variant variant, long seed, String log, List<JsonNode> out) {
        String where = variant + " seed " + seed;
        Map<String, String> risk = new HashMap<>();
        List<Map<String, String>> actual = new ArrayList<>();
        for (JsonNode line : out) {
            String event = line.get("event").asString();
            if (event.equals("partyPaid")) {
                risk.put(line.get("order").asString(), line.get("risk").asString());
            }
            if (event.equals("partySettled")) {
                checkParts(where, line);
            }
            if (COMPARED.contains(event)) {
                actual.add(project(line));
            }
        }
        PartyReference reference = new PartyReference(PartyReference.Rates.fourParty(variant.buyback, variant.budgetFen));
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            JsonNode command = MAPPER.readTree(lines[i]);
            String type = command.get("type").asString();
            String id = command.has("id") ? command.get("id").asString() : type + "#" + (i + 1);
            reference.apply(command, id, risk.get(id));
        }
        List<Map<String, String>> expected = reference.events;
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            assertThat(i < actual.size() ? actual.get(i) : null).as(where + ", event " + i)
                    .isEqualTo(i < expected.size() ? expected.get(i) : null);
        }
        checkState(where, out.get(out.size() - 1), reference);
        flagged += risk.values().stream().filter(verdict -> !verdict.equals("CLEAR")).count();
        return actual.stream().filter(e -> e.get("event").equals("partySettled")).count();
    }

    /** Rule 2: the parts in the issue's order, each ⌊A·rate⌋, summing to the amount. */
    private static void checkParts(String where, JsonNode settled) {
        List<String> names = new ArrayList<>();
        settled.propertyNames().forEach(names::add);
        assertThat(names.stream().filter(PARTS::contains).toList()).as(where).isEqualTo(PARTS);
        long sum = PARTS.stream().mapToLong(part -> PartyReference.fen(settled.get(part).asString())).sum();
        assertThat(sum).as(where + " parts sum to the amount").isEqualTo(PartyReference.fen(settled.get("amount").asString()));
    }

    /** The engine's line reduced to the fields the reference derives. */
    private static Map<String, String> project(JsonNode line) {
        String event = line.get("event").asString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", event);
        List<String> keys = switch (event) {
            case "partyPaid" -> List.of("order", "amount", "prepaid", "promoter");
            case "partyRefunded" -> List.of("order", "amount", "clawedBack", "advanced");
            case "partySettled" -> List.of("order", "amount", "fee", "rebate", "commission", "teamAllowance",
                    "inviteReward", "supplierShare", "margin", "rounding", "supplierSettled", "withheld", "tokens");
            case "contribTransferred" -> List.of("user", "to", "amount", "fee", "received");
            case "contribRedeemed" -> List.of("user", "amount");
            case "rejected" -> List.of("command", "field");
            case "escrowReconciled" -> List.of("ledger");
            default -> List.of();
        };
        JsonNode source = event.equals("monthClosed") ? line.get("burn") : line;
        if (event.equals("monthClosed")) {
            keys = List.of("contribBurned", "tokensBurned", "paid", "short");
        }
        for (String key : keys) {
            JsonNode value = source.get(key);
            fields.put(key, value == null || value.isNull() ? null : value.asString());
        }
        return fields;
    }

    /** Balance by balance with the reference; conservation per asset; reserve = outstanding; escrow ≥ 0. */
    private static void checkState(String where, JsonNode state, PartyReference reference) {
        Map<String, Long> byAsset = new HashMap<>();
        Map<String, Long> actual = new HashMap<>();
        for (JsonNode balance : state.get("balances")) {
            long amount = PartyReference.fen(balance.get("amount").asString());
            byAsset.merge(balance.get("asset").asString(), amount, Long::sum);
            JsonNode owner = balance.get("owner");
            actual.put(balance.get("account").asString() + (owner.isNull() ? "" : "/" + owner.asString()), amount);
        }
        assertThat(byAsset.values()).as(where + " conservation per asset").allMatch(total -> total == 0);
        Map<String, Long> expected = new HashMap<>();
        reference.userCash.forEach((user, fen) -> expected.put("USER_CASH/" + user, fen));
        reference.userContrib.forEach((user, fen) -> expected.put("USER_CONTRIB/" + user, fen));
        reference.supplierCash.forEach((supplier, fen) -> expected.put("SUPPLIER_CASH/" + supplier, fen));
        reference.supplierOwes.forEach((supplier, fen) -> expected.put("SUPPLIER_RECEIVABLE/" + supplier, -fen));
        reference.supplierStoken.forEach((supplier, fen) -> expected.put("SUPPLIER_STOKEN/" + supplier, fen));
        expected.put("CUSTODY_ESCROW", reference.escrow);
        expected.put("CONTRIB_RESERVE", reference.reserve);
        expected.put("PARTY_RESULT", reference.platform);
        expected.put("PLATFORM_ROUNDING", reference.rounding);
        for (Map.Entry<String, Long> balance : expected.entrySet()) {
            assertThat(actual.getOrDefault(balance.getKey(), 0L)).as(where + " " + balance.getKey())
                    .isEqualTo(balance.getValue());
        }
        long outstanding = reference.userContrib.values().stream().mapToLong(Long::longValue).sum();
        assertThat(actual.getOrDefault("CONTRIB_RESERVE", 0L)).as(where + " reserve = CONTRIB outstanding")
                .isEqualTo(outstanding).isEqualTo(-actual.getOrDefault("CONTRIB_ISSUANCE", 0L));
        assertThat(reference.escrowLowest).as(where + " escrow never negative").isNotNegative();
    }

    private static Path plan(Variant variant) throws IOException {
        String yaml = Files.readString(Path.of("../plans/four-party.yaml"), StandardCharsets.UTF_8);
        if (variant.buyback) {
            yaml = yaml.replace("burnMode: proRata", "burnMode: buyback")
                    .replace("buybackBudget: 0.00", "buybackBudget: " + PartyReference.money(variant.budgetFen));
        }
        Path plan = plans.resolve(variant.name() + ".yaml");
        Files.writeString(plan, yaml, StandardCharsets.UTF_8);
        return plan;
    }

    private static List<JsonNode> replay(String log, Path plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"replay", "--plan", plan.toString()},
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), out, err);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }
}
