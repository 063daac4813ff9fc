package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.Price;

/**
 * The seeds' worked examples as tables under {@code golden/} (SPEC R-3.3, R-3.4): one command a line,
 * with the values expected right after it. Each table line is one dynamic test, run in order.
 */
class SeedGoldenTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    @TestFactory
    Stream<DynamicTest> seed002MallTable() throws IOException {
        return table("seed-002-mall.txt");
    }

    @TestFactory
    Stream<DynamicTest> seed001LocalLifeTable() throws IOException {
        return table("seed-001-local-life.txt");
    }

    @TestFactory
    Stream<DynamicTest> seed002SaleKeeps20PercentInThePool() throws IOException {
        return table("seed-002-sale.txt");
    }

    private Stream<DynamicTest> table(String name) throws IOException {
        List<String> lines = read("/golden/" + name);
        Engine[] engine = new Engine[1];
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("rules ")) {
                engine[0] = new Engine(rules(line));
                continue;
            }
            String[] halves = line.split("=>");
            tests.add(DynamicTest.dynamicTest(name + ": " + line.replaceAll("\\s+", " "),
                    () -> check(engine[0], halves[0].trim(), halves.length > 1 ? halves[1].trim() : "")));
        }
        return tests.stream();
    }

    private static void check(Engine engine, String commandText, String expectations) {
        EngineOutput out = new EngineOutput();
        engine.execute(command(commandText), out);
        for (String expectation : expectations.split("\\s+")) {
            if (expectation.isEmpty()) {
                continue;
            }
            String key = expectation.substring(0, expectation.indexOf('='));
            String value = expectation.substring(expectation.indexOf('=') + 1);
            assertThat(actual(engine, out, key)).as(key + " after " + commandText).isEqualTo(value);
        }
        assertThat(engine.checkInvariants()).isEmpty();
        for (Asset asset : Asset.values()) {
            assertThat(out.postingSum(asset, 0)).as("postings of " + asset).isZero();
        }
    }

    private static String actual(Engine engine, EngineOutput out, String key) {
        if (key.startsWith("cash:")) {
            return Units.formatFen(engine.holder(key.substring(5)).cashFen());
        }
        if (key.startsWith("points:")) {
            return Units.formatPoints(engine.holder(key.substring(7)).pointsMicro());
        }
        switch (key) {
            case "minted":
                return Units.formatPoints(only(out, Event.PointsMinted.class).pointsMicro());
            case "gross":
                return Units.formatFen(only(out, Event.PointsSold.class).grossFen());
            case "payout":
                return Units.formatFen(only(out, Event.PointsSold.class).payoutFen());
            case "rejected":
                return only(out, Event.CommandRejected.class).code().name();
            case "poolCash":
                return Units.formatFen(engine.poolCash());
            case "circulating":
                return Units.formatPoints(engine.circulatingPoints());
            case "price":
                return engine.price().display();
            case "exits":
                return out.events().stream().filter(e -> e instanceof Event.ParticipantExited)
                        .map(e -> ((Event.ParticipantExited) e).participant()).collect(Collectors.joining(","));
            default:
                throw new IllegalArgumentException("unknown expectation " + key);
        }
    }

    private static <T extends Event> T only(EngineOutput out, Class<T> type) {
        List<T> found = out.events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
        assertThat(found).as("events of type " + type.getSimpleName() + " in " + out.events()).hasSize(1);
        return found.get(0);
    }

    static Command command(String text) {
        String[] words = text.split("\\s+");
        switch (words[0]) {
            case "order":
                return new Command.SettleOrder(words[1], AT, words[2], Units.parseFen(words[3]), Units.parseFen(words[4]));
            case "sell":
                return new Command.SellPoints(words[1], AT, words[2], Units.parsePointsMicro(words[3]));
            case "subsidy":
                return new Command.InjectSubsidy(words[1], AT, Units.parseFen(words[2]));
            default:
                throw new IllegalArgumentException("unknown command " + text);
        }
    }

    static PoolRules rules(String line) {
        String mint = "0.70";
        String payout = "0.80";
        String exit = "3";
        String price = "1.00";
        for (String word : line.split("\\s+")) {
            String[] pair = word.split("=");
            switch (pair[0]) {
                case "mint" -> mint = pair[1];
                case "payout" -> payout = pair[1];
                case "exit" -> exit = pair[1];
                case "price" -> price = pair[1];
                default -> {
                }
            }
        }
        return PoolRules.of(Units.parsePpm(mint), Units.parsePpm(payout), exit, Price.ofYuan(price));
    }

    private static List<String> read(String resource) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SeedGoldenTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }
}
