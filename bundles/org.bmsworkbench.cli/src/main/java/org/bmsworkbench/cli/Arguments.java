package org.bmsworkbench.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed arguments of one command: options by long name, and positionals in order.
 *
 * <p>Declare the options with a {@link Parser}, then parse:
 * <pre>{@code
 * Arguments a = Arguments.parser()
 *         .option("protocol", "ID")
 *         .choice("format", "table", "jsonl", "csv")
 *         .flag("all")
 *         .option('o', "output", "FILE")
 *         .parse(context.args());
 * String protocol = a.value("protocol", "auto");
 * String file = a.requirePositionals("FILE").get(0);
 * }</pre>
 *
 * <p>Accepted forms: {@code --name VALUE}, {@code --name=VALUE}, {@code -o VALUE}, {@code -oVALUE},
 * flags {@code --all} / {@code -a}, {@code --} to end the options, and positionals anywhere. A lone
 * {@code -} (standard input) and negative numbers such as {@code -5} are positionals. An option given
 * twice keeps its last value for {@link #value(String)}; {@link #values(String)} has them all.
 * Mistakes are {@link UsageException}s that name the option.
 */
public final class Arguments {
    private final Map<String, List<String>> given;
    private final List<String> positionals;

    private Arguments(Map<String, List<String>> given, List<String> positionals) {
        this.given = given;
        this.positionals = positionals;
    }

    public static Parser parser() {
        return new Parser();
    }

    /** Whether the option or flag (long name, without dashes) was given. */
    public boolean has(String name) {
        return given.containsKey(name);
    }

    /** The last value given for an option. */
    public Optional<String> value(String name) {
        List<String> values = given.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** The last value given for an option, or {@code defaultValue}. */
    public String value(String name, String defaultValue) {
        return value(name).orElse(defaultValue);
    }

    /** Every value given for an option, in order; empty when absent. */
    public List<String> values(String name) {
        return given.getOrDefault(name, List.of());
    }

    /** The option's value as a whole number, or {@code defaultValue} when absent. */
    public long longValue(String name, long defaultValue) throws UsageException {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": expected a whole number, got '" + v.get() + "'");
        }
    }

    /** The option's value as a number, or {@code defaultValue} when absent. */
    public double doubleValue(String name, double defaultValue) throws UsageException {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v.get());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + ": expected a number, got '" + v.get() + "'");
    }

    /** The positional arguments, in order. */
    public List<String> positionals() {
        return positionals;
    }

    /**
     * The positionals, which must be exactly the ones named: too few is "missing NAME", too many
     * is "unexpected argument 'x'".
     */
    public List<String> requirePositionals(String... names) throws UsageException {
        if (positionals.size() < names.length) {
            throw new UsageException("missing " + names[positionals.size()]);
        }
        if (positionals.size() > names.length) {
            throw new UsageException("unexpected argument '" + positionals.get(names.length) + "'");
        }
        return positionals;
    }

    /** Declares the options of a command; reusable, not thread-safe while being built. */
    public static final class Parser {
        private final Map<String, Option> byLong = new HashMap<>();
        private final Map<Character, Option> byShort = new HashMap<>();

        private Parser() {
        }

        /** An option with a value, {@code --name VALUE}; {@code valueName} is for messages and help. */
        public Parser option(String name, String valueName) {
            return add(new Option(name, null, true, valueName, List.of()));
        }

        /** An option with a value and a one-letter form, {@code -o VALUE}. */
        public Parser option(char shortName, String name, String valueName) {
            return add(new Option(name, shortName, true, valueName, List.of()));
        }

        /** An option whose value must be one of {@code allowed}. */
        public Parser choice(String name, String... allowed) {
            return add(new Option(name, null, true, String.join("|", allowed), List.of(allowed)));
        }

        /** A flag without value, {@code --name}. */
        public Parser flag(String name) {
            return add(new Option(name, null, false, null, List.of()));
        }

        /** A flag with a one-letter form, {@code -y}. */
        public Parser flag(char shortName, String name) {
            return add(new Option(name, shortName, false, null, List.of()));
        }

        private Parser add(Option option) {
            if (option.name.isEmpty() || option.name.startsWith("-")) {
                throw new IllegalArgumentException("option names are given without dashes: '" + option.name + "'");
            }
            if (byLong.putIfAbsent(option.name, option) != null) {
                throw new IllegalArgumentException("option --" + option.name + " declared twice");
            }
            if (option.shortName != null && byShort.putIfAbsent(option.shortName, option) != null) {
                throw new IllegalArgumentException("option -" + option.shortName + " declared twice");
            }
            return this;
        }

        public Arguments parse(List<String> args) throws UsageException {
            Map<String, List<String>> given = new LinkedHashMap<>();
            List<String> positionals = new ArrayList<>();
            boolean optionsEnded = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (optionsEnded || !looksLikeOption(arg)) {
                    positionals.add(arg);
                    continue;
                }
                if (arg.equals("--")) {
                    optionsEnded = true;
                    continue;
                }
                Option option;
                String spelled;
                String inlineValue = null;
                if (arg.startsWith("--")) {
                    int eq = arg.indexOf('=');
                    String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                    spelled = "--" + name;
                    inlineValue = eq < 0 ? null : arg.substring(eq + 1);
                    option = byLong.get(name);
                } else {
                    char c = arg.charAt(1);
                    spelled = "-" + c;
                    option = byShort.get(c);
                    if (option == null && isNegativeNumber(arg)) {
                        positionals.add(arg);
                        continue;
                    }
                    if (arg.length() > 2) {
                        if (option == null || !option.takesValue) {
                            throw new UsageException("unknown option " + arg);
                        }
                        inlineValue = arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2);
                    }
                }
                if (option == null) {
                    throw new UsageException("unknown option " + spelled);
                }
                String value;
                if (!option.takesValue) {
                    if (inlineValue != null) {
                        throw new UsageException(spelled + " takes no value");
                    }
                    value = "";
                } else if (inlineValue != null) {
                    value = inlineValue;
                } else if (i + 1 < args.size() && !isOptionWord(args.get(i + 1))) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(spelled + " needs a value");
                }
                if (!option.allowed.isEmpty() && !option.allowed.contains(value)) {
                    throw new UsageException(spelled + ": expected one of " + String.join(", ", option.allowed)
                            + ", got '" + value + "'");
                }
                given.computeIfAbsent(option.name, k -> new ArrayList<>()).add(value);
            }
            given.replaceAll((k, v) -> List.copyOf(v));
            return new Arguments(Collections.unmodifiableMap(given), List.copyOf(positionals));
        }

        /** A word that cannot be an option's value: a declared or well-formed option, not "-" nor a number. */
        private boolean isOptionWord(String arg) {
            if (!looksLikeOption(arg)) {
                return false;
            }
            return arg.startsWith("--") || byShort.containsKey(arg.charAt(1)) || !isNegativeNumber(arg);
        }

        private static boolean looksLikeOption(String arg) {
            return arg.length() > 1 && arg.charAt(0) == '-';
        }

        private static boolean isNegativeNumber(String arg) {
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                return false;
            }
            boolean digit = false;
            for (int i = 1; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c != '.') {
                    return false;
                }
            }
            return digit;
        }
    }

    private record Option(String name, Character shortName, boolean takesValue, String valueName, List<String> allowed) {
    }
}
