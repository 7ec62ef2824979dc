package org.bmsworkbench.bms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolDetector;
import org.bmsworkbench.bms.ProtocolChoice;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.Subscription;
import org.osgi.service.log.Logger;

/**
 * Live decoding of one connection. Frames are decoded on the transport thread; protocol
 * changes are worked out on the {@code changes} executor. Both sides meet under one lock that the
 * transport thread only ever <em>tries</em> ({@link FrameGate}): when a change holds it, the frame
 * is queued and the lock holder decodes the queue, in order, before letting go. So the transport
 * thread never waits, and frames are decoded in the order they arrived. Decoded messages go to
 * the model and the listeners through {@link MessageDelivery}.
 *
 * <p>A departed protocol is dropped at once, on the thread that reports its departure: no
 * session, detector or protocol reference of it is kept. With {@code auto}, the choice is
 * {@link LiveDetection}'s.
 *
 * <p>A protocol whose device speaks only when asked ({@code ProtocolSession.pollRequests}) is
 * polled by a {@link LinkPoller} while it decodes ({@link LivePolling}). On a byte-stream link
 * ({@link StreamLink}) in {@code auto} mode, the protocol the URI names is taken as requested; when
 * it names none, the poller sends each installed polling protocol's first request and detection
 * picks the protocol whose device answers.
 */
final class LiveBmsSession implements BmsSession {

    static final String AUTO = "auto";

    private final Connection connection;
    private final String requested;
    private final boolean auto;
    private final ProtocolRegistry registry;
    private final Executor changes;
    private final Logger logger;
    private final Runnable onClose;
    private final DefaultBmsModel model;

    private final FrameGate gate = new FrameGate(this::process);
    private final MessageDelivery delivery;
    private final LivePolling polling;

    /** Written under the lock, read by anyone. */
    private volatile ActiveProtocols active = ActiveProtocols.NONE;
    private volatile String evidence = "";
    private volatile long malformed;
    private volatile String lastProblem;
    private volatile boolean closed;

    /** Auto mode only, guarded by the lock. */
    private final LiveDetection detection = new LiveDetection();

    private Subscription frames = () -> { };
    private Subscription registryChanges = () -> { };
    private Subscription stateChanges = () -> { };

    LiveBmsSession(Connection connection, String requested, ProtocolRegistry registry, Executor changes,
            Logger logger, int historyCapacity, Runnable onClose) {
        this.connection = connection;
        this.requested = requested;
        this.auto = AUTO.equals(requested);
        this.registry = registry;
        this.changes = changes;
        this.logger = logger;
        this.onClose = onClose;
        this.model = new DefaultBmsModel(historyCapacity);
        this.delivery = new MessageDelivery(model, connection, logger);
        this.polling = new LivePolling(connection, auto, registry, gate, () -> active, problem -> lastProblem = problem);
    }

    /**
     * Follows the registry and the connection's state, chooses or waits for a protocol, and subscribes
     * to the frames. The state is followed before the first choice: a link that connects meanwhile
     * (its protocol and polling known only then) is never missed.
     */
    void start() {
        registryChanges = registry.onChange(this::protocolsChanged);
        stateChanges = connection.onStateChange((state, detail) -> {
            if (state == ConnectionState.CONNECTED && !closed) {
                try {
                    changes.execute(() -> gate.run(this::reconcile)); // a stream link's protocol is known now
                } catch (RejectedExecutionException e) {
                    logger.debug("Connection of {} not followed: the sessions service is stopping", connection.uri());
                }
            }
        });
        gate.run(this::reconcile);
        frames = connection.subscribe(this::onFrame);
    }

    // ---- transport thread ----

    private void onFrame(CanFrame frame) {
        if (closed) {
            return;
        }
        gate.offer(frame);
    }

    /** Under the lock, one frame at a time in arrival order. */
    private void process(CanFrame frame) {
        if (closed) {
            return;
        }
        if (auto) {
            ProtocolDetector.Detection switchTo = detection.offer(frame, active);
            if (switchTo != null) {
                choose(switchTo, detection.candidates());
            }
            if (active.isEmpty()) {
                detection.keep(frame);
                return;
            }
        }
        decode(frame);
    }

    /** The first active protocol that decodes the frame wins; a fault counts only when none decodes it. */
    private void decode(CanFrame frame) {
        String problem = null;
        for (ActiveProtocols.Member a : active.members()) {
            List<DecodedMessage> messages;
            try {
                messages = a.session().decodeAll(frame);
            } catch (MalformedFrameException e) {
                problem = problem == null ? e.getMessage() : problem;
                if (!e.decoded().isEmpty()) {
                    e.decoded().forEach(this::deliver);
                    break;
                }
                continue;
            } catch (RuntimeException e) {
                problem = problem == null ? "protocol " + a.id() + " failed on frame " + frame + ": " + e : problem;
                continue;
            }
            if (!messages.isEmpty()) {
                messages.forEach(this::deliver);
                return;
            }
        }
        if (problem != null) {
            malformed++;
            lastProblem = problem;
        }
    }

