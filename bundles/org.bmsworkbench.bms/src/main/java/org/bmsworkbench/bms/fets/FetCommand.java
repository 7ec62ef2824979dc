package org.bmsworkbench.bms.fets;

/**
 * What to switch: {@code true} on, {@code false} off, {@code null} leave as it is.
 *
 * @param charge    the charge MOSFET
 * @param discharge the discharge MOSFET
 */
public record FetCommand(Boolean charge, Boolean discharge) {

    public FetCommand {
        if (charge == null && discharge == null) {
            throw new IllegalArgumentException("nothing to switch: give the charge or the discharge MOSFET a state");
        }
    }

    /** {@code charge on, discharge off}: the MOSFETs named and their asked state. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (charge != null) {
            b.append("charge ").append(charge ? "on" : "off");
        }
        if (discharge != null) {
            b.append(b.isEmpty() ? "" : ", ").append("discharge ").append(discharge ? "on" : "off");
        }
        return b.toString();
    }
}
