package org.bmsworkbench.bms.registers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One register of a device, as its vendor's guide describes it.
 *
 * @param id          register id, e.g. {@code 0x0FFF}
 * @param name        the guide's description, e.g. "State-of-Charge"
 * @param group       the guide's block: device, status, configuration, history, limits, settings
 * @param fields      the value's fields, in byte order
 * @param periodic    broadcast every 5 s (guide 1.5.4.2 "Periodically")
 * @param onChange    broadcast within 1 s of a change
 * @param writable    may be written (the Settings block)
 * @param min         smallest raw value a write may carry, or null (not writable)
 * @param max         largest raw value a write may carry, or null
 * @param valueLabels names of values, e.g. 9 = "Running" (empty when the guide gives none)
 * @param bitLabels   names of bits of a flag register, bit number to name
 * @param comment     the guide's comment, shortened
 */
public record RegisterInfo(int id, String name, String group, List<RegisterField> fields, boolean periodic,
        boolean onChange, boolean writable, Long min, Long max, Map<Long, String> valueLabels,
        Map<Integer, String> bitLabels, String comment) {
    public RegisterInfo {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("register id " + id + " is outside 0..0xFFFF");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("register " + id + " has no field");
        }
        if (writable && (min == null || max == null || fields.size() != 1)) {
            throw new IllegalArgumentException("writable register " + id + " needs one field and a range");
        }
        valueLabels = Map.copyOf(valueLabels);
        bitLabels = Map.copyOf(bitLabels);
        comment = comment == null ? "" : comment;
    }

    /** {@code 0x0FFF}. */
    public String idHex() {
        return String.format("0x%04X", id);
    }

    /** Value bytes the fields take (1..4). */
    public int size() {
        int size = 0;
        for (RegisterField f : fields) {
            size = Math.max(size, f.offset() + f.type().width());
        }
        return size;
    }

    /** The label of a value, or null. */
    public String label(long value) {
        return valueLabels.get(value);
    }

    /** True when a write of {@code raw} is within the register's range. */
    public boolean accepts(long raw) {
        return writable && raw >= min && raw <= max;
    }
}
