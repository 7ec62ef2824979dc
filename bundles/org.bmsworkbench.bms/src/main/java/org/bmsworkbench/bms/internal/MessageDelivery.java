package org.bmsworkbench.bms.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.osgi.service.log.Logger;

/**
 * Where a {@link LiveBmsSession}'s decoded messages go: into the model when they come from the
 * device it follows ({@link DeviceFollowing}; a message without a source always), then to every
 * {@code onMessage} listener, a listener that throws being isolated (logged once). The user's
 * choice of device is told to the first active protocol session on a bus of many
 * ({@link MultiDeviceSession}), once per session and choice.
 *
 * <p>{@link #deliver} and {@link #follow} run under the session's lock (its {@link FrameGate});
 * the listener list, the count and the device choice may be read and changed by any thread.
 */
final class MessageDelivery {
    private final DefaultBmsModel model;
    private final Connection connection;
    private final Logger logger;
    private final CopyOnWriteArrayList<Consumer<DecodedMessage>> listeners = new CopyOnWriteArrayList<>();

    /** Guarded by the session's lock. */
    private final DeviceFollowing following = new DeviceFollowing();
    /** The session last told the user's choice, and that choice (-1: automatic), so that each is told once. */
    private MultiDeviceSession toldSession;
    private int toldUser = -1;
    /** Written under the lock, read by anyone. */
    private volatile long delivered;
    private boolean listenerFailureLogged;

    MessageDelivery(DefaultBmsModel model, Connection connection, Logger logger) {
        this.model = model;
        this.connection = connection;
        this.logger = logger;
    }

    /** Under the lock: the message to the model (if its device is followed) and to the listeners. */
    void deliver(DecodedMessage message, ActiveProtocols active) {
        if (message.source() != null) {
            if (following.update(multiDevice(active))) {
                model.clear();
            }
            if (following.current().follows(message.source(), message.instance())) {
                model.apply(message);
            }
        } else {
            model.apply(message);
        }
        delivered++;
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

    /** Under the lock: the user's choice (a null address goes back to the automatic one), at once. */
    void follow(Integer address, Integer instance, ActiveProtocols active) {
        following.follow(address, instance);
        if (following.update(multiDevice(active))) {
            model.clear();
        }
    }

    DeviceChoice deviceChoice() {
        return following.current();
    }

    long delivered() {
        return delivered;
    }

    Subscription onMessage(Consumer<DecodedMessage> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void clearListeners() {
        listeners.clear();
    }

    /** The first active protocol session on a bus of many devices, told the user's choice; or null. */
    private MultiDeviceSession multiDevice(ActiveProtocols active) {
        for (ActiveProtocols.Member a : active.members()) {
            if (a.session() instanceof MultiDeviceSession m) {
                int user = following.userAddress() == null ? -1 : following.userAddress();
                if (m != toldSession ? user >= 0 : user != toldUser) {
                    m.designate(user);
                }
                toldSession = m;
                toldUser = user;
                return m;
            }
        }
        return null;
    }
}
