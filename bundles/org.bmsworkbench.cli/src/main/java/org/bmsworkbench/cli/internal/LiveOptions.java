package org.bmsworkbench.cli.internal;

import java.util.stream.Collectors;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.cli.UsageException;

/** Options the live commands share: {@code --connect}, {@code --duration}, {@code --protocol}. */
final class LiveOptions {
    /** The embedded default: a simulated MG Master LV. */
    static final String DEFAULT_URI = "sim:";

    private LiveOptions() {
    }

    /** {@code --duration S} (null when absent) in seconds, positive; infinite when absent. */
    static double duration(String text) throws UsageException {
        if (text == null) {
            return Double.POSITIVE_INFINITY;
        }
        double duration;
        try {
            duration = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            duration = Double.NaN;
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new UsageException("--duration: expected a positive number of seconds, got '" + text + "'");
        }
        return duration;
    }

    /** {@code --connect URI} (null when absent): required, or {@link #DEFAULT_URI} when {@code required} is false. */
    static String uri(String value, boolean required) throws UsageException {
        if (required && value == null) {
            throw new UsageException("missing --connect URI (e.g. --connect sim: or --connect slcan:/dev/ttyACM0)");
        }
        String uri = value == null ? DEFAULT_URI : value;
        if (uri.isBlank()) {
            throw new UsageException("--connect: empty URI");
        }
        return uri;
    }

    /** {@code auto}, or an installed protocol's id; otherwise a usage error naming those installed. */
    static String protocol(String value, ProtocolRegistry registry) throws UsageException {
        String protocol = value == null ? "auto" : value;
        if (!protocol.equals("auto") && registry.find(protocol).isEmpty()) {
            String installed = registry.protocols().stream().map(BmsProtocol::id).collect(Collectors.joining(", "));
            throw new UsageException("unknown protocol '" + protocol + "' (installed: "
                    + (installed.isEmpty() ? "none" : installed) + ")");
        }
        return protocol;
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
