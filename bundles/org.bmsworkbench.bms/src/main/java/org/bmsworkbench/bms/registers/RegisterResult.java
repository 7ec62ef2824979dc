package org.bmsworkbench.bms.registers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The end of one register request: always a result, never an exception, so a view shows
 * {@link #message()} as it is.
 *
 * @param register the register id
 * @param node     the device's address
 * @param outcome  how it ended
 * @param code     the ACK code the device sent, or null
 * @param values   model keys to values (empty unless the value arrived)
 * @param data     the value bytes as received, upper-case hex (empty unless a value arrived)
 * @param tries    frames sent for this request (0 when refused before sending)
 * @param message  one line for the user, e.g. "no answer from node 0x50 after 3 tries of 500 ms"
 */
public record RegisterResult(int register, int node, Outcome outcome, Integer code, Map<String, Object> values,
        String data, int tries, String message) {
    public RegisterResult {
        Objects.requireNonNull(outcome, "outcome");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        data = data == null ? "" : data;
        Objects.requireNonNull(message, "message");
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** {@code 0x0374}. */
    public String registerHex() {
        return String.format("0x%04X", register);
    }
}
