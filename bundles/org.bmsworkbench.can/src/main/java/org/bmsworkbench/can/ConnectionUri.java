package org.bmsworkbench.can;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed connection URI: {@code scheme:[//authority][path][?key=value&...]}.
 *
 * <p>Examples: {@code sim:}, {@code sim:?protocol=sma}, {@code slcan:/dev/ttyACM0?bitrate=500000},
 * {@code socketcand://host:29536/can0}, {@code socketcan:can0}, {@code replay:log.asc?speed=max}.
 * Parsing checks only the shape; a transport checks its own path and options with
 * {@link #requireOnly(Set)} and the typed getters, which all throw {@link InvalidUriException}
 * with a message naming the option and the URI.
 */
public final class ConnectionUri {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    private final String text;
    private final String scheme;
    private final String authority;
    private final String path;
    private final Map<String, String> options;

    private ConnectionUri(String text, String scheme, String authority, String path, Map<String, String> options) {
        this.text = text;
        this.scheme = scheme;
        this.authority = authority;
        this.path = path;
        this.options = options;
    }

    public static ConnectionUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidUriException("empty connection URI (expected e.g. sim:, slcan:/dev/ttyACM0, socketcand://host:29536/can0)");
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new InvalidUriException("'" + t + "' has no scheme (expected e.g. sim:, slcan:/dev/ttyACM0, replay:capture.log)");
        }
        String scheme = t.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            throw new InvalidUriException("'" + t + "': '" + t.substring(0, colon) + "' is not a valid scheme");
        }
        String rest = t.substring(colon + 1);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String authority = null;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            rest = slash < 0 ? "" : rest.substring(slash);
            if (authority.isEmpty()) {
                throw new InvalidUriException("'" + t + "': empty host after '//'");
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidUriException("'" + t + "': option '" + pair + "' is not of the form key=value");
                }
                String key = pair.substring(0, eq);
                if (options.put(key, decode(pair.substring(eq + 1), t)) != null) {
                    throw new InvalidUriException("'" + t + "': option '" + key + "' is given twice");
                }
            }
        }
        return new ConnectionUri(t, scheme, authority, decode(rest, t), Collections.unmodifiableMap(options));
    }

    private static String decode(String s, String uri) {
        try {
            return s.indexOf('%') < 0 ? s : java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidUriException("'" + uri + "': bad %-escape in '" + s + "'");
        }
    }

    public String scheme() { return scheme; }

    /** {@code host:port} after {@code //}, or null. */
    public String authority() { return authority; }

    /** Everything between the scheme (or authority) and the query; may be empty. */
    public String path() { return path; }

    public Map<String, String> options() { return options; }

    public Optional<String> option(String key) { return Optional.ofNullable(options.get(key)); }

    /** Fails when an option outside {@code known} is present, naming it and the known ones. */
    public void requireOnly(Set<String> known) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidUriException("'" + text + "': unknown option '" + key + "' for " + scheme
                        + ": (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    /** Fails when the path is empty, saying what it should hold. */
    public String requirePath(String what) {
        if (path.isEmpty() || path.equals("/")) {
            throw new InvalidUriException("'" + text + "': missing " + what + " (e.g. " + scheme + ":" + exampleFor(what) + ")");
        }
        return path;
    }

    private static String exampleFor(String what) {
        return what.contains("port") || what.contains("device") ? "/dev/ttyACM0" : "NAME";
    }

    public long longOption(String key, long defaultValue, long min, long max) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < min || n > max) {
                throw new InvalidUriException("'" + text + "': option " + key + "=" + v + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidUriException("'" + text + "': option " + key + "=" + v + " is not a whole number");
        }
    }

    public int intOption(String key, int defaultValue, int min, int max) {
        return (int) longOption(key, defaultValue, min, max);
    }

    public boolean booleanOption(String key, boolean defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new InvalidUriException("'" + text + "': option " + key + "=" + v + " is not true or false");
        };
    }

    /** One of {@code allowed} (case-insensitive), or the default. */
    public String choiceOption(String key, String defaultValue, Set<String> allowed) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        String lower = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new InvalidUriException("'" + text + "': option " + key + "=" + v + " is not one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return lower;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionUri u && u.text.equals(text);
    }

    @Override
    public int hashCode() { return Objects.hash(text); }

    /** The URI as given (stripped of surrounding blanks). */
    @Override
    public String toString() { return text; }
}
