package org.bmsworkbench.simulator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which warnings and alarms are raised, evaluated after every step of the pack. An alarm can
 * be latched (short circuit, a Safety lock): it then stays raised, whatever the measurement,
 * until {@link #reset()} — what a restart of the BMS does.
 */
public final class ProtectionMonitor {
    private final EnumSet<Protection> warnings = EnumSet.noneOf(Protection.class);
    private final EnumSet<Protection> alarms = EnumSet.noneOf(Protection.class);
    private final EnumSet<Protection> latched = EnumSet.noneOf(Protection.class);
    private final EnumSet<Protection> latchedWarnings = EnumSet.noneOf(Protection.class);

    /** Re-evaluates every level condition against {@code pack}. */
    public void evaluate(BatteryPack pack) {
        for (Protection p : Protection.values()) {
            Protection.Band band = p.band();
            if (band != null) {
                double value = band.measure().applyAsDouble(pack);
                set(warnings, p, latchedWarnings.contains(p) || band.next(value, warnings.contains(p), false));
                set(alarms, p, latched.contains(p) || band.next(value, alarms.contains(p), true));
            }
        }
        if (-pack.cRate() >= Protection.SHORT_CIRCUIT_C) {
            latch(Protection.SHORT_CIRCUIT, false);
        }
        set(warnings, Protection.GENERAL, warnings.stream().anyMatch(p -> p != Protection.GENERAL));
        set(alarms, Protection.GENERAL, alarms.stream().anyMatch(p -> p != Protection.GENERAL));
    }

    private static void set(Set<Protection> set, Protection p, boolean on) {
        if (on) {
            set.add(p);
        } else {
            set.remove(p);
        }
    }

    /** Raises alarm {@code p} (and its warning with {@code withWarning}) and keeps it raised until {@link #reset()}. */
    public void latch(Protection p, boolean withWarning) {
        latched.add(p);
        alarms.add(p);
        alarms.add(Protection.GENERAL);
        if (withWarning) {
            latchedWarnings.add(p);
            warnings.add(p);
            warnings.add(Protection.GENERAL);
        }
    }

    /** A restart: nothing latched any more, everything is evaluated afresh. */
    public void reset() {
        latched.clear();
        latchedWarnings.clear();
        alarms.clear();
        warnings.clear();
    }

    public boolean warning(Protection p) {
        return warnings.contains(p);
    }

    public boolean alarm(Protection p) {
        return alarms.contains(p);
    }

    public boolean anyAlarm() {
        return !alarms.isEmpty();
    }

    public Set<Protection> alarms() {
        return EnumSet.copyOf(alarms);
    }

    public Set<Protection> warnings() {
        return EnumSet.copyOf(warnings);
    }
}
