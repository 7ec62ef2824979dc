package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.ui.WorkbenchSession;

/**
 * {@code bmswb gui --report}: what the window showed when it closed, one fact a line, each
 * starting {@code bmswb gui: }: the connection state and its reason, the URI, the protocols,
 * the decoded messages, the frames, how many signals had a value, and the notice across the top
 * of the window when one was showing. Plain Java, so the wording is tested without a display.
 */
final class SessionReport {
    private SessionReport() {
    }

    static List<String> lines(WorkbenchSession session, String notice) {
        List<String> lines = facts(session);
        if (notice != null && !notice.isBlank()) {
            lines.add("bmswb gui: notice: " + notice);
        }
        return lines;
    }

    private static List<String> facts(WorkbenchSession session) {
        List<String> lines = new ArrayList<>();
        if (session == null) {
            lines.add("bmswb gui: connection: none (disconnected)");
            return lines;
        }
        var c = session.connection();
        String detail = c.stateDetail();
        lines.add("bmswb gui: connection: " + c.state() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
        lines.add("bmswb gui: uri: " + session.uri());
        String protocol = StatusFields.protocol(session.bms());
        lines.add("bmswb gui: protocol: " + protocol);
        lines.add(String.format(Locale.ROOT, "bmswb gui: decoded messages: %d (%d malformed frames)",
                session.bms().decodedMessages(), session.bms().malformedFrames()));
        ConnectionStatistics st = c.statistics();
        lines.add(String.format(Locale.ROOT, "bmswb gui: frames: %d received, %d sent, %d error frames, %d adapter errors",
                st.rxFrames(), st.txFrames(), st.errorFrames(), st.transportErrors()));
        lines.add(String.format(Locale.ROOT, "bmswb gui: signals with a value: %d", session.model().values().size()));
        return lines;
    }
}
