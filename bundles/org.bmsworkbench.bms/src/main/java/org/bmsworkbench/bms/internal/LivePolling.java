package org.bmsworkbench.bms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.StreamLink;

/**
 * The polling of a {@link LiveBmsSession}: its {@link LinkPoller}, started when first needed (an
 * active protocol polls, or an {@code auto} session on a byte-stream link still looks for its
 * protocol), and what the poller asks each cycle: the poll requests of the active protocols or,
 * while nothing is chosen, each installed polling protocol's first request as a probe. Once a
 * probe's answer chose a protocol, the rest of that cycle's probes are not sent.
 *
 * <p>{@link #startIfNeeded} runs under the session's lock; the poll thread takes that lock (the
 * session's {@link FrameGate}) for each cycle's requests. The poller is read by anyone.
 */
final class LivePolling implements LinkPoller.Requests {
    private final Connection connection;
    private final boolean auto;
    private final ProtocolRegistry registry;
    private final FrameGate gate;
    /** The session's active protocols, read under its lock. */
    private final Supplier<ActiveProtocols> active;
    private final Consumer<String> problems;

    /** Started under the lock when first needed; closed with the session. */
    private volatile LinkPoller poller;
    /** Whether the poll cycle under way sends probes (an auto session with no protocol yet). */
    private volatile boolean probing;

    LivePolling(Connection connection, boolean auto, ProtocolRegistry registry, FrameGate gate,
            Supplier<ActiveProtocols> active, Consumer<String> problems) {
        this.connection = connection;
        this.auto = auto;
        this.registry = registry;
        this.gate = gate;
        this.active = active;
        this.problems = problems;
    }

    /** Under the lock: starts the poller when an active protocol polls, or an auto session on a byte stream probes. */
    void startIfNeeded() {
        if (poller != null || connection.listenOnly()) {
            return;
        }
        boolean probes = auto && active.get().isEmpty() && connection.control(StreamLink.class).isPresent();
        if (!probes && requestsLocked("can0", connection.control(StreamLink.class).isPresent(), 0).isEmpty()) {
            return;
        }
        LinkPoller p = new LinkPoller(connection, this, problems);
        poller = p;
        p.start();
    }

    /** A message was decoded: a received one answers the request waiting (one decoded from its own TX frame does not). */
    void heard(DecodedMessage message) {
        LinkPoller p = poller;
        if (p != null && message.frame().direction() == Direction.RX) {
            p.answered();
        }
    }

    void close() {
        LinkPoller p = poller;
        if (p != null) {
            p.close();
        }
    }

    /** Poll thread: the cycle's requests of the active protocols, or the probes of an auto session. */
    @Override
    public List<CanFrame> of(String bus, boolean byteStream, long timestampMicros) {
        return gate.call(() -> requestsLocked(bus, byteStream, timestampMicros));
    }

    @Override
    public boolean stillAsked(CanFrame request) {
        // once a probe's answer chose a protocol, the other probes are not sent: its own requests come next cycle
        return !probing || active.get().isEmpty();
    }

    private List<CanFrame> requestsLocked(String bus, boolean byteStream, long timestampMicros) {
        ActiveProtocols now = active.get();
        List<CanFrame> requests = new ArrayList<>();
        probing = now.isEmpty();
        if (now.isEmpty()) {
            if (auto && connection.control(StreamLink.class).isPresent()) {
                for (BmsProtocol p : registry.protocols()) { // probe: each polling protocol's first request
                    try {
                        List<CanFrame> first = p.newSession().pollRequests(bus, true, timestampMicros);
                        if (!first.isEmpty()) {
                            requests.add(first.get(0));
                        }
                    } catch (RuntimeException e) {
                        problems.accept("protocol " + p.id() + " could not make a poll request: " + e);
                    }
                }
            }
            return requests;
        }
        for (ActiveProtocols.Member a : now.members()) {
            try {
                requests.addAll(a.session().pollRequests(bus, byteStream, timestampMicros));
            } catch (RuntimeException e) {
                problems.accept("protocol " + a.id() + " could not make a poll request: " + e);
            }
        }
        return requests;
    }
}
