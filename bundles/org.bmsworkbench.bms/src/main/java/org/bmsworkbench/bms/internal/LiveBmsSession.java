package org.bmsworkbench.bms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.bms.ProtocolDetector;
import org.bmsworkbench.bms.ProtocolChoice;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.Subscription;
import org.osgi.service.log.Logger;

/**
 * Live decoding of one connection. Frames are decoded on the transport thread; protocol
 * changes are worked out on the {@code changes} executor. Both sides meet under one lock that the
 * transport thread only ever <em>tries</em>: when a change holds it, the frame is queued and the
 * lock holder decodes the queue, in order, before letting go. So the transport thread never
 * waits, and frames are decoded in the order they arrived.
 *
 * <p>A departed protocol is dropped at once, on the thread that reports its departure: no
 * session, detector or protocol reference of it is kept. With {@code auto}, the choice is
 * {@link LiveDetection}'s.
 *
 * <p>A protocol whose device speaks only when asked ({@code ProtocolSession.pollRequests}) is
 * polled by a {@link LinkPoller} while it decodes. On a byte-stream link ({@link StreamLink}) in
 * {@code auto} mode, the protocol the URI names is taken as requested; when it names none, the
 * poller sends each installed polling protocol's first request and detection picks the protocol
 * whose device answers.
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

    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<CanFrame> pending = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<Consumer<DecodedMessage>> listeners = new CopyOnWriteArrayList<>();

    /** Written under the lock, read by anyone. */
    private volatile ActiveProtocols active = ActiveProtocols.NONE;
    private volatile String evidence = "";
    private volatile long decoded;
    private volatile long malformed;
    private volatile String lastProblem;
    private volatile boolean closed;

    /** Guarded by the lock. */
    private final DeviceFollowing following = new DeviceFollowing();
    /** The sessions told the user's choice, so that each is told once. */
    private final java.util.Map<MultiDeviceSession, Integer> designated = new java.util.IdentityHashMap<>();

    /** Auto mode only, guarded by the lock. */
    private final LiveDetection detection = new LiveDetection();

    private Subscription frames = () -> { };
    private Subscription registryChanges = () -> { };
    private Subscription stateChanges = () -> { };
    /** Started under the lock when first needed; closed with the session. */
    private volatile LinkPoller poller;
    /** Whether the poll cycle under way sends probes (an auto session with no protocol yet). */
    private volatile boolean probing;
    private boolean listenerFailureLogged;

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
                    changes.execute(() -> runLocked(this::reconcile)); // a stream link's protocol is known now
                } catch (RejectedExecutionException e) {
                    logger.debug("Connection of {} not followed: the sessions service is stopping", connection.uri());
                }
            }
        });
        runLocked(this::reconcile);
        frames = connection.subscribe(this::onFrame);
    }

    // ---- transport thread ----

    private void onFrame(CanFrame frame) {
        if (closed) {
            return;
        }
        if (pending.isEmpty() && lock.tryLock()) {
            try {
                process(frame);
                drainLocked();
            } finally {
                lock.unlock();
            }
        } else {
            pending.add(frame);
        }
        drainIfPending();
    }

    /** Decodes queued frames if nobody else holds the lock; whoever holds it drains before release. */
    private void drainIfPending() {
        while (!pending.isEmpty() && lock.tryLock()) {
            try {
                drainLocked();
            } finally {
                lock.unlock();
            }
        }
    }

    private void drainLocked() {
        CanFrame f;
        while ((f = pending.poll()) != null) {
            process(f);
        }
    }

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
        LinkPoller p = poller;
        if (p != null && message.frame().direction() == Direction.RX) {
            p.answered(); // a request decoded from its own TX frame is no answer
        }
        if (message.source() != null) {
            if (following.update(multiDevice())) {
                model.clear();
            }
            if (following.current().follows(message.source(), message.instance())) {
                model.apply(message);
            }
        } else {
            model.apply(message);
        }
        decoded++;
        for (Consumer<DecodedMessage> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                if (!listenerFailureLogged) {
                    listenerFailureLogged = true;
                    logger.warn("A message listener of {} failed (further failures are not logged)", connection.uri(), e);
                }
            }
        }
    }

    // ---- protocol changes ----

    /** Registry thread: drops departed protocols at once, then works out the rest on the executor. */
    private void protocolsChanged(List<BmsProtocol> installed) {
        if (closed) {
            return;
        }
        runLocked(() -> dropDeparted(installed));
        try {
            changes.execute(() -> runLocked(this::reconcile));
        } catch (RejectedExecutionException e) {
            logger.debug("Protocol change for {} not followed: the sessions service is stopping", connection.uri());
        }
    }

    private void runLocked(Runnable r) {
        lock.lock();
        try {
            r.run();
            drainLocked();
        } finally {
            lock.unlock();
        }
        drainIfPending();
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

    /**
     * Starts the poller when an active protocol polls, or when an auto session on a byte-stream
     * link still looks for its protocol (it then probes). Under the lock.
     */
    private void startPollerIfNeeded() {
        if (poller != null || closed || connection.listenOnly()) {
            return;
        }
        boolean probing = auto && active.isEmpty() && connection.control(StreamLink.class).isPresent();
        if (!probing && pollRequestsLocked("can0", connection.control(StreamLink.class).isPresent(), 0).isEmpty()) {
            return;
        }
        LinkPoller p = new LinkPoller(connection, new LinkPoller.Requests() {
            @Override
            public List<CanFrame> of(String bus, boolean byteStream, long timestampMicros) {
                return pollRequests(bus, byteStream, timestampMicros);
            }

            @Override
            public boolean stillAsked(CanFrame request) {
                // once a probe's answer chose a protocol, the other probes are not sent: its own requests come next cycle
                return !LiveBmsSession.this.probing || active.isEmpty();
            }
        }, problem -> lastProblem = problem);
        poller = p;
        p.start();
    }

    /** Poll thread: the cycle's requests of the active protocols, or the probes of an auto session. */
    private List<CanFrame> pollRequests(String bus, boolean byteStream, long timestampMicros) {
        lock.lock();
        try {
            return pollRequestsLocked(bus, byteStream, timestampMicros);
        } finally {
            lock.unlock();
            drainIfPending();
        }
    }

    private List<CanFrame> pollRequestsLocked(String bus, boolean byteStream, long timestampMicros) {
        List<CanFrame> requests = new ArrayList<>();
        probing = active.isEmpty();
        if (active.isEmpty()) {
            if (auto && connection.control(StreamLink.class).isPresent()) {
                for (BmsProtocol p : registry.protocols()) { // probe: each polling protocol's first request
                    try {
                        List<CanFrame> first = p.newSession().pollRequests(bus, true, timestampMicros);
                        if (!first.isEmpty()) {
                            requests.add(first.get(0));
                        }
                    } catch (RuntimeException e) {
                        lastProblem = "protocol " + p.id() + " could not make a poll request: " + e;
                    }
                }
            }
            return requests;
        }
        for (ActiveProtocols.Member a : active.members()) {
            try {
                requests.addAll(a.session().pollRequests(bus, byteStream, timestampMicros));
            } catch (RuntimeException e) {
                lastProblem = "protocol " + a.id() + " could not make a poll request: " + e;
            }
        }
        return requests;
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

    /** The first active protocol session on a bus of many devices, told the user's choice; or null. */
    private MultiDeviceSession multiDevice() {
        for (ActiveProtocols.Member a : active.members()) {
            if (a.session() instanceof MultiDeviceSession m) {
                int user = following.userAddress() == null ? -1 : following.userAddress();
                Integer told = designated.put(m, user);
                if (told == null ? user >= 0 : told != user) {
                    m.designate(user);
                }
                return m;
            }
        }
        return null;
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
        return following.current();
    }

    @Override
    public void follow(Integer address, Integer instance) {
        if (address != null && (address < 0 || address > 0xFD)) {
            throw new IllegalArgumentException("device address " + address + " is outside 0..253");
        }
        if (instance != null && (instance < 0 || instance > 0xFF)) {
            throw new IllegalArgumentException("instance " + instance + " is outside 0..255");
        }
        runLocked(() -> {
            following.follow(address, instance);
            if (following.update(multiDevice())) {
                model.clear();
            }
        });
    }

    @Override
    public long decodedMessages() {
        return decoded;
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
        listeners.add(listener);
        return () -> listeners.remove(listener);
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
        LinkPoller p = poller;
        if (p != null) {
            p.close();
        }
        lock.lock();
        try {
            active = ActiveProtocols.NONE;
            detection.clear();
            pending.clear();
        } finally {
            lock.unlock();
        }
        listeners.clear();
        onClose.run();
    }
}
