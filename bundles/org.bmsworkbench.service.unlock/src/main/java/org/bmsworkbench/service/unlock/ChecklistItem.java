package org.bmsworkbench.service.unlock;

/**
 * What the technician confirms before a code is entered (step 3). Each item carries the Safety
 * lock document's sentence verbatim ({@link #guideText()}) and what is confirmed
 * ({@link #confirmation()}); the command line asks each as a y/N question unless its flag is given.
 */
public enum ChecklistItem {
    /** The restart warning. */
    INSTALLATION_SAFE(GuideText.RESTART_WARNING, "The installation is safe for the BMS to restart now.",
            "confirm-installation-safe"),
    /** DC loads off, against a pre-charge failure. */
    DC_LOADS_OFF(GuideText.DC_LOADS, "DC loads are turned off where required, so that pre-charging does not fail.",
            "confirm-dc-loads-off"),
    /** Validated by a qualified technician. */
    VALIDATED_BY_QUALIFIED_TECHNICIAN(GuideText.QUALIFIED_TECHNICIAN,
            "The conditions of this Safety lock have been validated by an MG-qualified technician.",
            "confirm-validated");

    private final String guideText;
    private final String confirmation;
    private final String flag;

    ChecklistItem(String guideText, String confirmation, String flag) {
        this.guideText = guideText;
        this.confirmation = confirmation;
        this.flag = flag;
    }

    /** The Safety lock document's sentence, verbatim. */
    public String guideText() {
        return guideText;
    }

    /** What the technician confirms by ticking it. */
    public String confirmation() {
        return confirmation;
    }

    /** The command line flag, without dashes ({@code confirm-dc-loads-off}). */
    public String flag() {
        return flag;
    }
}
