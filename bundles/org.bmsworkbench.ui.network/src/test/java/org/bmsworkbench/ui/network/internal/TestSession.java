package org.bmsworkbench.ui.network.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.testing.InMemoryConnection;

/**
 * A session as the Network view sees it: a connection, a {@link DeviceChoice} the test sets, and
 * every {@link #follow} call recorded (the choice itself changes only when the test says so, as the
 * live session works it out on its own thread).
 */
final class TestSession implements WorkbenchSession, BmsSession {
    /** The {@code follow} calls, as "address/instance" ("null/null" for Automatic). */
    final List<String> follows = new CopyOnWriteArrayList<>();
    private final InMemoryConnection connection = new InMemoryConnection();
    private final DefaultBmsModel model = new DefaultBmsModel(10);
    private final boolean offline;
    private volatile DeviceChoice choice = DeviceChoice.NONE;

    TestSession(boolean offline) {
        this.offline = offline;
    }

    void choice(DeviceChoice c) {
        choice = c;
    }

    @Override public String uri() { return offline ? "replay:boat.log" : "socketcand://gx:29536/can0"; }
    @Override public Connection connection() { return connection; }
    @Override public BmsSession bms() { return this; }
    @Override public BmsModel model() { return model; }
    @Override public boolean isOffline() { return offline; }
    @Override public String requestedProtocol() { return "nmea2000"; }
    @Override public List<String> activeProtocols() { return List.of("nmea2000", "vreg"); }
    @Override public String detectionEvidence() { return ""; }
    @Override public long decodedMessages() { return 0; }
    @Override public long malformedFrames() { return 0; }
    @Override public String lastProblem() { return null; }
    @Override public DeviceChoice deviceChoice() { return choice; }

    @Override
    public void follow(Integer address, Integer instance) {
        follows.add(address + "/" + instance);
    }

    @Override
    public Subscription onMessage(Consumer<DecodedMessage> listener) {
        return () -> { };
    }

    @Override
    public void close() {
    }
}
