package org.bmsworkbench.bms.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;

/**
 * Asks a BMS that speaks only when asked (see {@code ProtocolSession.pollRequests}) for its
 * values, on a thread of its own, {@code bmswb-poll}: once every poll period it takes the cycle's
 * requests and sends them one after the other, each once the answer to the one before has been
 * decoded ({@link #answered()}) or has timed out, each stamped with the time it is sent. On a
 * {@link StreamLink} it holds the link's exchange lock from a request until its answer. It sends nothing on a listen-only connection, a
 * replay, or while the connection is not connected.
 */
final class LinkPoller implements AutoCloseable {

    /** The longest wait for one answer; shorter when the poll period is shorter. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMillis(500);

    private final Connection connection;
    private final Requests requests;
    private final Consumer<String> problems;
    private final ReentrantLock waitLock = new ReentrantLock();
    private final Condition answer = waitLock.newCondition();
    private final Thread thread;
    private long answers;
    private volatile boolean closed;

    /**
     * @param requests the cycle's requests for a bus name and a time (called on the poll thread)
     * @param problems told a send that failed, once per failure
     */
    LinkPoller(Connection connection, Requests requests, Consumer<String> problems) {
        this.connection = connection;
        this.requests = requests;
        this.problems = problems;
        this.thread = new Thread(this::run, "bmswb-poll " + connection.uri());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** A message was decoded: the request waiting for its answer may go on. */
    void answered() {
        waitLock.lock();
        try {
            answers++;
            answer.signalAll();
        } finally {
            waitLock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            long cycleStart = System.nanoTime();
            StreamLink link = connection.control(StreamLink.class).orElse(null);
            Duration period = link == null ? StreamLink.DEFAULT_POLL_PERIOD : link.pollPeriod();
            if (connection.listenOnly()) {
                return; // never sends: stop for good
            }
            if (connection.state() == ConnectionState.CONNECTED
                    && connection.control(PlaybackControl.class).isEmpty()) {
                cycle(link, period);
            }
            long rest = period.toNanos() - (System.nanoTime() - cycleStart);
            if (rest > 0 && !pause(rest)) {
                return;
            }
        }
    }

    private void cycle(StreamLink link, Duration period) {
        String bus = link == null ? "can0" : link.port();
        List<CanFrame> cycle = requests.of(bus, link != null, System.currentTimeMillis() * 1000);
        long timeout = Math.min(ANSWER_TIMEOUT.toNanos(), period.toNanos());
        for (CanFrame request : cycle) {
            if (closed || !requests.stillAsked(request)) {
                return;
            }
            ReentrantLock exchange = link == null ? null : link.exchangeLock();
            if (exchange != null) {
                exchange.lock();
            }
            try {
                long before = answerCount();
                // stamped when it goes (µs), not when the cycle began: a serial trace's tx line says when it was written
                Instant now = Instant.now();
                connection.send(request.withTimestamp(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000));
                awaitAnswer(before, timeout);
            } catch (IOException | RuntimeException e) {
                problems.accept("could not poll " + connection.uri() + ": " + e.getMessage());
                return;
            } finally {
                if (exchange != null) {
                    exchange.unlock();
                }
            }
        }
    }

    private long answerCount() {
        waitLock.lock();
        try {
            return answers;
        } finally {
            waitLock.unlock();
        }
    }

    private void awaitAnswer(long before, long timeoutNanos) {
        waitLock.lock();
        try {
            long left = timeoutNanos;
            while (answers == before && left > 0 && !closed) {
                left = answer.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            waitLock.unlock();
        }
    }

    /** Sleeps; false when closed or interrupted meanwhile. */
    private boolean pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** The requests of one cycle. */
    @FunctionalInterface
    interface Requests {
        List<CanFrame> of(String bus, boolean byteStream, long timestampMicros);

        /**
         * Whether a request of the cycle under way is still to be sent; false ends the cycle (the
         * probes of an auto session once a protocol was chosen by an answer to one of them).
         */
        default boolean stillAsked(CanFrame request) {
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
