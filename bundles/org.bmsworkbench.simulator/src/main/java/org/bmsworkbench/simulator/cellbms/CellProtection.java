package org.bmsworkbench.simulator.cellbms;

/**
 * The protections of the simulated board, with the settings of a typical LiFePO4 configuration:
 * a warning level (Daly's level 1), a trip level held for a delay (Daly's level 2, JBD's
 * protection bit), a release level held for a delay, and the MOSFET it opens. The names are the
 * catalogue's {@code protection.<name>}. Bits: JBD basic info 0x03 "protection status" (bit 0
 * cell over-voltage … bit 10 short circuit, Overkill Solar / bms-tools JBD register map); Daly
 * 0x98 byte and level-1 bit, level 2 the next bit (Daly UART/RS485 protocol, as dalybms'
 * {@code error_codes.py} and Daly2MQTT read it). Current thresholds are multiples of capacity;
 * the current protections release after their delay whatever the reading (the MOSFET stopped
 * the current), as JBD's over-current release delay does.
 */
public enum CellProtection {
    CELL_OVER_VOLTAGE("cell_over_voltage", 0, true, 0, 0, true, 3.55, 3.65, 2, 3.55, 2, true),
    CELL_UNDER_VOLTAGE("cell_under_voltage", 1, false, 0, 2, false, 2.90, 2.50, 2, 2.70, 2, false),
    PACK_OVER_VOLTAGE("pack_over_voltage", 2, true, 0, 4, true, 3.55, 3.62, 2, 3.50, 2, false),
    PACK_UNDER_VOLTAGE("pack_under_voltage", 3, false, 0, 6, false, 2.90, 2.50, 2, 2.80, 2, false),
    CHARGE_OVER_TEMPERATURE("charge_over_temperature", 4, true, 1, 0, true, 45, 50, 2, 45, 2, false),
    CHARGE_UNDER_TEMPERATURE("charge_under_temperature", 5, true, 1, 2, false, 3, 0, 2, 5, 2, false),
    DISCHARGE_OVER_TEMPERATURE("discharge_over_temperature", 6, false, 1, 4, true, 55, 60, 2, 55, 2, false),
    DISCHARGE_UNDER_TEMPERATURE("discharge_under_temperature", 7, false, 1, 6, false, -15, -20, 2, -15, 2, false),
    CHARGE_OVER_CURRENT("charge_over_current", 8, true, 2, 0, true, 0.5, 0.6, 2, 0.6, 32, false),
    DISCHARGE_OVER_CURRENT("discharge_over_current", 9, false, 2, 2, true, 1.2, 1.5, 1, 1.5, 32, true),
    SHORT_CIRCUIT("short_circuit", 10, false, 6, 2, true, 5, 5, 0, 5, 5, true);

    private final String key;
    private final int jbdBit;
    private final boolean charge;
    private final int dalyByte;
    private final int dalyBit;
    private final boolean high;
    private final double warn;
    private final double trip;
    private final double tripDelay;
    private final double release;
    private final double releaseDelay;
    private final boolean latching;

    CellProtection(String key, int jbdBit, boolean charge, int dalyByte, int dalyBit, boolean high, double warn,
            double trip, double tripDelay, double release, double releaseDelay, boolean latching) {
        this.key = key;
        this.jbdBit = jbdBit;
        this.charge = charge;
        this.dalyByte = dalyByte;
        this.dalyBit = dalyBit;
        this.high = high;
        this.warn = warn;
        this.trip = trip;
        this.tripDelay = tripDelay;
        this.release = release;
        this.releaseDelay = releaseDelay;
        this.latching = latching;
    }

    /** The catalogue name: {@code protection.<key>}, {@code warning.<key>}. */
    public String key() { return key; }

    /** Its bit in JBD's protection status word. */
    public int jbdBit() { return jbdBit; }

    /** True when it opens the charge MOSFET, false the discharge one. */
    public boolean opensCharge() { return charge; }

    /** Its byte in Daly's 0x98 fault bitmap. */
    public int dalyByte() { return dalyByte; }

    /** Its level-1 bit in that byte; level 2 is the next bit (the short circuit has one bit only). */
    public int dalyBit() { return dalyBit; }

    /** Whether the MOSFET it opened stays off after it releases, until the host switches it on. */
    public boolean latching() { return latching; }

    boolean high() { return high; }
    double warnLevel() { return warn; }
    double tripLevel() { return trip; }
    double tripDelaySeconds() { return tripDelay; }
    double releaseLevel() { return release; }
    double releaseDelaySeconds() { return releaseDelay; }

    /** The pack's reading this protection watches (pack voltages per cell, currents in C, temperatures in °C). */
    double reading(CellPack pack) {
        return switch (this) {
            case CELL_OVER_VOLTAGE -> pack.cellVoltageMax();
            case CELL_UNDER_VOLTAGE -> pack.cellVoltageMin();
            case PACK_OVER_VOLTAGE, PACK_UNDER_VOLTAGE -> pack.packVoltage() / pack.cells();
            case CHARGE_OVER_TEMPERATURE, DISCHARGE_OVER_TEMPERATURE -> pack.temperatureMax();
            case CHARGE_UNDER_TEMPERATURE, DISCHARGE_UNDER_TEMPERATURE -> pack.temperatureMin();
            case CHARGE_OVER_CURRENT -> Math.max(0, pack.current()) / CellPack.CAPACITY_AH;
            case DISCHARGE_OVER_CURRENT, SHORT_CIRCUIT -> Math.max(0, -pack.current()) / CellPack.CAPACITY_AH;
        };
    }

    /** Whether a reading is past {@code level} in this protection's direction. */
    boolean beyond(double reading, double level) {
        return high ? reading >= level : reading <= level;
    }

    boolean timedRelease() {
        return this == CHARGE_OVER_CURRENT || this == DISCHARGE_OVER_CURRENT || this == SHORT_CIRCUIT;
    }
}
