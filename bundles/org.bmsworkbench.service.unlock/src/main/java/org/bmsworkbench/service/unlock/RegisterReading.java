package org.bmsworkbench.service.unlock;

import java.util.Map;
import java.util.Objects;

/**
 * One register as a snapshot holds it.
 *
 * @param id      register id
 * @param name    the catalogue's name, or {@code "(not in the catalogue)"}
 * @param outcome the register access outcome name ({@code OK}, {@code TIMEOUT}, {@code UNKNOWN_REGISTER}, …)
 * @param values  model keys to values (empty unless read); numbers as {@link Double} or {@link Long}
 * @param units   model keys to units ({@code V}, {@code %}; empty string for none)
 * @param raw     the value bytes as received, upper-case hex (empty unless read)
 * @param message the register access's one line
 */
public record RegisterReading(int id, String name, String outcome, Map<String, Object> values,
        Map<String, String> units, String raw, String message) {
    public RegisterReading {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        units = Map.copyOf(units);
        raw = raw == null ? "" : raw;
        message = message == null ? "" : message;
    }

    public boolean ok() {
        return outcome.equals("OK");
    }

    /** {@code 0x0371}. */
    public String idHex() {
        return String.format("0x%04X", id);
    }
}
