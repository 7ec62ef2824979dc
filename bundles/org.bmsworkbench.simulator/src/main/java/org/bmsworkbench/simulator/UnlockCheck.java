package org.bmsworkbench.simulator;

/**
 * How the simulated BMS recognises an unlock code: the VREG register the code is written to
 * (as un32) and whether a code is the right one for a serial number. The MG device profile
 * supplies the real one; {@link #NONE} refuses every code.
 */
public interface UnlockCheck {

    /** Refuses every code, on a register no VREG uses. */
    UnlockCheck NONE = new UnlockCheck() {
        @Override
        public int register() {
            return -1;
        }

        @Override
        public boolean accepts(String serial, long code) {
            return false;
        }
    };

    /** The VREG register id an unlock code is written to. */
    int register();

    /** Whether {@code code} unlocks the BMS with serial number {@code serial}. */
    boolean accepts(String serial, long code);
}
