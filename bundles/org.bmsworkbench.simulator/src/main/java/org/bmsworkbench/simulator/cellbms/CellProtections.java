package org.bmsworkbench.simulator.cellbms;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The protection logic and the MOSFETs of the simulated board.
 *
 * <ul>
 * <li>A protection trips when its reading has been beyond the trip level for the trip delay, and
 *     releases when it has been back past the release level for the release delay (the current
 *     protections: when the release delay has passed since the trip).</li>
 * <li>A MOSFET is off while a protection that opens it is active, while the BMS sleeps, after the
 *     host switched it off, and — after a <em>latching</em> protection (cell over-voltage,
 *     discharge over-current, short circuit) released — until the host switches it on: the lockout.</li>
 * <li>The host's "on" is refused while a protection that opens that MOSFET is active; otherwise it
 *     clears the latch and the host's own "off".</li>
 * </ul>
 */
public final class CellProtections {
    private final Set<CellProtection> active = EnumSet.noneOf(CellProtection.class);
    private final Set<CellProtection> warnings = EnumSet.noneOf(CellProtection.class);
    private final Map<CellProtection, Double> pendingSince = new EnumMap<>(CellProtection.class);
    private final Map<CellProtection, Double> trippedAt = new EnumMap<>(CellProtection.class);
    private boolean chargeLatched;
    private boolean dischargeLatched;
    private boolean chargeHostOff;
    private boolean dischargeHostOff;
    private boolean asleep;

    /** Evaluates every protection on {@code pack} at {@code seconds} since the start. */
    void update(CellPack pack, double seconds) {
        for (CellProtection p : CellProtection.values()) {
            double r = p.reading(pack);
            if (p.beyond(r, p.warnLevel())) {
                warnings.add(p);
            } else {
                warnings.remove(p);
            }
            boolean on = active.contains(p);
            boolean change = on ? releaseCondition(p, r) : p.beyond(r, p.tripLevel());
            if (!change) {
                pendingSince.remove(p);
                continue;
            }
            double since = pendingSince.computeIfAbsent(p, k -> seconds);
            double delay = on ? p.releaseDelaySeconds() : p.tripDelaySeconds();
            if (on && p.timedRelease()) {
                since = trippedAt.get(p);
            }
            if (seconds - since + 1e-9 >= delay) {
                pendingSince.remove(p);
                if (on) {
                    active.remove(p);
                    trippedAt.remove(p);
                } else {
                    active.add(p);
                    trippedAt.put(p, seconds);
                    if (p.latching()) {
                        if (p.opensCharge()) {
                            chargeLatched = true;
                        } else {
                            dischargeLatched = true;
                        }
                    }
                }
            }
        }
    }

    private static boolean releaseCondition(CellProtection p, double reading) {
        if (p.timedRelease()) {
            return true;
        }
        return p.high() ? reading < p.releaseLevel() : reading > p.releaseLevel();
    }

    void sleep(boolean s) {
        asleep = s;
    }

    public boolean asleep() {
        return asleep;
    }

    /** The charge MOSFET conducts. */
    public boolean chargeFet() {
        return !asleep && !chargeLatched && !chargeHostOff && active.stream().noneMatch(CellProtection::opensCharge);
    }

    /** The discharge MOSFET conducts. */
    public boolean dischargeFet() {
        return !asleep && !dischargeLatched && !dischargeHostOff
                && active.stream().noneMatch(p -> !p.opensCharge());
    }

    /** The active protections that hold the charge ({@code charge}) or discharge MOSFET off. */
    public Set<CellProtection> holding(boolean charge) {
        Set<CellProtection> s = EnumSet.noneOf(CellProtection.class);
        active.stream().filter(p -> p.opensCharge() == charge).forEach(s::add);
        return s;
    }

    /** A MOSFET stays off after a latching protection released, until the host switches it on. */
    public boolean latched(boolean charge) {
        return charge ? chargeLatched : dischargeLatched;
    }

    /** The host switched a MOSFET off (JBD reports it as "software lock", protection bit 12). */
    public boolean softwareLock() {
        return chargeHostOff || dischargeHostOff;
    }

    /**
     * The host asks a MOSFET on or off (null: leave it). Nothing changes when a MOSFET asked on is
     * held by an active protection: the answer then names the protections.
     *
     * @return the protections that refused it, empty when done
     */
    public Set<CellProtection> command(Boolean charge, Boolean discharge) {
        Set<CellProtection> refusing = EnumSet.noneOf(CellProtection.class);
        if (Boolean.TRUE.equals(charge)) {
            refusing.addAll(holding(true));
        }
        if (Boolean.TRUE.equals(discharge)) {
            refusing.addAll(holding(false));
        }
        if (!refusing.isEmpty()) {
            return refusing;
        }
        if (charge != null) {
            chargeHostOff = !charge;
            chargeLatched = false;
        }
        if (discharge != null) {
            dischargeHostOff = !discharge;
            dischargeLatched = false;
        }
        return refusing;
    }

    public boolean active(CellProtection p) {
        return active.contains(p);
    }

    public boolean warning(CellProtection p) {
        return warnings.contains(p);
    }

    public Set<CellProtection> active() {
        Set<CellProtection> copy = EnumSet.noneOf(CellProtection.class);
        copy.addAll(active);
        return copy;
    }
}
