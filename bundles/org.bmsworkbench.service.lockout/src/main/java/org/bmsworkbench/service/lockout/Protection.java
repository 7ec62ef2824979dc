package org.bmsworkbench.service.lockout;

import java.util.Objects;

/**
 * One protection of a cell-level BMS ({@code protection.<name>}, and {@code warning.<name>} at
 * pre-alarm level), in words for a technician at the battery.
 *
 * @param name           the name in the catalogue ({@code cell_over_voltage})
 * @param label          a short title ({@code Cell over-voltage})
 * @param meaning        what the BMS has seen, one sentence
 * @param causes         what usually causes it, one sentence
 * @param check          what to check before switching anything back on
 * @param opensCharge    whether it opens (switches off) the charge MOSFET
 * @param opensDischarge whether it opens the discharge MOSFET
 */
public record Protection(String name, String label, String meaning, String causes, String check, boolean opensCharge,
        boolean opensDischarge) {

    public Protection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(causes, "causes");
        Objects.requireNonNull(check, "check");
    }

    /** Whether it opens the charge MOSFET ({@code charge}) or the discharge one. */
    public boolean opens(boolean charge) {
        return charge ? opensCharge : opensDischarge;
    }

    /** {@code charge}, {@code discharge}, {@code charge and discharge}, or {@code none}: the MOSFETs its cause opens. */
    public String opensText() {
        return opensCharge && opensDischarge ? "charge and discharge" : opensCharge ? "charge"
                : opensDischarge ? "discharge" : "none";
    }

    /** The model key of the tripped protection, {@code protection.<name>}. */
    public String protectionKey() {
        return "protection." + name;
    }

    /** The model key of the pre-alarm, {@code warning.<name>}. */
    public String warningKey() {
        return "warning." + name;
    }
}
