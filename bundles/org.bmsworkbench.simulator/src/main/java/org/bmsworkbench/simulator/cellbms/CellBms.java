package org.bmsworkbench.simulator.cellbms;

import java.util.Set;

/**
 * The simulated board on virtual time: the {@link CellPack}, the scenario's charger or load (which
 * flows only through a closed MOSFET), the {@link CellProtections}, and sleep — after
 * {@value #SLEEP_AFTER_S} s of cell under-voltage with no current the board sleeps (both MOSFETs
 * off, no answers) until a charger's voltage appears on its terminals. Steps of
 * {@value #STEP_MILLIS} ms. Not thread-safe.
 */
public final class CellBms {
    public static final long STEP_MILLIS = 100;
    static final double SLEEP_AFTER_S = 20;

    private final CellBmsOptions options;
    private final CellPack pack;
    private final CellProtections protections = new CellProtections();
    private final CellEnvironment environment = new CellEnvironment();
    private long nowMillis;
    private double lowSince = -1;

    public CellBms(CellBmsOptions options) {
        this.options = options;
        this.pack = new CellPack(options.cells(), options.make().temperatureSensors(), options.scenario(),
                options.seed());
        update(0);
    }

    /** Runs the board up to {@code millis} of virtual time. */
    public void advanceTo(long millis) {
        while (nowMillis + STEP_MILLIS <= millis) {
            nowMillis += STEP_MILLIS;
            double t = nowMillis / 1000.0;
            options.scenario().apply(t, environment);
            double asked = environment.cRate() * CellPack.CAPACITY_AH;
            double amps = asked > 0 ? (protections.chargeFet() ? asked : 0)
                    : asked < 0 ? (protections.dischargeFet() ? asked : 0) : 0;
            pack.step(STEP_MILLIS / 1000.0, amps, environment.ambient());
            update(t);
        }
    }

    private void update(double t) {
        protections.update(pack, t);
        if (protections.asleep()) {
            if (environment.chargerPresent()) {
                protections.sleep(false); // a charger's voltage wakes the board
                lowSince = -1;
            }
            return;
        }
        boolean low = protections.active(CellProtection.CELL_UNDER_VOLTAGE) && Math.abs(pack.current()) < 0.5;
        if (!low) {
            lowSince = -1;
        } else if (lowSince < 0) {
            lowSince = t;
        } else if (t - lowSince >= SLEEP_AFTER_S && !environment.chargerPresent()) {
            protections.sleep(true);
        }
    }

    /**
     * The host switches MOSFETs (null: leave it).
     *
     * @return the active protections that refused it (nothing changed), empty when done
     */
    public Set<CellProtection> switchFets(Boolean charge, Boolean discharge) {
        return protections.command(charge, discharge);
    }

    public long nowMillis() { return nowMillis; }

    public CellBmsOptions options() { return options; }

    public CellPack pack() { return pack; }

    public CellProtections protections() { return protections; }

    public CellEnvironment environment() { return environment; }

    /** Asleep: answers nothing. */
    public boolean asleep() { return protections.asleep(); }
}
