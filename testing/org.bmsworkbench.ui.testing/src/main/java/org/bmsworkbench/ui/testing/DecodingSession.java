package org.bmsworkbench.ui.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.protocol.vreg.internal.VregProtocol;
import org.bmsworkbench.ui.WorkbenchSession;

/**
 * What the window's session gives a view, for tests: the connection decoded by the real NMEA 2000
 * and VREG protocol sessions into a {@link DefaultBmsModel}, on the transport thread, as
 * {@code --protocol nmea2000} does.
 */
public final class DecodingSession implements BmsSession, WorkbenchSession {
    private final Connection connection;
    private final boolean offline;
    private final DefaultBmsModel model = new DefaultBmsModel(100);
    private final ProtocolSession nmea2000 = new Nmea2000Protocol().newSession();
    private final ProtocolSession vreg = new VregProtocol().newSession();
    private final List<Consumer<DecodedMessage>> listeners = new CopyOnWriteArrayList<>();
    private final Subscription frames;
    private volatile long decoded;

    public DecodingSession(Connection connection, boolean offline) {
        this.connection = connection;
        this.offline = offline;
        this.frames = connection.subscribe(this::onFrame);
    }

    private void onFrame(CanFrame f) {
        try {
            DecodedMessage m = VregCodec.isVreg(f) ? vreg.decode(f) : nmea2000.decode(f);
            if (m != null) {
                model.apply(m);
                decoded++;
                listeners.forEach(l -> l.accept(m));
            }
        } catch (MalformedFrameException e) {
            throw new AssertionError("the simulator sent a malformed frame: " + e.getMessage(), e);
        }
    }

    @Override public String uri() { return "sim:?protocol=nmea2000"; }
    @Override public Connection connection() { return connection; }
    @Override public BmsSession bms() { return this; }
    @Override public boolean isOffline() { return offline; }
    @Override public BmsModel model() { return model; }
    @Override public String requestedProtocol() { return "nmea2000"; }
    @Override public List<String> activeProtocols() { return List.of("nmea2000", "vreg"); }
    @Override public String detectionEvidence() { return ""; }
    @Override public long decodedMessages() { return decoded; }
    @Override public long malformedFrames() { return 0; }
    @Override public String lastProblem() { return null; }
    @Override public org.bmsworkbench.bms.DeviceChoice deviceChoice() { return org.bmsworkbench.bms.DeviceChoice.NONE; }
    @Override public void follow(Integer address, Integer instance) { }

    @Override
    public Subscription onMessage(Consumer<DecodedMessage> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        frames.close();
    }
}
