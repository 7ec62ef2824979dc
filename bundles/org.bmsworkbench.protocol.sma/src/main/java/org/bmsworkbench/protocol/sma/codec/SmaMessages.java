package org.bmsworkbench.protocol.sma.codec;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;

/**
 * The seven messages of the SMA protocol, guide 1.3.2, mapped onto the keys of docs/SIGNALS.md.
 * General BMS (guide 1.4.2) sends the same seven frames.
 */
public final class SmaMessages {

    /** The thirteen alarm and warning names of 0x35A in guide order, two bits each from byte 0 bit 0. */
    public static final List<String> ALARM_NAMES = List.of("general", "high_voltage", "low_voltage",
            "high_temperature", "low_temperature", "high_temperature_charge", "low_temperature_charge",
            "high_current", "high_charge_current", "contactor", "short_circuit", "bms_internal", "cell_imbalance");

    /** 0x351 BMS Limits: un16 0.1 V, sn16 0.1 A, sn16 0.1 A, un16 0.1 V. */
    public static final MessageCodec BMS_LIMITS = MessageCodec.of(0x351, "bms_limits", "BMS Limits", 8, List.of(
            SignalField.unsigned16(number("limit.charge_voltage", "V", "limits", "Charge voltage limit",
                    "Battery charge voltage the charger must not exceed."), 0, 1),
            SignalField.signed16(number("limit.charge_current", "A", "limits", "Charge current limit",
                    "DC charge current limitation."), 2, 1),
            SignalField.signed16(number("limit.discharge_current", "A", "limits", "Discharge current limit",
                    "DC discharge current limitation."), 4, 1),
            SignalField.unsigned16(number("limit.discharge_voltage", "V", "limits", "Discharge voltage limit",
                    "Battery discharge voltage the inverter must not go below."), 6, 1)));

    /** 0x355 Battery status: un16 1 %, un16 1 %, un16 0.01 %. */
    public static final MessageCodec BATTERY_STATUS = MessageCodec.of(0x355, "battery_status", "Battery status", 6,
            List.of(SignalField.unsigned16(number("soc", "%", "pack", "State of charge", "State of charge."), 0, 0),
                    SignalField.unsigned16(number("soh", "%", "pack", "State of health", "State of health."), 2, 0),
                    SignalField.unsigned16(number("soc.precise", "%", "pack", "State of charge (0.01 %)",
                            "State of charge in high resolution."), 4, 2)));

    /** 0x356 Battery basic info: un16 0.01 V, sn16 0.1 A, sn16 0.1 °C. */
    public static final MessageCodec BATTERY_BASIC_INFO = MessageCodec.of(0x356, "battery_basic_info",
            "Battery basic info", 6, List.of(
                    SignalField.unsigned16(number("pack.voltage", "V", "pack", "Pack voltage", "Battery voltage."), 0, 2),
                    SignalField.signed16(number("pack.current", "A", "pack", "Pack current",
                            "Battery current, signed as the device sends it."), 2, 1),
                    SignalField.signed16(number("pack.temperature", "°C", "pack", "Pack temperature",
                            "Battery temperature."), 4, 1)));

    /** 0x35A Alarm and warning information: thirteen two-bit alarms in bytes 0–3, the same warnings in bytes 4–7. */
    public static final MessageCodec ALARMS_WARNINGS = MessageCodec.of(0x35A, "alarms_warnings",
            "Alarm and warning information", 8, alarmFields());

    /** 0x35B Event information: byte 0 bit 4 preventive battery shutdown; the guide defines byte 0 only. */
    public static final MessageCodec EVENTS = MessageCodec.of(0x35B, "events", "Event information", 1, List.of(
            SignalField.flag(new SignalDescriptor("event.preventive_shutdown", "", SignalKind.BOOLEAN, "events",
                    "Preventive shutdown", "The BMS announces a preventive battery shutdown."), 0, 4)));

    /** 0x35E Manufacturer name: eight ASCII characters, "MG-BMS" NUL padded. */
    public static final MessageCodec MANUFACTURER_NAME = MessageCodec.of(0x35E, "manufacturer_name",
            "Manufacturer name", 8, List.of(SignalField.ascii(new SignalDescriptor("bms.manufacturer", "",
                    SignalKind.TEXT, "identity", "Manufacturer", "Manufacturer name the BMS sends."), 0, 8)));

    /** 0x35F System information: un16 type id, version major/minor, un16 1 Ah, un16 hardware configuration. */
    public static final MessageCodec SYSTEM_INFORMATION = MessageCodec.of(0x35F, "system_information",
            "System Information", 8, List.of(
                    SignalField.unsigned16(number("bms.type_id", "", "identity", "Type id",
                            "Master type id, 15003 for the MG Master LV."), 0, 0),
                    SignalField.versionMajorMinor(new SignalDescriptor("bms.firmware", "", SignalKind.TEXT, "identity",
                            "Firmware", "BMS software version."), 2),
                    SignalField.unsigned16(number("capacity.installed", "Ah", "pack", "Installed capacity",
                            "Total battery capacity."), 4, 0),
                    SignalField.unsigned16(number("bms.hw_config", "", "identity", "Hardware configuration",
                            "Master product id hardware configuration."), 6, 0)));

    private static final List<MessageCodec> ALL = List.of(BMS_LIMITS, BATTERY_STATUS, BATTERY_BASIC_INFO,
            ALARMS_WARNINGS, EVENTS, MANUFACTURER_NAME, SYSTEM_INFORMATION);

    private SmaMessages() {
    }

    /** The seven messages in id order. */
    public static List<MessageCodec> all() {
        return ALL;
    }

    private static SignalDescriptor number(String key, String unit, String group, String label, String description) {
        return new SignalDescriptor(key, unit, SignalKind.NUMBER, group, label, description);
    }

    private static List<SignalField> alarmFields() {
        List<SignalField> fields = new ArrayList<>();
        addAlarms(fields, "alarm", "alarms", "alarm", 0);
        addAlarms(fields, "warning", "warnings", "warning", 4);
        return fields;
    }

    private static void addAlarms(List<SignalField> fields, String prefix, String group, String noun, int firstByte) {
        for (int i = 0; i < ALARM_NAMES.size(); i++) {
            String name = ALARM_NAMES.get(i);
            String words = name.replace('_', ' ');
            String label = Character.toUpperCase(words.charAt(0)) + words.substring(1) + " " + noun;
            fields.add(SignalField.alarm(new SignalDescriptor(prefix + "." + name, "", SignalKind.ALARM, group, label,
                    "Battery " + words + " " + noun + ": raised or cleared."), firstByte + i / 4, i % 4 * 2));
        }
    }
}
