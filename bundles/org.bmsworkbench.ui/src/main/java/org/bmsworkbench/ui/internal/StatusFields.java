package org.bmsworkbench.ui.internal;

import java.util.List;
import java.util.Locale;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.ui.WorkbenchSession;

/**
 * The words of the status bar for one session at one moment: plain Java, so the wording is
 * tested without a display.
 *
 * @param uri        the connection URI, or "Not connected"
 * @param protocol   "sma (auto-detected)", "detecting protocol…", "waiting for protocol sma", or ""
 * @param state      the connection state as the user reads it ("CONNECTED", "RECONNECTING", ...)
 * @param stateDetail the reason for the state, for the tooltip
 * @param rate       "1,234 frames/s", or ""
 * @param busLoad    "bus load 12.5 %", "bus load n/a" when the bit rate is unknown, or ""
 * @param errors     "errors 0" or "errors 3 (1 bus, 2 adapter)", or ""
 */
record StatusFields(String uri, String protocol, ConnectionState connectionState, String state, String stateDetail,
        String rate, String busLoad, String errors) {

    static final String NOT_CONNECTED = "Not connected";

    static StatusFields of(WorkbenchSession session) {
        if (session == null) {
            return new StatusFields(NOT_CONNECTED, "", null, "", "", "", "", "");
        }
        Connection c = session.connection();
        ConnectionState s = c.state();
        ConnectionStatistics st = c.statistics();
        String rate = String.format(Locale.ROOT, "%,d frames/s", Math.round(st.framesPerSecond()));
        String load = st.busLoadPercent() < 0 ? "bus load n/a"
                : String.format(Locale.ROOT, "bus load %.1f %%", st.busLoadPercent());
        return new StatusFields(session.uri(), protocol(session.bms()), s, s.name(), detail(c),
                rate, load, errors(st, session.bms().malformedFrames()));
    }

    /**
     * The URI as the status bar shows it: a local path shortened to its file name
     * ({@code slcan:/dev/serial/by-id/usb-…-if00?bitrate=500000} → {@code slcan:…/usb-…-if00?bitrate=500000}),
     * so the port or log name and the options stay visible; the tooltip has the whole URI.
     */
    static String shortUri(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 1 || !uri.startsWith("/", colon + 1) || uri.startsWith("//", colon + 1)) {
            return uri; // no path (sim:, loop:bench), or a network address (socketcand://host:29536/can0)
        }
        int query = uri.indexOf('?', colon);
        String path = query < 0 ? uri.substring(colon + 1) : uri.substring(colon + 1, query);
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return uri; // already short: slcan:/A
        }
        return uri.substring(0, colon + 1) + "…" + path.substring(slash) + (query < 0 ? "" : uri.substring(query));
    }

    static String protocol(BmsSession bms) {
        List<String> active = bms.activeProtocols();
        boolean auto = "auto".equals(bms.requestedProtocol());
        if (active.isEmpty()) {
            return auto ? "detecting protocol…" : "waiting for protocol " + bms.requestedProtocol();
        }
        return String.join(", ", active) + (auto ? " (auto-detected)" : "");
    }

    private static String detail(Connection c) {
        String d = c.stateDetail();
        return d == null ? "" : d;
    }

    static String errors(ConnectionStatistics st, long malformed) {
        long total = st.errorFrames() + st.transportErrors() + malformed;
        if (total == 0) {
            return "errors 0";
        }
        StringBuilder parts = new StringBuilder();
        append(parts, st.errorFrames(), "bus");
        append(parts, st.transportErrors(), "adapter");
        append(parts, malformed, "malformed");
        return String.format(Locale.ROOT, "errors %,d (%s)", total, parts);
    }

    private static void append(StringBuilder parts, long n, String what) {
        if (n > 0) {
            parts.append(parts.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s", n, what));
        }
    }
}
