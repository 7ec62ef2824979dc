package org.bmsworkbench.simulator;

/** BMS state values of VREG 0x0371, guide 1.5.4.2. */
public final class BmsState {
    /** 0–8 are the steps of initialising. */
    public static final int INITIALIZING_FIRST = 0;
    public static final int INITIALIZING_LAST = 8;
    public static final int RUNNING = 9;
    public static final int ERROR = 10;
    public static final int SHUTTING_DOWN = 12;
    public static final int STANDBY = 14;
    public static final int GOING_TO_RUNNING = 15;
    public static final int PRE_CHARGING = 16;

    /** BMS error values of VREG 0x2101 the simulator raises. */
    public static final int ERROR_NONE = 0;
    public static final int ERROR_OVER_VOLTAGE = 13;
    public static final int ERROR_UNDER_VOLTAGE = 14;
    public static final int ERROR_OVER_TEMPERATURE = 15;
    public static final int ERROR_UNDER_TEMPERATURE = 16;
    public static final int ERROR_PROTECTION_SHUTDOWN = 18;
    public static final int ERROR_PRE_CHARGE = 25;

    private BmsState() {
    }

    public static boolean initializing(int state) {
        return state >= INITIALIZING_FIRST && state <= INITIALIZING_LAST;
    }
}
