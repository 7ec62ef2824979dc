package org.bmsworkbench.bms.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.can.Connection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link BmsSessions} service: one {@link LiveBmsSession} per attached connection. Owns one
 * thread, {@code bmswb-bms-protocol-changes}, on which sessions work out what an installed or
 * removed protocol means for them (detection over the recent frames, new protocol sessions),
 * so that the registry's bind and unbind return at once.
 */
@Component(name = "org.bmsworkbench.bms.sessions", service = BmsSessions.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class LiveSessions implements BmsSessions {

    /** Samples of history kept per numeric key of a session's model. */
    static final int HISTORY_CAPACITY = 3600;

    private final ProtocolRegistry registry;
    private final Logger logger;
    private final ExecutorService changes;
    private final Set<LiveBmsSession> sessions = ConcurrentHashMap.newKeySet();

    @Activate
    public LiveSessions(@Reference ProtocolRegistry registry,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.registry = registry;
        this.logger = logger;
        this.changes = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bmswb-bms-protocol-changes");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public BmsSession attach(Connection connection, String protocol) {
        Objects.requireNonNull(connection, "connection");
        if (protocol == null || protocol.isBlank()) {
            throw new IllegalArgumentException("no protocol given (expected a protocol id or auto)");
        }
        LiveBmsSession[] self = new LiveBmsSession[1];
        LiveBmsSession session = new LiveBmsSession(connection, protocol.strip(), registry, changes, logger,
                HISTORY_CAPACITY, () -> sessions.remove(self[0]));
        self[0] = session;
        sessions.add(session);
        session.start();
        logger.debug("Decoding {} with protocol {}", connection.uri(), protocol);
        return session;
    }

    /** The sessions not yet closed. */
    List<BmsSession> sessions() {
        return List.copyOf(sessions);
    }

    @Deactivate
    void deactivate() {
        for (LiveBmsSession s : List.copyOf(sessions)) {
            s.close();
        }
        changes.shutdownNow();
    }

    /** For tests: waits until the changes queued so far are worked out. */
    boolean awaitChanges(long timeout, TimeUnit unit) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        changes.execute(done::countDown);
        return done.await(timeout, unit);
    }
}
