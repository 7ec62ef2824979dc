package org.bmsworkbench.cli.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;

/** Sessions whose messages the test emits; the active protocol is {@code fake} once a message was decoded. */
final class FakeSessions implements BmsSessions {
    final List<Session> attached = new CopyOnWriteArrayList<>();

    @Override
    public BmsSession attach(Connection connection, String protocol) {
        Session s = new Session(connection, protocol);
        attached.add(s);
        return s;
    }

    static final class Session implements BmsSession {
        private final Connection connection;
        private final String protocol;
        private final DefaultBmsModel model = new DefaultBmsModel(10);
        private final List<Consumer<DecodedMessage>> listeners = new CopyOnWriteArrayList<>();
        private volatile long decoded;
        volatile boolean closed;

        Session(Connection connection, String protocol) {
            this.connection = connection;
            this.protocol = protocol;
        }

        /** As the transport thread would: the model first, then the listeners. */
        void emit(DecodedMessage m) {
            model.apply(m);
            decoded++;
            listeners.forEach(l -> l.accept(m));
        }

        int listeners() {
            return listeners.size();
        }

        @Override public Connection connection() { return connection; }
        @Override public BmsModel model() { return model; }
        @Override public String requestedProtocol() { return protocol; }

        @Override
        public List<String> activeProtocols() {
            return decoded == 0 ? List.of() : List.of(protocol.equals("auto") ? "fake" : protocol);
        }

        @Override
        public String detectionEvidence() {
            return protocol.equals("auto") && decoded > 0 ? "fake: 1 frame with id 0x356" : "";
        }

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
            closed = true;
        }
    }
}
