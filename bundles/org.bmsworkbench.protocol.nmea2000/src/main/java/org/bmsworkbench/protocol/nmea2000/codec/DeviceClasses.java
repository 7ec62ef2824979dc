package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.Map;

/**
 * The device classes (7 bits) and device functions (8 bits, meaningful within a class) of the
 * ISO NAME as NMEA 2000 assigns them, with canboat's labels ({@code analyzer/lookup-generated-data.h},
 * {@code DEVICE_CLASS} and {@code DEVICE_FUNCTION}, canboat 01d0dc3), and the workbench's role of a
 * device on a battery network.
 */
public final class DeviceClasses {
    /** Electrical Generation: batteries, chargers, inverters, alternators. */
    public static final int ELECTRICAL_GENERATION = 35;
    /** Electrical Generation / Battery. */
    public static final int FUNCTION_BATTERY = 170;

    private static final Map<Integer, String> CLASSES = Map.ofEntries(
            Map.entry(0, "Reserved for 2000 Use"),
            Map.entry(10, "System tools"),
            Map.entry(20, "Safety systems"),
            Map.entry(25, "Internetwork device"),
            Map.entry(30, "Electrical Distribution"),
            Map.entry(35, "Electrical Generation"),
            Map.entry(40, "Steering and Control surfaces"),
            Map.entry(50, "Propulsion"),
            Map.entry(60, "Navigation"),
            Map.entry(70, "Communication"),
            Map.entry(75, "Sensor Communication Interface"),
            Map.entry(80, "Instrumentation/general systems"),
            Map.entry(85, "External Environment"),
            Map.entry(90, "Internal Environment"),
            Map.entry(100, "Deck + cargo + fishing equipment systems"),
            Map.entry(110, "Human Interface"),
            Map.entry(120, "Display"),
            Map.entry(125, "Entertainment"));

    /** Keyed by {@code deviceClass << 8 | deviceFunction}. */
    private static final Map<Integer, String> FUNCTIONS = Map.ofEntries(
            Map.entry(2690, "Diagnostic"),
            Map.entry(2700, "Bus Traffic Logger"),
            Map.entry(5230, "Alarm Enunciator"),
            Map.entry(5250, "Emergency Position Indicating Radio Beacon (EPIRB)"),
            Map.entry(5255, "Man Overboard"),
            Map.entry(5260, "Voyage Data Recorder"),
            Map.entry(5270, "Camera"),
            Map.entry(6530, "PC Gateway"),
            Map.entry(6531, "NMEA 2000 to Analog Gateway"),
            Map.entry(6532, "Analog to NMEA 2000 Gateway"),
            Map.entry(6533, "NMEA 2000 to Serial Gateway"),
            Map.entry(6535, "NMEA 0183 Gateway"),
            Map.entry(6536, "NMEA Network Gateway"),
            Map.entry(6537, "NMEA 2000 Wireless Gateway"),
            Map.entry(6540, "Router"),
            Map.entry(6550, "Bridge"),
            Map.entry(6560, "Repeater"),
            Map.entry(7810, "Binary Event Monitor"),
            Map.entry(7820, "Load Controller"),
            Map.entry(7821, "AC/DC Input"),
            Map.entry(7830, "Function Controller"),
            Map.entry(9100, "Engine"),
            Map.entry(9101, "DC Generator/Alternator"),
            Map.entry(9102, "Solar Panel (Solar Array)"),
            Map.entry(9103, "Wind Generator (DC)"),
            Map.entry(9104, "Fuel Cell"),
            Map.entry(9105, "Network Power Supply"),
            Map.entry(9111, "AC Generator"),
            Map.entry(9112, "AC Bus"),
            Map.entry(9113, "AC Mains (Utility/Shore)"),
            Map.entry(9114, "AC Output"),
            Map.entry(9120, "Power Converter - Battery Charger"),
            Map.entry(9121, "Power Converter - Battery Charger+Inverter"),
            Map.entry(9122, "Power Converter - Inverter"),
            Map.entry(9123, "Power Converter - DC"),
            Map.entry(9130, "Battery"),
            Map.entry(9140, "Engine Gateway"),
            Map.entry(10370, "Follow-up Controller"),
            Map.entry(10380, "Mode Controller"),
            Map.entry(10390, "Autopilot"),
            Map.entry(10395, "Rudder"),
            Map.entry(10400, "Heading Sensors"),
            Map.entry(10410, "Trim (Tabs)/Interceptors"),
            Map.entry(10420, "Attitude (Pitch, Roll, Yaw) Control"),
            Map.entry(12930, "Engineroom Monitoring"),
            Map.entry(12940, "Engine"),
            Map.entry(12941, "DC Generator/Alternator"),
            Map.entry(12950, "Engine Controller"),
            Map.entry(12951, "AC Generator"),
            Map.entry(12955, "Motor"),
            Map.entry(12960, "Engine Gateway"),
            Map.entry(12965, "Transmission"),
            Map.entry(12970, "Throttle/Shift Control"),
            Map.entry(12980, "Actuator"),
            Map.entry(12990, "Gauge Interface"),
            Map.entry(13000, "Gauge Large"),
            Map.entry(13010, "Gauge Small"),
            Map.entry(15490, "Bottom Depth"),
            Map.entry(15495, "Bottom Depth/Speed"),
            Map.entry(15496, "Bottom Depth/Speed/Temperature"),
            Map.entry(15500, "Ownship Attitude"),
            Map.entry(15505, "Ownship Position (GNSS)"),
            Map.entry(15510, "Ownship Position (Loran C)"),
            Map.entry(15515, "Speed"),
            Map.entry(15520, "Turn Rate Indicator"),
            Map.entry(15530, "Integrated Navigation"),
            Map.entry(15535, "Integrated Navigation System"),
            Map.entry(15550, "Navigation Management"),
            Map.entry(15555, "Automatic Identification System (AIS)"),
            Map.entry(15560, "Radar"),
            Map.entry(15561, "Infrared Imaging"),
            Map.entry(15565, "ECDIS"),
            Map.entry(15570, "ECS"),
            Map.entry(15580, "Direction Finder"),
            Map.entry(15590, "Voyage Status"),
            Map.entry(18050, "EPIRB"),
            Map.entry(18060, "AIS"),
            Map.entry(18070, "DSC"),
            Map.entry(18080, "Data Receiver/Transceiver"),
            Map.entry(18090, "Satellite"),
            Map.entry(18100, "Radio-telephone (MF/HF)"),
            Map.entry(18110, "Radiotelephone"),
            Map.entry(19330, "Temperature"),
            Map.entry(19340, "Pressure"),
            Map.entry(19350, "Fluid Level"),
            Map.entry(19360, "Flow"),
            Map.entry(19370, "Humidity"),
            Map.entry(20610, "Time/Date Systems"),
            Map.entry(20620, "VDR"),
            Map.entry(20630, "Integrated Instrumentation"),
            Map.entry(20640, "General Purpose Displays"),
            Map.entry(20650, "General Sensor Box"),
            Map.entry(20660, "Weather Instruments"),
            Map.entry(20670, "Transducer/General"),
            Map.entry(20680, "NMEA 0183 Converter"),
            Map.entry(21890, "Atmospheric"),
            Map.entry(21920, "Aquatic"),
            Map.entry(23170, "HVAC"),
            Map.entry(25730, "Scale (Catch)"),
            Map.entry(28290, "Button Interface"),
            Map.entry(28295, "Switch Interface"),
            Map.entry(28300, "Analog Interface"),
            Map.entry(30850, "Display"),
            Map.entry(30860, "Alarm Enunciator"),
            Map.entry(32130, "Multimedia Player"),
            Map.entry(32140, "Multimedia Controller"));

