package org.bmsworkbench.simulator.cellbms;

/**
 * What is around the simulated pack at a moment, set by the scenario: what the charger or load
 * asks (it flows only through a closed MOSFET), the ambient temperature, whether a charger's
 * voltage is on the terminals (which wakes a sleeping BMS).
 */
public final class CellEnvironment {
    /** Current asked of the pack as a multiple of its capacity: + = a charger, − = a load. */
    double cRate;
    /** Ambient temperature, °C. */
    double ambient;
    /** A charger's voltage is on the terminals. */
    boolean chargerPresent;

    public double cRate() { return cRate; }
    public double ambient() { return ambient; }
    public boolean chargerPresent() { return chargerPresent; }

    void set(double cRate, double ambient, boolean chargerPresent) {
        this.cRate = cRate;
        this.ambient = ambient;
        this.chargerPresent = chargerPresent;
    }
}
