package org.bmsworkbench.bms;

import java.util.List;
import java.util.Objects;

/**
 * A sender of battery data on a bus of many devices, as a protocol session has seen it.
 *
 * @param address    its source address
 * @param instances  the battery (and DC) instances it sent, sorted
 * @param identified whether it is identified as the device this protocol's cell-level meaning
 *                   belongs to (the MG Master LV on NMEA 2000); its messages then carry cell keys
 * @param label      what it is, e.g. {@code "MG Master LV"} or {@code "Victron Energy battery monitor"},
 *                   or null when nothing names it
 * @param evidence   how it was identified, e.g. {@code "address claim with manufacturer code 1160"};
 *                   empty when it is not
 */
public record BatterySource(int address, List<Integer> instances, boolean identified, String label, String evidence) {
    public BatterySource {
        instances = List.copyOf(instances);
        Objects.requireNonNull(evidence, "evidence");
    }
}