    private DeviceClasses() {
    }

    /** canboat's label of a device class, or null when it is not assigned. */
    public static String classLabel(int deviceClass) {
        return CLASSES.get(deviceClass);
    }

    /** canboat's label of a device function within its class, or null when it is not assigned. */
    public static String functionLabel(int deviceClass, int deviceFunction) {
        return FUNCTIONS.get(deviceClass << 8 | deviceFunction);
    }

    /**
     * What a device of this class and function is on a battery network, one lower-case word or two:
     * {@code "battery"}, {@code "charger"}, {@code "inverter"} (also a charger-inverter),
     * {@code "converter"}, {@code "alternator"}, {@code "solar"}, {@code "generator"},
     * {@code "engine"}, {@code "power supply"}, {@code "monitor"}, {@code "controller"},
     * {@code "display"}, {@code "alarm"}, {@code "gateway"}, {@code "sensor"}, {@code "navigation"},
     * {@code "steering"}, {@code "propulsion"}, {@code "communication"}, {@code "interface"},
     * {@code "entertainment"}, {@code "climate"}, {@code "safety"}, {@code "tool"},
     * {@code "instrument"}; null for a class that is not assigned.
     */
    public static String role(int deviceClass, int deviceFunction) {
        return switch (deviceClass) {
            case 10 -> "tool";
            case 20 -> "safety";
            case 25 -> "gateway";
            case 30 -> switch (deviceFunction) {
                case 130, 141 -> "monitor";
                default -> "controller";
            };
            case ELECTRICAL_GENERATION -> switch (deviceFunction) {
                case 140 -> "engine";
                case 141 -> "alternator";
                case 142 -> "solar";
                case 143, 144, 151 -> "generator";
                case 145 -> "power supply";
                case 160 -> "charger";
                case 161, 162 -> "inverter";
                case 163 -> "converter";
                case FUNCTION_BATTERY -> "battery";
                case 180 -> "gateway";
                default -> "monitor";
            };
            case 40 -> "steering";
            case 50 -> "propulsion";
            case 60 -> "navigation";
            case 70 -> "communication";
            case 75, 85 -> "sensor";
            case 80 -> switch (deviceFunction) {
                case 160 -> "display";
                case 200 -> "gateway";
                default -> "instrument";
            };
            case 90 -> "climate";
            case 100 -> "tool";
            case 110 -> "interface";
            case 120 -> deviceFunction == 140 ? "alarm" : "display";
            case 125 -> "entertainment";
            default -> null;
        };
    }
}
