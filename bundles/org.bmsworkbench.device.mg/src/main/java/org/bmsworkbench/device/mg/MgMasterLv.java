package org.bmsworkbench.device.mg;

import static org.bmsworkbench.device.mg.BmsState.Category.ERROR;
import static org.bmsworkbench.device.mg.BmsState.Category.INITIALIZING;
import static org.bmsworkbench.device.mg.BmsState.Category.NOT_IMPLEMENTED;
import static org.bmsworkbench.device.mg.BmsState.Category.RUNNING;
import static org.bmsworkbench.device.mg.BmsState.Category.SHUTTING_DOWN;
import static org.bmsworkbench.device.mg.BmsState.Category.STANDBY;
import static org.bmsworkbench.device.mg.BmsState.Category.STARTING;
import static org.bmsworkbench.device.mg.BmsState.Category.UPDATING;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The MG Master LV's tables, as communication guide rev. 8, section 1.5.4.2 (VREG ID List)
 * gives them: product ids (VREG 0x0100), BMS states (0x0371), status flag bits (0x2100), and
 * the register ids the guide documents. The BMS errors (0x2101) are in {@link MgBmsErrors}.
 * Constants only; the {@link MgMasterLvProfile} looks things up in them.
 */
public final class MgMasterLv {
    /** The device family name. */
    public static final String DEVICE_NAME = "MG Master LV";
    /** The BMS's CAN source address in the guide's examples (1.5.4.1, 1.5.4.3). */
    public static final int DEFAULT_NODE_ADDRESS = 0x50;

    /** VREG Product ID, un16 (1.5.4.2 "Device"). */
    public static final int REG_PRODUCT_ID = 0x0100;
    /** VREG Serial number, zero-ended string. */
    public static final int REG_SERIAL_NUMBER = 0x010A;
    /** VREG BMS State, un8. */
    public static final int REG_BMS_STATE = 0x0371;
    /** VREG Status flags, un32. */
    public static final int REG_STATUS_FLAGS = 0x2100;
    /** VREG BMS Error, un8. */
    public static final int REG_BMS_ERROR = 0x2101;
    /** VREG Last error 1–4, four un8 (error 1 = last, error 4 = oldest). */
    public static final int REG_LAST_ERRORS = 0x2110;
    /** VREG Last error 1 time, un32 UTC; errors 2–4 follow at 0x2112–0x2114. */
    public static final int REG_LAST_ERROR_1_TIME = 0x2111;

    /** The state code of "Error" in VREG 0x0371. */
    public static final int STATE_ERROR = 10;

    public static final int PRODUCT_GENERAL = 0xA390;
    public static final int PRODUCT_150 = 0xA391;
    public static final int PRODUCT_400 = 0xA392;
    public static final int PRODUCT_600 = 0xA393;
    public static final int PRODUCT_1000 = 0xA394;

    /** VREG 0x0100, "Product ID": the five ids of the guide. */
    public static final List<Product> PRODUCTS = List.of(
            new Product(PRODUCT_GENERAL, "MG Master LV"),
            new Product(PRODUCT_150, "MG Master LV 150"),
            new Product(PRODUCT_400, "MG Master LV 400"),
            new Product(PRODUCT_600, "MG Master LV 600"),
            new Product(PRODUCT_1000, "MG Master LV 1000"));

    /** VREG 0x0371, "BMS State": codes 0–16. The guide gives 0–8 one label, "Initializing". */
    public static final List<BmsState> STATES = states();

    /** The note on bits 7 and 8 of the status flags. */
    public static final String DUPLICATE_CONTACTOR_NOTE = "The guide (rev. 8) names both bit 7 and bit 8"
            + " \"Main safety contactor closed\"; kept as the guide says, since which bit is what is not known.";

    /** VREG 0x2100, "Status flags": bits 0–26, "Not implemented" bits included. */
    public static final List<StatusFlag> STATUS_FLAGS = List.of(
            named(0, "Charged"),
            named(1, "Almost charged"),
            named(2, "Discharged"),
            named(3, "Almost discharged"),
            named(4, "Charging"),
            named(5, "Discharging"),
            named(6, "Balancing in progress"),
            new StatusFlag(7, "Main safety contactor closed", StatusFlag.Kind.NAMED, DUPLICATE_CONTACTOR_NOTE),
            new StatusFlag(8, "Main safety contactor closed", StatusFlag.Kind.NAMED, DUPLICATE_CONTACTOR_NOTE),
            unused(9),
            named(10, "Warning over voltage"),
            unused(11),
            named(12, "Warning under voltage"),
            named(13, "Warning high charge current"),
            named(14, "Warning high discharge current"),
            unused(15),
            named(16, "Warning over temperature"),
            named(17, "Warning under temperature charge"),
            unused(18),
            named(19, "Warning under temperature discharge"),
            unused(20),
            named(21, "Low SOC (< 20%)"),
            unused(22),
            unused(23),
            unused(24),
            named(25, "Allowed to charge"),
            named(26, "Allowed to discharge"));

    /**
     * Every VREG id the guide's table documents (1.5.4.2). An unlock register must not be one
     * of these: writing a code to a documented register (a setting, a restart request) would do
     * something else entirely.
     */
    public static final Set<Integer> DOCUMENTED_REGISTERS = Set.of(
            0x0100, 0x0102, 0x0105, 0x010A, 0x010B,
            0xED8D, 0xED8F, 0x0385, 0x0386, 0x0FFF, 0x0FFE, 0xEEFF,
            0x2110, 0x2111, 0x2112, 0x2113, 0x2114, 0x2100, 0x0371, 0x2101, 0x034E,
            0x1000, 0x0380,
            0x0300, 0x0305, 0x0306, 0x0307, 0x0309, 0x0310, 0x0311, 0x0312, 0x0313, 0x0384,
            0x0390, 0x0391, 0x0392, 0x0393, 0x2014, 0x2015,
            0x0374, 0x0375, 0x0376, 0x0377, 0x0379, 0x0387, 0x0388, 0x0090);

    /**
     * The default unlock register: a <strong>placeholder, UNVERIFIED</strong>. The guide does not
     * say how an unlock code reaches the BMS. 0xEE10 lies in the 0xEExx block the guide uses
     * for 0xEEFF (Consumed Ah) and is not itself in the guide's table. Nobody has confirmed it on a real MG Master LV; the simulator implements it.
     */
    public static final int PLACEHOLDER_UNLOCK_REGISTER = 0xEE10;

    private MgMasterLv() {
    }

    private static List<BmsState> states() {
        List<BmsState> states = new ArrayList<>();
        for (int code = 0; code <= 8; code++) {
            states.add(new BmsState(code, "Initializing", INITIALIZING));
        }
        states.add(new BmsState(9, "Running", RUNNING));
        states.add(new BmsState(STATE_ERROR, "Error", ERROR));
        states.add(new BmsState(11, "Not implemented", NOT_IMPLEMENTED));
        states.add(new BmsState(12, "Shutting down", SHUTTING_DOWN));
        states.add(new BmsState(13, "Updating battery firmware", UPDATING));
        states.add(new BmsState(14, "Standby", STANDBY));
        states.add(new BmsState(15, "Going to running state", STARTING));
        states.add(new BmsState(16, "Pre-charging", STARTING));
        return List.copyOf(states);
    }

    private static StatusFlag named(int bit, String label) {
        return new StatusFlag(bit, label, StatusFlag.Kind.NAMED, "");
    }

    private static StatusFlag unused(int bit) {
        return new StatusFlag(bit, "Not implemented", StatusFlag.Kind.NOT_IMPLEMENTED, "");
    }
}
