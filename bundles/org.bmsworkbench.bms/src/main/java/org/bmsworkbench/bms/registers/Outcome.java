package org.bmsworkbench.bms.registers;

/**
 * How a register request ended. The ACK codes are those of Victron's VE.Can register protocol
 * (velib {@code VACK_*}); the guide's example shows 0x8000.
 */
public enum Outcome {
    /** The value arrived (a read), or the device confirmed the new value (a write). */
    OK(null, "ok"),
    /** ACK 0x8000: the device does not know the register, or the request was invalid. */
    UNKNOWN_REGISTER(0x8000, "unknown register or invalid request"),
    /** ACK 0x8100: the device rejected the write (value out of range, register not writable). */
    REJECTED(0x8100, "write rejected: value out of range or register not writable"),
    /** ACK 0x8200: temporary failure, the device is busy. */
    BUSY(0x8200, "busy, temporary failure"),
    /** ACK 0x8300: invalid format or value. */
    INVALID(0x8300, "invalid format or value"),
    /** ACK 0x8400: the device timed out on something it depends on. */
    REMOTE_TIMEOUT(0x8400, "remote timeout"),
    /** ACK 0x8500: too many invalid requests. */
    OVERFLOW(0x8500, "too many invalid requests"),
    /** ACK 0x8600: not completely initialised yet, temporary. */
    INITIALIZING(0x8600, "not initialised yet, temporary failure"),
    /** An error ACK with a code not listed here. */
    UNKNOWN_CODE(null, "unknown code"),
    /** No answer after every try. */
    TIMEOUT(null, "no answer"),
    /** Refused here before anything was sent (read-only register, value out of the catalogue's range). */
    REFUSED(null, "refused before sending"),
    /** A write was not confirmed: the device reports another value. */
    MISMATCH(null, "value read back differs"),
    /** The device's answer could not be decoded. */
    MALFORMED(null, "malformed answer"),
    /** The connection would not take the frame. */
    SEND_FAILED(null, "could not send"),
    /** The register access service stopped while waiting. */
    STOPPED(null, "stopped");

    private final Integer ackCode;
    private final String description;

    Outcome(Integer ackCode, String description) {
        this.ackCode = ackCode;
        this.description = description;
    }

    /** The ACK code this outcome stands for, or null. */
    public Integer ackCode() {
        return ackCode;
    }

    public String description() {
        return description;
    }

    /** A temporary failure worth another try: busy or initialising. */
    public boolean temporary() {
        return this == BUSY || this == INITIALIZING;
    }

    /** The outcome of an error ACK code (bit 15 set); {@link #UNKNOWN_CODE} for one not listed. */
    public static Outcome ofAck(int code) {
        for (Outcome o : values()) {
            if (o.ackCode != null && o.ackCode == code) {
                return o;
            }
        }
        return UNKNOWN_CODE;
    }
}
