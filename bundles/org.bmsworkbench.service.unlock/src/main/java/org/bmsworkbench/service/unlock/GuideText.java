package org.bmsworkbench.service.unlock;

/**
 * Sentences of MG's Safety lock document (seed 000), verbatim: the wizard and the command line
 * show them where the document places them. Do not reword them.
 */
public final class GuideText {
    /** Before the unlock procedure begins, and again on the page where the code is entered. */
    public static final String RESTART_WARNING = "The BMS will restart immediately after unlocking."
            + " Make sure that the installation is safe before beginning the unlock procedure!";
    /** With the restart warning, before the code is entered. */
    public static final String DC_LOADS = "Turn OFF DC loads if required to avoid Precharge failure";
    /** The condition for an unlock. */
    public static final String QUALIFIED_TECHNICIAN =
            "The system can only be unlocked if the following has been validated by a MG-qualified technician:";
    /** What a Safety lock is. */
    public static final String PERMANENT_FAILURE = "A Safety lock is a permanent failure state. In this state, the"
            + " BMS will stay in fail-safe mode since system safety can no longer be guaranteed.";
    /** Why a Safety lock is triggered. */
    public static final String TRIGGER =
            "A Safety lock is triggered when a critical boundary limit is exceeded far beyond the safe operating range.";
    /** Where the thresholds are. */
    public static final String THRESHOLDS = "The exact threshold values differ per battery type. Refer to the"
            + " \"Boundary Limits\" section in the relevant battery manual for detailed specifications.";
    /** The snapshot step. */
    public static final String SNAPSHOT_MANDATORY =
            "System Snapshot of the failed system is mandatory for the MG dealer to help you unlock the system.";
    /** The dealer step. */
    public static final String CONTACT_DEALER =
            "Contact your MG dealer and provide the dealer with a system snapshot to assist with the diagnosis.";
    /** The dealer may ask for modules to be replaced. */
    public static final String REPLACEMENT = "If the operating limits were exceeded too far, the MG Qualified Dealer"
            + " may require replacement or removal of the offending module or modules before providing the unlock code.";
    /** After the code is entered. */
    public static final String AFTER_UNLOCK = "Once entered the BMS should automatically restart. If used in a"
            + " Combined System, it may enter the Wait state and may require a Start Command from the Smartlink MX.";

    private GuideText() {
    }
}
