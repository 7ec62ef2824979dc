package org.bmsworkbench.network.internal;

import java.net.InetAddress;
import java.util.Locale;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;

/**
 * The workbench's own ISO NAME (ISO 11783-5 / J1939-81 as NMEA 2000 uses it).
 *
 * <ul>
 * <li>Arbitrary address capable: it takes any free address, and with that bit set every device
 *     that is not self-configurable outranks it (the bit is the NAME's most significant).</li>
 * <li>Industry group 4 (marine), device class 10 "System tools", function 130 "Diagnostic":
 *     a service tool, which is what it is.</li>
 * <li>Manufacturer code {@value #MANUFACTURER_CODE}: a code no maker holds in canboat's table of
 *     NMEA 2000 manufacturer codes (the codes are assigned by the NMEA), so the workbench
 *     impersonates no one — not MG Energy Systems (1160), not Victron (358), whose devices
 *     treat their own code's proprietary frames as trusted.</li>
 * <li>Unique number: 21 bits of a hash of the host and user name, so the NAME stays the same
 *     between runs on one machine and differs between machines.</li>
 * </ul>
 */
final class WorkbenchName {
    static final int MANUFACTURER_CODE = 2047;
    static final int INDUSTRY_GROUP_MARINE = 4;
    static final int DEVICE_CLASS_SYSTEM_TOOLS = 10;
    static final int DEVICE_FUNCTION_DIAGNOSTIC = 130;

    private WorkbenchName() {
    }

    static IsoName create() {
        return of(uniqueNumber(hostName() + "/" + System.getProperty("user.name", "")));
    }

    static IsoName of(int uniqueNumber) {
        return IsoName.of(uniqueNumber & 0x1FFFFF, MANUFACTURER_CODE, 0, DEVICE_FUNCTION_DIAGNOSTIC,
                DEVICE_CLASS_SYSTEM_TOOLS, 0, INDUSTRY_GROUP_MARINE, true);
    }

    static int uniqueNumber(String seed) {
        int h = 0x811C9DC5;
        for (byte b : seed.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        return (h ^ h >>> 21) & 0x1FFFFF;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            return "localhost";
        }
    }
}
