package org.bmsworkbench.simulator;

import java.util.Optional;

/** The writable VREG settings of guide 1.5.4.2 (un8 each) with their valid ranges and defaults. */
public enum Setting {
    SYNC_GROUP(0x0374, "setting.sync_group", 0, 3, 0),
    STARTUP_ON_CHARGER(0x0375, "setting.startup_on_charger", 0, 1, 0),
    STRATEGY(0x0376, "setting.strategy", 0, 1, 0),
    COMBINED_BMS(0x0377, "setting.combined_bms", 0, 1, 0),
    /** 1 = shut down and start up again (and, in standby, the start command: see the README). */
    RESTART_REQUEST(0x0379, "setting.restart_request", 0, 1, 0),
    PARALLEL(0x0387, "setting.parallel", 0, 96, 0),
    SERIES(0x0388, "setting.series", 0, 96, 0),
    BLUETOOTH(0x0090, "setting.bluetooth", 0, 1, 1);

    private final int register;
    private final String key;
    private final int min;
    private final int max;
    private final int defaultValue;

    Setting(int register, String key, int min, int max, int defaultValue) {
        this.register = register;
        this.key = key;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
    }

    public int register() { return register; }
    public String key() { return key; }
    public int min() { return min; }
    public int max() { return max; }
    public int defaultValue() { return defaultValue; }

    public boolean accepts(long value) {
        return value >= min && value <= max;
    }

    public static Optional<Setting> byRegister(int register) {
        for (Setting s : values()) {
            if (s.register == register) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
