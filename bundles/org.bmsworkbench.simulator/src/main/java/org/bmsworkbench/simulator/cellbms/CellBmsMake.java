package org.bmsworkbench.simulator.cellbms;

import java.util.Arrays;
import java.util.Optional;

/** The makes of cell-level BMS the simulator offers ({@code sim:?device=jbd|daly}). */
public enum CellBmsMake {
    /** A JBD (Jiabaida, sold as Overkill Solar, Xiaoxiang) smart BMS on its UART, 9600 8N1. */
    JBD("jbd", "JBD", 16, "jbd0", 2),
    /** A Daly smart BMS on its UART (9600 8N1) or its CAN port (250 kbit/s, 29-bit ids). */
    DALY("daly", "Daly", 8, "daly0", 2);

    private final String id;
    private final String displayName;
    private final int defaultCells;
    private final String port;
    private final int temperatureSensors;

    CellBmsMake(String id, String displayName, int defaultCells, String port, int temperatureSensors) {
        this.id = id;
        this.displayName = displayName;
        this.defaultCells = defaultCells;
        this.port = port;
        this.temperatureSensors = temperatureSensors;
    }

    /** The {@code device} option value and the protocol id ({@code jbd}, {@code daly}). */
    public String id() { return id; }

    public String displayName() { return displayName; }

    public int defaultCells() { return defaultCells; }

    /** The port name its chunks carry on a {@code sim:} channel ({@code jbd0}, {@code daly0}). */
    public String port() { return port; }

    /** NTC sensors the simulated board has. */
    public int temperatureSensors() { return temperatureSensors; }

    public static Optional<CellBmsMake> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
