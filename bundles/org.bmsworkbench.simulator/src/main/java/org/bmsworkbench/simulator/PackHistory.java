package org.bmsworkbench.simulator;

/**
 * The history values a Master LV keeps (VREG 0x0300–0x0313, 0x0384): they start from a
 * plausible past of thirty full cycles and follow the live pack from then on.
 */
public final class PackHistory {
    private static final int PAST_CYCLES = 30;

    private final BatteryPack pack;
    private double deepestDischargeAh;
    private double totalAhDrawn;
    private double voltageMin;
    private double voltageMax;
    private int autoSyncs;
    private double energyDischargedKwh;
    private double energyChargedKwh;
    private double temperatureMax;
    private double temperatureMin;
    private double cellVoltageMin;
    private double cellVoltageMax;
    private boolean wasFull;

    PackHistory(BatteryPack pack, SimulatorOptions options) {
        this.pack = pack;
        double capacity = options.capacityAh();
        int cells = options.cellsInSeries();
        this.deepestDischargeAh = -0.85 * capacity;
        this.totalAhDrawn = -PAST_CYCLES * capacity;
        this.voltageMin = 2.95 * cells;
        this.voltageMax = 3.52 * cells;
        this.autoSyncs = PAST_CYCLES;
        this.energyChargedKwh = PAST_CYCLES * capacity * 3.3 * cells / 1000;
        this.energyDischargedKwh = energyChargedKwh * 0.95;
        this.temperatureMax = 38;
        this.temperatureMin = 8;
        this.cellVoltageMin = 2.95;
        this.cellVoltageMax = 3.55;
        this.wasFull = pack.socPercent() >= 100;
    }

    void update(double dt) {
        double amps = pack.current();
        double volts = pack.packVoltage();
        double ah = amps * dt / 3600;
        if (ah < 0) {
            totalAhDrawn += ah;
            energyDischargedKwh += -ah * volts / 1000;
        } else {
            energyChargedKwh += ah * volts / 1000;
        }
        deepestDischargeAh = Math.min(deepestDischargeAh, pack.consumedAh());
        voltageMin = Math.min(voltageMin, volts);
        voltageMax = Math.max(voltageMax, volts);
        temperatureMin = Math.min(temperatureMin, pack.temperatureMin());
        temperatureMax = Math.max(temperatureMax, pack.temperatureMax());
        cellVoltageMin = Math.min(cellVoltageMin, pack.cellVoltageMin());
        cellVoltageMax = Math.max(cellVoltageMax, pack.cellVoltageMax());
        boolean full = pack.socPercent() >= 100;
        if (full && !wasFull) {
            autoSyncs++;
        }
        wasFull = full;
    }

    public double deepestDischargeAh() { return deepestDischargeAh; }
    public double totalAhDrawn() { return totalAhDrawn; }
    public double voltageMin() { return voltageMin; }
    public double voltageMax() { return voltageMax; }
    public int autoSyncs() { return autoSyncs; }
    public double energyDischargedKwh() { return energyDischargedKwh; }
    public double energyChargedKwh() { return energyChargedKwh; }
    public double temperatureMax() { return temperatureMax; }
    public double temperatureMin() { return temperatureMin; }
    public double cellVoltageMin() { return cellVoltageMin; }
    public double cellVoltageMax() { return cellVoltageMax; }
}
