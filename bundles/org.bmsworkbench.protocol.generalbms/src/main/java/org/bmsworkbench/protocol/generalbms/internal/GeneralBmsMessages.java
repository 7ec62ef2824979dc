package org.bmsworkbench.protocol.generalbms.internal;

import java.util.List;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.protocol.sma.codec.MessageCodec;
import org.bmsworkbench.protocol.sma.codec.SignalField;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;

/**
 * The four frames General BMS (guide 1.4.2) adds to the seven SMA frames it shares, mapped onto
 * the keys of docs/SIGNALS.md.
 */
final class GeneralBmsMessages {

    /** 0x373 Battery cell info: un16 1 mV lowest and highest cell voltage, un16 1 K lowest and highest cell temperature. */
    static final MessageCodec BATTERY_CELL_INFO = MessageCodec.of(0x373, "battery_cell_info", "Battery cell info", 8,
            List.of(SignalField.unsigned16(standard("cell.voltage.min"), 0, 3),
                    SignalField.unsigned16(standard("cell.voltage.max"), 2, 3),
                    SignalField.kelvin16(standard("cell.temperature.min"), 4, 0),
                    SignalField.kelvin16(standard("cell.temperature.max"), 6, 0)));

    /**
     * 0x378 Energy charged and discharged: two un32 at 0.01 kWh, as guide 1.4.2 says; other
     * vendors' captures of the same frame count 0.1 kWh.
     */
    static final MessageCodec ENERGY = MessageCodec.of(0x378, "energy", "Energy charged and discharged", 8, List.of(
            SignalField.unsigned32(energy("energy.charged", "charged into"), 0, 2),
            SignalField.unsigned32(energy("energy.discharged", "discharged from"), 4, 2)));

    /** 0x380 Serial number high part: the first 8 characters. */
    static final SerialNumberHalf SERIAL_NUMBER_HIGH = new SerialNumberHalf(0x380, "serial_number_high",
            "Serial number high part", 0, standard("bms.serial"));

    /** 0x381 Serial number low part: the last 8 characters. */
    static final SerialNumberHalf SERIAL_NUMBER_LOW = new SerialNumberHalf(0x381, "serial_number_low",
            "Serial number low part", SerialNumberHalf.CHARACTERS, standard("bms.serial"));

    private GeneralBmsMessages() {
    }

    /** The codec of General BMS: the SMA frames, then 0x373, 0x378, 0x380, 0x381. */
    static SmaCodec codec(String protocolId) {
        return new SmaCodec(protocolId).with(List.of(BATTERY_CELL_INFO, ENERGY, SERIAL_NUMBER_HIGH, SERIAL_NUMBER_LOW));
    }

    private static SignalDescriptor standard(String key) {
        return StandardSignals.find(key).orElseThrow(() -> new IllegalStateException("no standard key " + key));
    }

    private static SignalDescriptor energy(String key, String words) {
        SignalDescriptor d = standard(key);
        return new SignalDescriptor(key, d.unit(), d.kind(), d.group(), d.label(), "Total energy " + words
                + " the battery, counted in 0.01 kWh as guide 1.4 says (other vendors send 0x378 in 0.1 kWh).");
    }
}
