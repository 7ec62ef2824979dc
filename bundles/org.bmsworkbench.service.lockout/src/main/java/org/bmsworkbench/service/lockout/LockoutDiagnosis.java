package org.bmsworkbench.service.lockout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;

/**
 * The lockout state of a cell-level BMS from its model: the MOSFETs ({@code fet.charge},
 * {@code fet.discharge}), the protections it reports active ({@code protection.<name>} true: the
 * BMS still sees the cause), those raised earlier and cleared since (the cause is gone; a MOSFET
 * may stay off until a host switches it on), and the active pre-alarms ({@code warning.<name>}
 * true). Protocol-neutral: any make whose protocol fills these keys.
 *
 * @param fetCharge    the charge MOSFET on, off, or null when the BMS has not said
 * @param fetDischarge the discharge MOSFET on, off, or null
 * @param protections  active protections first, then those cleared since they were raised, each in catalogue order
 * @param warnings     the active warnings, in catalogue order
 * @param cellLevel    whether the model has any MOSFET or protection key at all
 */
public record LockoutDiagnosis(Boolean fetCharge, Boolean fetDischarge, List<TrippedProtection> protections,
        List<TrippedProtection> warnings, boolean cellLevel) {

    private static final Pattern CELL = Pattern.compile("cell\\.([0-9]+)\\.voltage");
    private static final Pattern SENSOR = Pattern.compile("temperature\\.([0-9]+)");

    public LockoutDiagnosis {
        protections = List.copyOf(protections);
        warnings = List.copyOf(warnings);
    }

    /** The diagnosis of {@code model} now. */
    public static LockoutDiagnosis of(BmsModel model) {
        return of(model.values(), model.alarms());
    }

    /**
     * The diagnosis of the latest values (keys as in docs/SIGNALS.md) and, where the model keeps
     * them, the alarm records of {@code protection.*} keys (for the cleared ones and the times).
     */
    public static LockoutDiagnosis of(Map<String, SignalValue> values, Map<String, AlarmRecord> alarms) {
        Objects.requireNonNull(values, "values");
        Map<String, AlarmRecord> records = alarms == null ? Map.of() : alarms;
        List<TrippedProtection> active = new ArrayList<>();
        List<TrippedProtection> cleared = new ArrayList<>();
        List<TrippedProtection> warnings = new ArrayList<>();
        boolean cellLevel = values.containsKey("fet.charge") || values.containsKey("fet.discharge");
        for (Protection p : Protections.all()) {
            Object now = value(values, p.protectionKey());
            AlarmRecord record = records.get(p.protectionKey());
            cellLevel |= now instanceof Boolean;
            if (Boolean.TRUE.equals(now)) {
                active.add(new TrippedProtection(p, true, raised(record, values.get(p.protectionKey())),
                        null, evidence(p, values)));
            } else if (Boolean.FALSE.equals(now) && record != null && record.raiseCount() > 0) {
                cleared.add(new TrippedProtection(p, false, record.lastRaisedMicros(), record.lastClearedMicros(),
                        evidence(p, values)));
            }
            if (Boolean.TRUE.equals(value(values, p.warningKey()))) { // a boolean: not a 0x35A "raised"
                AlarmRecord w = records.get(p.warningKey());
                warnings.add(new TrippedProtection(p, true, raised(w, values.get(p.warningKey())), null,
                        evidence(p, values)));
            }
        }
        active.addAll(cleared);
        return new LockoutDiagnosis(bool(values, "fet.charge"), bool(values, "fet.discharge"), active, warnings,
                cellLevel);
    }

    private static Object value(Map<String, SignalValue> values, String key) {
        SignalValue v = values.get(key);
        return v == null ? null : v.value();
    }

    private static Boolean bool(Map<String, SignalValue> values, String key) {
        return value(values, key) instanceof Boolean b ? b : null;
    }

    private static Long raised(AlarmRecord record, SignalValue value) {
        if (record != null && record.lastRaisedMicros() != null) {
            return record.lastRaisedMicros();
        }
        return value == null ? null : value.timeMicros();
    }

    /** The active protections. */
    public List<TrippedProtection> active() {
        return protections.stream().filter(TrippedProtection::active).toList();
    }

    /**
     * The active protections whose cause opens the charge MOSFET ({@code charge}) or the discharge
     * one: while one is active, switching that MOSFET on is refused. The software lock is not one of
     * them: it is what switching releases.
     */
    public List<Protection> blocking(boolean charge) {
        return active().stream().map(TrippedProtection::protection).filter(p -> p.opens(charge)).toList();
    }

    /** The state of a MOSFET, or null when unknown. */
    public Boolean fet(boolean charge) {
        return charge ? fetCharge : fetDischarge;
    }

    /** Whether a MOSFET is off or a protection is active. */
    public boolean lockedOut() {
        return Boolean.FALSE.equals(fetCharge) || Boolean.FALSE.equals(fetDischarge) || !active().isEmpty();
    }

    /** One line: what is off and why, or that all is well. */
    public String summary() {
        if (!cellLevel) {
            return "no MOSFET or protection state from this BMS";
        }
        List<TrippedProtection> now = active();
        String fets = fetsText();
        if (!now.isEmpty()) {
            return "locked out: " + labels(now) + (now.size() == 1 ? " protection is" : " protections are")
                    + " active, the BMS still sees the cause; " + fets;
        }
        if (Boolean.FALSE.equals(fetCharge) || Boolean.FALSE.equals(fetDischarge)) {
            return fets + "; no protection is active: the cause is gone, and the MOSFET stays off until it is"
                    + " switched on";
        }
        return fets + (warnings.isEmpty() ? "; no protection is active" : "; no protection is active, "
                + labels(warnings).toLowerCase(Locale.ROOT) + (warnings.size() == 1 ? " warning" : " warnings")
                + " raised");
    }

    private String fetsText() {
        return "charge MOSFET " + state(fetCharge) + ", discharge MOSFET " + state(fetDischarge);
    }

    /** {@code on}, {@code off}, {@code unknown}. */
    public static String state(Boolean fet) {
        return fet == null ? "unknown" : fet ? "on" : "off";
    }

    private static String labels(List<TrippedProtection> list) {
        List<String> labels = list.stream().map(t -> t.protection().label()).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    /**
     * The diagnosis in lines for a terminal or a report: the MOSFETs (and what opens each), then
     * every protection and warning with its state, what it means, the measurements, its causes and
     * what to check.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Summary: " + summary());
        if (!cellLevel) {
            return lines;
        }
        lines.add("Charge MOSFET: " + fetLine(true));
        lines.add("Discharge MOSFET: " + fetLine(false));
        for (TrippedProtection t : protections) {
            Protection p = t.protection();
            lines.add(p.label() + " protection: " + (t.active()
                    ? "ACTIVE - the BMS still sees the cause; it opens the " + p.opensText() + " MOSFET"
                            + (p.opensCharge() || p.opensDischarge() ? "" : "s")
                    : "cleared - the cause is gone" + stillOff(p)));
            explain(lines, t);
        }
        for (TrippedProtection t : warnings) {
            lines.add(t.protection().label() + " warning: raised - nearing the protection's limit");
            explain(lines, t);
        }
        return lines;
    }

    private String fetLine(boolean charge) {
        Boolean on = fet(charge);
        String line = state(on);
        List<Protection> blocking = blocking(charge);
        if (!blocking.isEmpty()) {
            line += ", held off by " + String.join(", ", blocking.stream().map(Protection::label).toList());
        } else if (Boolean.FALSE.equals(on)) {
            line += ", no protection holds it off: it can be switched on";
        }
        return line;
    }

    private String stillOff(Protection p) {
        List<String> off = new ArrayList<>();
        if (p.opensCharge() && Boolean.FALSE.equals(fetCharge)) {
            off.add("charge");
        }
        if (p.opensDischarge() && Boolean.FALSE.equals(fetDischarge)) {
            off.add("discharge");
        }
        return off.isEmpty() ? "" : ", but the " + String.join(" and ", off) + " MOSFET" + (off.size() > 1 ? "s are" : " is")
                + " still off until switched on";
    }

    private static void explain(List<String> lines, TrippedProtection t) {
        Protection p = t.protection();
        lines.add("  " + p.meaning() + (t.evidence().isEmpty() ? "" : " Now: " + t.evidence() + "."));
        lines.add("  Causes: " + p.causes());
        lines.add("  Check: " + p.check());
    }

    /** The measurements that go with a protection, from the latest values; empty when none are known. */
    static String evidence(Protection p, Map<String, SignalValue> values) {
        return switch (p.name()) {
            case "cell_over_voltage" -> extreme(values, CELL, true, "highest cell", "V", "cell.voltage.max", "cell");
            case "cell_under_voltage" -> extreme(values, CELL, false, "lowest cell", "V", "cell.voltage.min", "cell");
            case "pack_over_voltage", "pack_under_voltage" -> number(values, "pack.voltage", "pack", "V");
            case "charge_over_temperature", "discharge_over_temperature" ->
                extreme(values, SENSOR, true, "warmest sensor", "°C", "cell.temperature.max", "sensor");
            case "charge_under_temperature", "discharge_under_temperature" ->
                extreme(values, SENSOR, false, "coldest sensor", "°C", "cell.temperature.min", "sensor");
            case "charge_over_current", "discharge_over_current", "short_circuit" ->
                number(values, "pack.current", "current", "A");
            default -> "";
        };
    }

    private static String number(Map<String, SignalValue> values, String key, String what, String unit) {
        return value(values, key) instanceof Number n ? what + " " + format(n.doubleValue()) + " " + unit : "";
    }

    private static String extreme(Map<String, SignalValue> values, Pattern perItem, boolean highest, String what,
            String unit, String fallbackKey, String item) {
        int best = -1;
        double bestValue = 0;
        for (SignalValue v : values.values()) {
            Matcher m = perItem.matcher(v.key());
            if (m.matches() && v.value() instanceof Number n) {
                double d = n.doubleValue();
                if (best < 0 || (highest ? d > bestValue : d < bestValue)) {
                    best = Integer.parseInt(m.group(1));
                    bestValue = d;
                }
            }
        }
        if (best >= 0) {
            return what + " " + format(bestValue) + " " + unit + " (" + item + " " + best + ")";
        }
        return number(values, fallbackKey, what, unit);
    }

    private static String format(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
