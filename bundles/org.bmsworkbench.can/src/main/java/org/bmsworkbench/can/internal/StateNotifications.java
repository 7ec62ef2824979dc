package org.bmsworkbench.can.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Subscription;

/**
 * Tells a connection's state listeners of its changes, one change at a time and in the order
 * the changes were made, so that the last state a listener hears is the connection's state.
 *
 * <p>The connection {@link #queue queues} each change while it holds its own lock (so the
 * queue's order is the order of the changes) and calls {@link #deliver()} after letting go of
 * it. One thread at a time delivers: a thread that finds another delivering leaves its change
 * to that thread, which delivers it right after the ones before it, and returns at once. So
 * no thread ever waits here, listeners are never called under the connection's lock, and a
 * listener may change the connection (its change is delivered after the current one has
 * reached every listener). The price: a caller whose change is left to another thread may
 * return before the listeners heard of it.
 */
final class StateNotifications {
    /** A state and its detail, changed together. */
    record Status(ConnectionState state, String detail) {
    }

    private final CopyOnWriteArrayList<BiConsumer<ConnectionState, String>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Status> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final Runnable onListenerFailure;

    /** @param onListenerFailure told when a listener throws (the others are still told) */
    StateNotifications(Runnable onListenerFailure) {
        this.onListenerFailure = onListenerFailure;
    }

    Subscription add(BiConsumer<ConnectionState, String> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Queues a change; called under the connection's lock, in the order the changes are made. */
    void queue(Status change) {
        queue.add(change);
    }

    /** Delivers the queued changes unless another thread is at it; called without the connection's lock. */
    void deliver() {
        while (!queue.isEmpty() && delivering.compareAndSet(false, true)) {
            try {
                Status c;
                while ((c = queue.poll()) != null) {
                    tellAll(c);
                }
            } finally {
                delivering.set(false);
            }
            // a change queued after the last poll but before the flag was cleared is taken by the next round
        }
    }

    private void tellAll(Status c) {
        for (BiConsumer<ConnectionState, String> l : listeners) {
            try {
                l.accept(c.state(), c.detail());
            } catch (RuntimeException e) {
                onListenerFailure.run(); // a broken listener must not stop the others
            }
        }
    }
}
