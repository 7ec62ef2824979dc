package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.ui.WorkbenchSession;
import org.junit.jupiter.api.Test;

class SessionReportTest {
    @Test
    void saysOneFactALineAboutWhatTheWindowShowed() {
        FakeServices fakes = new FakeServices();
        FakeConnection c = (FakeConnection) fakes.open("slcan:/tmp/A?bitrate=500000");
        c.state = ConnectionState.CONNECTED;
        c.detail = "opened /tmp/A at 500 kbit/s";
        c.statistics = new ConnectionStatistics(1234, 5, 1, 2, 14, -1);
        FakeServices.FakeSession bms = (FakeServices.FakeSession) fakes.attach(c, "auto");
        bms.active = List.of("general-bms");
        bms.put(Map.of("pack.voltage", 53.1, "pack.soc", 87.0));
        assertEquals(List.of(
                "bmswb gui: connection: CONNECTED (opened /tmp/A at 500 kbit/s)",
                "bmswb gui: uri: slcan:/tmp/A?bitrate=500000",
                "bmswb gui: protocol: general-bms (auto-detected)",
                "bmswb gui: decoded messages: 0 (0 malformed frames)",
                "bmswb gui: frames: 1234 received, 5 sent, 1 error frames, 2 adapter errors",
                "bmswb gui: signals with a value: 2"), SessionReport.lines(session("slcan:/tmp/A?bitrate=500000", c, bms), ""));
    }

    @Test
    void endsWithTheNoticeWhenOneWasShowing() {
        assertEquals(List.of("bmswb gui: connection: none (disconnected)",
                "bmswb gui: notice: Start-up: 1 bundle could not start: example.unresolved"),
                SessionReport.lines(null, "Start-up: 1 bundle could not start: example.unresolved"));
        assertEquals(List.of("bmswb gui: connection: none (disconnected)"), SessionReport.lines(null, " "));
    }

    @Test
    void withoutASessionSaysDisconnected() {
        assertEquals(List.of("bmswb gui: connection: none (disconnected)"), SessionReport.lines(null, null));
    }

    private static WorkbenchSession session(String uri, Connection c, BmsSession bms) {
        return new WorkbenchSession() {
            @Override
            public String uri() {
                return uri;
            }

            @Override
            public Connection connection() {
                return c;
            }

            @Override
            public BmsSession bms() {
                return bms;
            }

            @Override
            public boolean isOffline() {
                return false;
            }
        };
    }
}
