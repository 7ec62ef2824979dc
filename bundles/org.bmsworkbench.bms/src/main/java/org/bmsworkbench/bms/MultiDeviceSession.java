package org.bmsworkbench.bms;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link ProtocolSession} on a bus that many devices share (NMEA 2000, J1939): its messages
 * carry {@link DecodedMessage#source()} and {@link DecodedMessage#instance()}, and it tells which
 * sources send battery data and which of them it has identified as the BMS whose cell-level
 * meaning it decodes. A live session uses this to follow one BMS.
 */
@ConsumerType
public interface MultiDeviceSession extends ProtocolSession {

    /** The senders of battery data seen so far, by address. Called from the decoding thread. */
    List<BatterySource> batterySources();

    /**
     * Increases whenever {@link #batterySources()} would answer differently (a new source or
     * instance, an identification): a caller compares it instead of asking for the list on
     * every message.
     */
    long sourcesVersion();

    /**
     * The user says the device at {@code address} is the BMS (the command line's
     * {@code --device ADDR}): it counts as identified unless its own address claim names
     * another maker; -1 takes that back. Called from the decoding thread.
     */
    void designate(int address);
}
