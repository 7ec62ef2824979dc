package org.bmsworkbench.bms;

import java.util.Objects;

/**
 * One key of the BMS model.
 *
 * @param key         dotted key, e.g. {@code pack.voltage}
 * @param unit        {@code V}, {@code A}, {@code °C}, {@code %}, {@code Ah}, {@code kWh}, {@code min}, {@code s}, or empty
 * @param kind        the value type
 * @param group       view grouping: pack, cells, limits, energy, identity, status, history, settings, alarms, warnings, events
 * @param label       short human label, e.g. "Pack voltage"
 * @param description one sentence for tooltips and {@code bmswb signals}
 */
public record SignalDescriptor(String key, String unit, SignalKind kind, String group, String label, String description) {
    public SignalDescriptor {
        Objects.requireNonNull(key, "key");
        unit = unit == null ? "" : unit;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(label, "label");
        description = description == null ? "" : description;
    }
}
