package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;

/**
 * What one cycle of a protocol's periodic frames is made of: message names of the protocol
 * service and the values to encode them from. SMA and General BMS: every message the service
 * lists, from all of {@link DeviceSignals}. NMEA 2000 (guide 1.5.3): PGN 127508
 * {@code battery_status} three times — the pack keys at the data-instance base, the lowest
 * cell values ({@code .min}, instance base+1), the highest ({@code .max}, base+2) — and PGN
 * 127506 {@code dc_detailed_status}, with the addressing options the NMEA 2000 bundle takes:
 * source, data instance and one sequence id for the whole cycle.
 */
final class CyclicMessages {
    static final String NMEA2000 = "nmea2000";
    static final String BATTERY_STATUS = "battery_status";
    static final String DC_DETAILED_STATUS = "dc_detailed_status";
    static final String OPTION_SOURCE = "nmea2000.source";
    static final String OPTION_DATA_INSTANCE = "nmea2000.data_instance";
    static final String OPTION_SID = "nmea2000.sid";
    /** The sequence id counts 0…252 (guide 1.5.3.1: range 0 to 252). */
    static final int SID_VALUES = 253;

    /** A message name and the values it is encoded from. */
    record Message(String name, Map<String, Object> values) {
    }

    private CyclicMessages() {
    }

    static List<Message> of(BmsProtocol protocol, Map<String, Object> signals, int source, int dataInstance, int cycle) {
        if (!protocol.id().equals(NMEA2000)) {
            List<Message> all = new ArrayList<>();
            for (BmsProtocol.MessageInfo m : protocol.messages()) {
                all.add(new Message(m.name(), signals));
            }
            return all;
        }
        int sid = cycle % SID_VALUES;
        return List.of(
                nmea(BATTERY_STATUS, signals, source, dataInstance, sid, "pack.voltage", "pack.current", "pack.temperature"),
                nmea(BATTERY_STATUS, signals, source, dataInstance, sid, "cell.voltage.min", "cell.temperature.min"),
                nmea(BATTERY_STATUS, signals, source, dataInstance, sid, "cell.voltage.max", "cell.temperature.max"),
                nmea(DC_DETAILED_STATUS, signals, source, dataInstance, sid, "soc", "time_to_go", "capacity.remaining"));
    }

    private static Message nmea(String name, Map<String, Object> signals, int source, int dataInstance, int sid,
            String... keys) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : keys) {
            values.put(key, signals.get(key));
        }
        values.put(OPTION_SOURCE, (long) source);
        values.put(OPTION_DATA_INSTANCE, (long) dataInstance);
        values.put(OPTION_SID, (long) sid);
        return new Message(name, values);
    }
}
