package org.bmsworkbench.service.lockout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.Subscription;

/** Hand-made stand-ins for a connection, a live session, and a make's MOSFET control. */
public final class Fakes {
    /** 2026-12-07 02:40:00 UTC. */
    public static final long T0 = 1_796_611_200_000_000L;

    private Fakes() {
    }

    /** A connection in the state the test sets; sends nothing itself. */
    public static final class FakeConnection implements Connection {
        private final ConnectionUri uri;
        public volatile ConnectionState state = ConnectionState.CONNECTED;
        public volatile boolean recording;
        public volatile boolean closed;

        public FakeConnection(String uri) {
            this.uri = ConnectionUri.parse(uri);
        }

        @Override
        public ConnectionUri uri() {
            return uri;
        }

        @Override
        public ConnectionState state() {
            return state;
        }

        @Override
        public String stateDetail() {
            return "";
        }

        @Override
        public void send(CanFrame frame) {
            throw new AssertionError("the lockout service sends nothing itself: " + frame);
        }

        @Override
        public Subscription subscribe(FrameListener listener) {
            return () -> { };
        }

        @Override
        public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) {
            return () -> { };
        }

        @Override
        public ConnectionStatistics statistics() {
            return null;
        }

        @Override
        public List<CanFrame> recentFrames() {
            return List.of();
        }

        @Override
        public int recentCapacity() {
            return 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> control(Class<T> type) {
            if (recording && type == PlaybackControl.class) {
                return Optional.of((T) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {PlaybackControl.class}, (p, m, a) -> null));
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
            state = ConnectionState.CLOSED;
        }
    }

    /** A session over a real model, fed by {@link #apply}; its active protocol is the test's. */
    public static final class FakeSession implements BmsSession {
        private final Connection connection;
        private final DefaultBmsModel model = new DefaultBmsModel(100);
        public volatile List<String> protocols;
        public volatile boolean closed;

        public FakeSession(Connection connection, String protocol) {
            this.connection = connection;
            this.protocols = protocol == null ? List.of() : List.of(protocol);
        }

        /** Applies key/value pairs at {@code seconds} after {@link #T0}. */
        public FakeSession apply(double seconds, Object... keyValues) {
            Map<String, Object> signals = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                signals.put((String) keyValues[i], keyValues[i + 1]);
            }
            long micros = T0 + Math.round(seconds * 1e6);
            model.apply(DecodedMessage.of(protocols.isEmpty() ? "jbd" : protocols.get(0), "basic_info",
                    CanFrame.chunk(micros, "jbd0", Direction.RX, (byte) 0xDD), signals));
            return this;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public BmsModel model() {
            return model;
        }

        @Override
        public String requestedProtocol() {
            return "auto";
        }

        @Override
        public List<String> activeProtocols() {
            return protocols;
        }

        @Override
        public String detectionEvidence() {
            return "";
        }

        @Override
        public long decodedMessages() {
            return 0;
        }

        @Override
        public long malformedFrames() {
            return 0;
        }

        @Override
        public String lastProblem() {
            return null;
        }

        @Override
        public DeviceChoice deviceChoice() {
            return DeviceChoice.NONE;
        }

        @Override
        public void follow(Integer address, Integer instance) {
        }

        @Override
        public Subscription onMessage(Consumer<DecodedMessage> listener) {
            return () -> { };
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A make's MOSFET control that answers as the test says and records what it was asked. */
    public static final class FakeControl implements FetControl {
        private final String protocol;
        public final List<FetCommand> asked = new CopyOnWriteArrayList<>();
        public volatile boolean chargeSwitchable = true;
        public volatile boolean dischargeSwitchable = true;
        /** The answer; null: never answers. */
        public volatile FetResult.Outcome answer = FetResult.Outcome.CONFIRMED;
        /** Thrown by {@link #apply} instead of answering, when set. */
        public volatile RuntimeException thrown;

        public FakeControl(String protocol) {
            this.protocol = protocol;
        }

        @Override
        public String protocol() {
            return protocol;
        }

        @Override
        public boolean canSwitch(boolean charge) {
            return charge ? chargeSwitchable : dischargeSwitchable;
        }

        @Override
        public CompletableFuture<FetResult> apply(Connection connection, FetCommand command) {
            asked.add(command);
            if (thrown != null) {
                throw thrown;
            }
            if (answer == null) {
                return new CompletableFuture<>();
            }
            List<CanFrame> sent = new ArrayList<>();
            // JBD's MOSFET control write (register 0xE1), as the fake's stand-in for what a make sends
            sent.add(CanFrame.chunk(Fakes.T0, "jbd0", Direction.TX, (byte) 0xDD, (byte) 0x5A, (byte) 0xE1, (byte) 0x02,
                    (byte) 0x00, (byte) 0x00, (byte) 0xFF, (byte) 0x1D, (byte) 0x77));
            return CompletableFuture.completedFuture(switch (answer) {
                case CONFIRMED -> new FetResult(answer, command.charge() == null ? Boolean.TRUE : command.charge(),
                        command.discharge() == null ? Boolean.TRUE : command.discharge(), "the BMS reported the"
                                + " MOSFETs as asked", sent);
                case REJECTED -> new FetResult(answer, false, true, "the BMS answered 0xE1 with status 0x80", sent);
                case TIMEOUT -> new FetResult(answer, null, null, "no answer from the BMS within 2 s", sent);
                case REFUSED -> FetResult.refused("the control refuses");
            });
        }
    }
}
