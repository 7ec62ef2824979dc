package org.bmsworkbench.bms.network;

/**
 * The latest values of one battery on a bus: one (source, instance) of PGN 127508 and 127506.
 * The MG Master LV's cell instances ({@code base+1}, {@code base+2}) are not batteries and are
 * not listed; its pack instance is. Values the battery has not sent, or sent as "not
 * available", are null.
 *
 * @param source         source address
 * @param instance       battery instance (127508 byte 0; 127506's DC instance with the same number)
 * @param voltage        V
 * @param current        A
 * @param temperature    °C
 * @param soc            %, from 127506
 * @param lastSeenMicros time of the last record, microseconds since the epoch
 * @param mgMasterLv     the source is identified as an MG Master LV (this is its pack)
 */
public record BatteryReading(int source, int instance, Double voltage, Double current, Double temperature, Double soc,
        long lastSeenMicros, boolean mgMasterLv) {
}
