package org.bmsworkbench.ui.network.internal;

import java.util.List;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;

/**
 * A small NMEA 2000 network, written out by hand: an MG Master LV at 80 (manufacturer code 1160,
 * data instance base 32), a Victron Energy battery monitor (code 358) at 0x30 reporting battery
 * instances 0 and 1, a Garmin display (code 229) at 0x20, and the workbench itself at 0x21.
 * Manufacturer codes, device classes and functions as canboat lists them (35/170 Electrical
 * Generation/Battery, 120/130 Display/Display, 10/130 System tools/Diagnostic; the workbench with the
 * code 2047 that no maker holds, as org.bmsworkbench.network claims); NAME bit
 * layout of ISO 11783-5 (PGN 60928 in canboat).
 */
final class BoatNetwork {
    /** 2025-10-09 08:53:20 UTC. */
    static final long T0 = 1_760_000_000_000_000L;
    static final String MG_REASON = "MG Master LV at 80 (address claim with manufacturer code 1160)";
    static final String AMBIGUOUS_REASON = "2 battery senders on the bus (48, 80), none identified as the BMS:"
            + " choose one with --device ADDR";

    private BoatNetwork() {
    }

    /** An ISO NAME: identity number, manufacturer code, function, class, marine industry group (4), arbitrary address capable. */
    static long name(long identity, int manufacturer, int function, int deviceClass) {
        return identity | (long) manufacturer << 21 | (long) function << 40 | (long) deviceClass << 49 | 4L << 60 | 1L << 63;
    }

    static BusDevice mg(boolean identified) {
        return new BusDevice(80, "bms", name(0x1A2B3, 1160, 170, 35), 1160, "MG Energy Systems B.V.", 35, 170,
                "MG Master LV", "1.12.0", "MG-LV-2311-0042", List.of(59904, 60928, 61184, 126993, 126996, 127506, 127508),
                List.of(), T0 - 200_000, false, identified);
    }

    static BusDevice victron() {
        return new BusDevice(0x30, "battery", name(0x0F00D, 358, 170, 35), 358, "Victron Energy", 35, 170,
                "SmartShunt 500A/50mV", "4.12", "HQ2218ABCDE", List.of(60928, 126996, 127506, 127508), List.of(),
                T0 - 600_000, false, false);
    }

    static BusDevice display() {
        return new BusDevice(0x20, "display", name(0x4455, 229, 130, 120), 229, "Garmin", 120, 130, "GNX 120", "3.10",
                "5A1234567", List.of(60928, 126993, 126996), List.of(), T0 - 3_000_000, false, false);
    }

    static BusDevice workbench() {
        return new BusDevice(0x21, "workbench", name(0x1, 2047, 130, 10), 2047, null, 10, 130, "BMS Workbench",
                "0.1.0", null, List.of(59904, 60928), List.of(), T0 - 1_000_000, true, false);
    }

    static List<BusDevice> devices(boolean mgIdentified) {
        return List.of(display(), workbench(), victron(), mg(mgIdentified));
    }

    static List<BatteryReading> batteries(boolean mgIdentified) {
        return List.of(
                new BatteryReading(0x30, 0, 12.84, 3.2, 19.5, 76.0, T0 - 600_000, false),
                new BatteryReading(0x30, 1, 12.61, null, null, null, T0 - 600_000, false),
                new BatteryReading(80, 32, 26.54, -12.3, 25.0, 87.0, T0 - 200_000, mgIdentified));
    }

    static List<BatterySource> candidates(boolean mgIdentified) {
        return List.of(new BatterySource(0x30, List.of(0, 1), false, "Victron Energy battery monitor", ""),
                new BatterySource(80, List.of(32, 33, 34), mgIdentified, mgIdentified ? "MG Master LV" : null,
                        mgIdentified ? "address claim with manufacturer code 1160" : ""));
    }

    /** The session follows the MG Master LV, identified by its address claim. */
    static DeviceChoice followingMg() {
        return new DeviceChoice(80, null, false, false, MG_REASON, candidates(true));
    }

    /** Nothing identifies a BMS: the user must choose. */
    static DeviceChoice ambiguous() {
        return new DeviceChoice(null, null, false, true, AMBIGUOUS_REASON, candidates(false));
    }

    /** The user chose the battery monitor's instance 1. */
    static DeviceChoice userChoseVictron1() {
        return new DeviceChoice(0x30, 1, true, false, "Victron Energy battery monitor at 48 instance 1 (chosen by the user)",
                candidates(true));
    }
}