    private void deliver(DecodedMessage message) {
        polling.heard(message);
        delivery.deliver(message, active);
    }

    // ---- protocol changes ----

    /** Registry thread: drops departed protocols at once, then works out the rest on the executor. */
    private void protocolsChanged(List<BmsProtocol> installed) {
        if (closed) {
            return;
        }
        gate.run(() -> dropDeparted(installed));
        try {
            changes.execute(() -> gate.run(this::reconcile));
        } catch (RejectedExecutionException e) {
            logger.debug("Protocol change for {} not followed: the sessions service is stopping", connection.uri());
        }
    }

    private void dropDeparted(List<BmsProtocol> installed) {
        ActiveProtocols kept = active.keepInstalled(installed);
        if (kept != active) {
            if (auto) {
                kept = ActiveProtocols.NONE; // the choice no longer holds: detect again
                evidence = "";
            } else if (kept.first() != active.first()) {
                kept = ActiveProtocols.NONE; // the requested protocol left; its companions go with it
            }
            active = kept;
        }
        detection.dropDeparted(installed);
    }

    /** Brings the session in line with the installed protocols; idempotent. Under the lock. */
    private void reconcile() {
        if (closed) {
            return;
        }
        List<BmsProtocol> installed = registry.protocols();
        dropDeparted(installed);
        String wantedId = auto ? streamProtocol() : requested;
        if (wantedId != null) {
            Optional<BmsProtocol> p = installed.stream().filter(x -> wantedId.equals(x.id())).findFirst();
            if (p.isEmpty()) {
                active = ActiveProtocols.NONE;
            } else {
                // the requested protocol and its installed companions: a companion may come and go
                List<BmsProtocol> wanted = ProtocolChoice.of(p.get(), installed).protocols();
                if (!active.sameAs(wanted)) {
                    active = active.with(wanted, this::sessionFailed);
                    if (auto) {
                        evidence = "the link's URI names protocol " + wantedId;
                    }
                }
            }
            startPollerIfNeeded();
            return;
        }
        ProtocolDetector.Detection switchTo = detection.restart(installed, connection::recentFrames, active);
        if (switchTo != null) {
            choose(switchTo, installed);
        }
        startPollerIfNeeded();
    }

    /** The protocol a byte-stream link's URI names ({@code ?protocol=jbd}), or null. */
    private String streamProtocol() {
        return connection.control(StreamLink.class).map(StreamLink::protocol).orElse(null);
    }

    /** Under the lock: polls when an active protocol polls, or probes for an auto session's protocol. */
    private void startPollerIfNeeded() {
        if (!closed) {
            polling.startIfNeeded();
        }
    }

    /** Starts decoding with the detection's protocols; the first choice also decodes the frames kept meanwhile. */
    private void choose(ProtocolDetector.Detection choice, List<BmsProtocol> candidates) {
        boolean first = active.isEmpty();
        List<BmsProtocol> wanted = new ArrayList<>();
        for (String id : choice.protocolIds()) {
            for (BmsProtocol p : candidates) {
                if (p.id().equals(id)) {
                    wanted.add(p);
                    break;
                }
            }
        }
        ActiveProtocols chosen = active.with(wanted, this::sessionFailed);
        if (chosen.isEmpty()) {
            return;
        }
        active = chosen;
        evidence = choice.evidence();
        logger.debug("{}: decoding as {}", connection.uri(), choice.evidence());
        detection.chosen(first, this::decode);
        startPollerIfNeeded();
    }

    private void sessionFailed(BmsProtocol p, RuntimeException e) {
        lastProblem = "protocol " + p.id() + " could not start a session: " + e;
        logger.warn("Protocol {} could not start a session for {}", p.id(), connection.uri(), e);
    }

    // ---- BmsSession ----

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
        return requested;
    }

    @Override
    public List<String> activeProtocols() {
        return active.ids();
    }

    @Override
    public String detectionEvidence() {
        return auto ? evidence : "";
    }

    @Override
    public DeviceChoice deviceChoice() {
        return delivery.deviceChoice();
    }

    @Override
    public void follow(Integer address, Integer instance) {
        if (address != null && (address < 0 || address > 0xFD)) {
            throw new IllegalArgumentException("device address " + address + " is outside 0..253");
        }
        if (instance != null && (instance < 0 || instance > 0xFF)) {
            throw new IllegalArgumentException("instance " + instance + " is outside 0..255");
        }
        gate.run(() -> delivery.follow(address, instance, active));
    }

    @Override
    public long decodedMessages() {
        return delivery.delivered();
    }

    @Override
    public long malformedFrames() {
        return malformed;
    }

    @Override
    public String lastProblem() {
        return lastProblem;
    }

    @Override
    public Subscription onMessage(Consumer<DecodedMessage> listener) {
        return delivery.onMessage(listener);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        frames.close();
        registryChanges.close();
        stateChanges.close();
        gate.discard(() -> {
            // under the lock: a reconcile that saw the session open has started its poller by now
            polling.close();
            active = ActiveProtocols.NONE;
            detection.clear();
        });
        delivery.clearListeners();
        onClose.run();
    }
}
