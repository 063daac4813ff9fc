package org.zengzhi.cli;

import java.util.regex.Pattern;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.Units;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The appreciation pool's parameters as command-line options (SPEC R-3), shared by every subcommand
 * that runs the engine. Values stay text until {@link #toRules()} parses them exactly: a ratio given as
 * a double would already have lost the exact decimal the operator typed.
 */
public final class PoolRulesOptions {
    /** The option names, so a command can tell which were given. */
    static final java.util.List<String> NAMES = java.util.List.of("--mint-ratio", "--payout-ratio", "--exit-multiple",
            "--initial-price");

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--mint-ratio", paramLabel = "<ratio>", defaultValue = "0.70",
            description = "α, share of a pool contribution minted as points, 0 < α ≤ 1, up to 6 decimals "
                    + "(default: ${DEFAULT-VALUE}).")
    private String mintRatio;

    @Option(names = "--payout-ratio", paramLabel = "<ratio>", defaultValue = "0.80",
            description = "β, share of a sale's gross value paid out, 0 ≤ β ≤ 1, up to 6 decimals "
                    + "(default: ${DEFAULT-VALUE}).")
    private String payoutRatio;

    @Option(names = "--exit-multiple", paramLabel = "<k>", defaultValue = "3",
            description = "k, forced exit when realized + holdings·price ≥ k·spend, e.g. 3 or 1.2 "
                    + "(default: ${DEFAULT-VALUE}).")
    private String exitMultiple;

    @Option(names = "--initial-price", paramLabel = "<yuan>", defaultValue = "1.00",
            description = "Price of a point in CNY before any point exists (default: ${DEFAULT-VALUE}).")
    private String initialPrice;

    /** The rules, or a {@link ParameterException} naming the first option whose value is unusable. */
    public PoolRules toRules() {
        long mintRatioPpm = ratioPpm("--mint-ratio", mintRatio, 1);
        long payoutRatioPpm = ratioPpm("--payout-ratio", payoutRatio, 0);
        Price price = price();
        requireDecimal("--exit-multiple", exitMultiple);
        try {
            return PoolRules.of(mintRatioPpm, payoutRatioPpm, exitMultiple, price);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // The ratios and the price are valid by now, so only k can be at fault.
            throw invalid("--exit-multiple", "must be positive, as a fraction with numerator and denominator "
                    + "of at most 1000000: \"" + exitMultiple + "\"");
        }
    }

    private long ratioPpm(String option, String text, long minimumPpm) {
        long ppm;
        try {
            ppm = Units.parsePpm(text);
        } catch (IllegalArgumentException e) {
            throw invalid(option, e.getMessage());
        }
        if (ppm < minimumPpm || ppm > Limits.PPM) {
            String range = minimumPpm == 0 ? "0 ≤ ratio ≤ 1" : "0 < ratio ≤ 1";
            throw invalid(option, "must satisfy " + range + ": \"" + text + "\"");
        }
        return ppm;
    }

    private Price price() {
        requireDecimal("--initial-price", initialPrice);
        try {
            return Price.ofYuan(initialPrice);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid("--initial-price", "must be a positive price in CNY: \"" + initialPrice + "\"");
        }
    }

    /** BigDecimal would also take "1e3" or "+3"; options use the same plain decimals as the log. */
    private void requireDecimal(String option, String text) {
        if (text.length() > 30 || !DECIMAL.matcher(text).matches()) {
            throw invalid(option, "is not a plain decimal number: \"" + text + "\"");
        }
    }

    private ParameterException invalid(String option, String reason) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + reason);
    }
}
