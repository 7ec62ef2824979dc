package org.bmsworkbench.bms;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.bmsworkbench.bms.codec.SignalMap;
import org.bmsworkbench.can.CanFrame;

/**
 * One message a protocol decoded: from a single frame, or from the last frame of a fast packet.
 *
 * @param protocol    the protocol id, e.g. {@code sma}
 * @param message     the message name, e.g. {@code battery_basic_info}
 * @param frame       the frame that completed the message (its time, bus and id are the message's)
 * @param pgn         NMEA 2000 PGN, or null
 * @param source      source address of a 29-bit J1939/NMEA 2000 frame, or null
 * @param destination destination address (PDU1), or null
 * @param instance    the battery or DC instance of an NMEA 2000 record (127508 byte 0, 127506
 *                    byte 1), or null: with {@code source} it says whose values these are
 * @param register    VREG register id, or null
 * @param code        VREG ACK code, or null
 * @param dataId      the data id of a Daly message (0x90..0x98, ...), or null
 * @param signals     model keys to values, in message order; a value is null when the device
 *                    sent the field's not-available marker
 */
public record DecodedMessage(String protocol, String message, CanFrame frame, Integer pgn, Integer source,
        Integer destination, Integer instance, Integer register, Integer code, Integer dataId,
        Map<String, Object> signals) {

    public DecodedMessage {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(frame, "frame");
        if (!(signals instanceof SignalMap)) { // a SignalMap is immutable already: no wrapper a message
            signals = Collections.unmodifiableMap(signals);
        }
    }

    /** A message without a data id (every protocol but Daly). */
    public DecodedMessage(String protocol, String message, CanFrame frame, Integer pgn, Integer source,
            Integer destination, Integer instance, Integer register, Integer code, Map<String, Object> signals) {
        this(protocol, message, frame, pgn, source, destination, instance, register, code, null, signals);
    }

    /** A message without an instance (VREG, J1939 requests). */
    public DecodedMessage(String protocol, String message, CanFrame frame, Integer pgn, Integer source,
            Integer destination, Integer register, Integer code, Map<String, Object> signals) {
        this(protocol, message, frame, pgn, source, destination, null, register, code, signals);
    }

    /** A message of an 11-bit protocol: no PGN, addresses or register. */
    public static DecodedMessage of(String protocol, String message, CanFrame frame, Map<String, Object> signals) {
        return new DecodedMessage(protocol, message, frame, null, null, null, null, null, null, null, signals);
    }
}
