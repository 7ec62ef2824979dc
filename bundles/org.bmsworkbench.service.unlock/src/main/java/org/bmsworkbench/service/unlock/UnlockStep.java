package org.bmsworkbench.service.unlock;

/** The seven steps of the unlock procedure, in order. */
public enum UnlockStep {
    CONFIRM_LOCK(1, "confirm-lock", "Confirm the Safety lock"),
    SNAPSHOT(2, "snapshot", "Save a system snapshot"),
    CHECKLIST(3, "checklist", "Confirm the checklist"),
    ENTER_CODE(4, "enter-code", "Enter the unlock code"),
    SEND_CODE(5, "send-code", "Send the code"),
    WATCH_RESTART(6, "restart", "Watch the restart"),
    CHECK_RESULT(7, "result", "Check the result");

    private final int number;
    private final String auditName;
    private final String title;

    UnlockStep(int number, String auditName, String title) {
        this.number = number;
        this.auditName = auditName;
        this.title = title;
    }

    /** 1..7. */
    public int number() {
        return number;
    }

    /** The step's name in the audit log. */
    public String auditName() {
        return auditName;
    }

    /** A few words for a wizard page or a CLI line. */
    public String title() {
        return title;
    }

    /** {@code step 3 (Confirm the checklist)}. */
    public String label() {
        return "step " + number + " (" + title + ")";
    }
}
