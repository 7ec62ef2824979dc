package org.bmsworkbench.cli.internal;

import java.util.stream.Collectors;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.cli.Arguments;
import org.bmsworkbench.cli.UsageException;

/** Options the live commands share: {@code --connect}, {@code --duration}, {@code --protocol}. */
final class LiveOptions {
    /** The embedded default: a simulated MG Master LV. */
    static final String DEFAULT_URI = "sim:";

    private LiveOptions() {
    }

    /** {@code --duration S} in seconds, positive; infinite when absent. */
    static double duration(Arguments args) throws UsageException {
        double duration = args.doubleValue("duration", Double.POSITIVE_INFINITY);
        if (!(duration > 0)) {
            throw new UsageException("--duration: expected a positive number of seconds, got '"
                    + args.value("duration", "") + "'");
        }
        return duration;
    }

    /** {@code --connect URI}: required, or {@link #DEFAULT_URI} when {@code required} is false. */
    static String uri(Arguments args, boolean required) throws UsageException {
        if (required && !args.has("connect")) {
            throw new UsageException("missing --connect URI (e.g. --connect sim: or --connect slcan:/dev/ttyACM0)");
        }
        String uri = args.value("connect", DEFAULT_URI);
        if (uri.isBlank()) {
            throw new UsageException("--connect: empty URI");
        }
        return uri;
    }

    /** {@code auto}, or an installed protocol's id; otherwise a usage error naming those installed. */
    static String protocol(Arguments args, ProtocolRegistry registry) throws UsageException {
        String protocol = args.value("protocol", "auto");
        if (!protocol.equals("auto") && registry.find(protocol).isEmpty()) {
            String installed = registry.protocols().stream().map(BmsProtocol::id).collect(Collectors.joining(", "));
            throw new UsageException("unknown protocol '" + protocol + "' (installed: "
                    + (installed.isEmpty() ? "none" : installed) + ")");
        }
        return protocol;
    }

    /** A device on a bus of many: {@code --device ADDR} or {@code ADDR:INSTANCE}, decimal or 0x hex. */
    record Device(int address, Integer instance) {
    }

    /** {@code --device ADDR[:INSTANCE]}, or null when absent. */
    static Device device(Arguments args) throws UsageException {
        if (!args.has("device")) {
            return null;
        }
        String text = args.value("device", "").trim();
        int colon = text.indexOf(':');
        int address = number(colon < 0 ? text : text.substring(0, colon), 0xFD, text);
        Integer instance = colon < 0 ? null : number(text.substring(colon + 1), 0xFF, text);
        return new Device(address, instance);
    }

    private static int number(String text, int max, String whole) throws UsageException {
        try {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT);
            int v = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            if (v < 0 || v > max) {
                throw new UsageException("--device: " + v + " in '" + whole + "' is outside 0.." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--device: expected ADDR or ADDR:INSTANCE (decimal or 0x hex, e.g. 80 or 0x50:1), got '"
                    + whole + "'");
        }
    }

    /** Says on stderr which device a session follows, each time the reason changes; returns the reason said. */
    static String reportDevice(java.io.PrintStream err, String command, org.bmsworkbench.bms.BmsSession session,
            String reported) {
        String reason = session.deviceChoice().reason();
        if (reason.isEmpty() || reason.equals(reported)) {
            return reported;
        }
        err.println("bmswb " + command + ": " + (session.deviceChoice().ambiguous() ? "" : "following ") + reason);
        return reason;
    }
}
