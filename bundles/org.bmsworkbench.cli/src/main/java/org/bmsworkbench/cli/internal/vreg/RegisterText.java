package org.bmsworkbench.cli.internal.vreg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.cli.internal.live.ValueText;

/** Registers and their values as {@code bmswb vreg} prints them. */
public final class RegisterText {
    private RegisterText() {
    }

    /** The cells of a {@code vreg list} row: ID, NAME, KEYS, TYPE, UNIT, ACCESS, BROADCAST, RANGE. */
    public static String[] listRow(RegisterInfo r) {
        List<RegisterField> fields = r.fields();
        String keys = fields.stream().map(RegisterField::key).collect(Collectors.joining(", "));
        String type = fields.stream().map(f -> f.type().guideName()).collect(Collectors.joining(":"));
        Set<String> units = new LinkedHashSet<>();
        fields.forEach(f -> {
            if (!f.unit().isEmpty()) {
                units.add(f.unit());
            }
        });
        String broadcast = r.periodic() && r.onChange() ? "periodic, on change"
                : r.periodic() ? "periodic" : r.onChange() ? "on change" : "-";
        String range = r.writable() ? RegisterNumbers.scaled(r.min(), fields.get(0).decimals()) + ".."
                + RegisterNumbers.scaled(r.max(), fields.get(0).decimals()) : "";
        return new String[] {r.idHex(), r.name(), keys, type, String.join(", ", units), r.writable() ? "RW" : "R",
                broadcast, range};
    }

    /** The header of {@link #listRow}. */
    public static String[] listHeader() {
        return new String[] {"ID", "NAME", "KEYS", "TYPE", "UNIT", "ACCESS", "BROADCAST", "RANGE"};
    }

    /**
     * A register's values: {@code soc=87.5 %}, {@code bms.state=9 (Running)},
     * {@code cell.voltage.min=3.3 V, cell.voltage.max=3.32 V}; keys of a register outside the
     * catalogue ({@code info} null) as they are.
     */
    public static String values(RegisterInfo info, Map<String, Object> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        if (info == null) {
            values.forEach((k, v) -> parts.add(k + "=" + ValueText.of(v, "")));
            return String.join(", ", parts);
        }
        for (RegisterField f : info.fields()) {
            if (values.containsKey(f.key())) {
                parts.add(f.key() + "=" + value(info, f, values.get(f.key())));
            }
        }
        values.forEach((k, v) -> {
            if (info.fields().stream().noneMatch(f -> f.key().equals(k))) {
                parts.add(k + "=" + ValueText.of(v, ""));
            }
        });
        return String.join(", ", parts);
    }

    /** One field's value with its unit and, when the guide names it, its label or set bits. */
    public static String value(RegisterInfo info, RegisterField field, Object value) {
        String text = ValueText.of(value, field.unit());
        if (value instanceof Long l) {
            String label = info.label(l);
            if (label != null) {
                return text + " (" + label + ")";
            }
            if (!info.bitLabels().isEmpty()) {
                List<String> set = new ArrayList<>();
                new TreeMap<>(info.bitLabels()).forEach((bit, name) -> {
                    if (bit < 64 && (l >>> bit & 1) != 0) {
                        set.add(name);
                    }
                });
                return text + " (" + (set.isEmpty() ? "no flag set" : String.join(", ", set)) + ")";
            }
        }
        return text;
    }

    /** {@code sync_group} for {@code setting.sync_group}: the key without its group. */
    public static String shortKey(String key) {
        int dot = key.indexOf('.');
        return dot < 0 || dot == key.length() - 1 ? key : key.substring(dot + 1);
    }
}
