package org.bmsworkbench.simulator;

/**
 * Open-circuit voltage of one LiFePO4 cell against state of charge: the long flat plateau
 * around 3.3 V, the knee below 10 % and the steep rise in the last percent. Piecewise linear
 * between points typical of prismatic LFP cells at 25 °C.
 */
public final class OcvCurve {
    private static final double[] SOC = {0, 1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99, 100};
    private static final double[] VOLTS = {2.50, 2.78, 2.92, 3.05, 3.18, 3.22, 3.25, 3.27, 3.29, 3.30, 3.31, 3.33,
        3.34, 3.36, 3.40, 3.44, 3.48};

    private OcvCurve() {
    }

    /** Rest voltage of one cell at {@code socPercent} (clamped to 0..100). */
    public static double cellVoltage(double socPercent) {
        double s = Math.max(0, Math.min(100, socPercent));
        for (int i = 1; i < SOC.length; i++) {
            if (s <= SOC[i]) {
                double f = (s - SOC[i - 1]) / (SOC[i] - SOC[i - 1]);
                return VOLTS[i - 1] + f * (VOLTS[i] - VOLTS[i - 1]);
            }
        }
        return VOLTS[VOLTS.length - 1];
    }
}
