package org.bmsworkbench.can.spi;

import java.io.IOException;
import java.util.Objects;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.ConnectionState;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The reconnect loop of a channel whose link can go away (a serial port unplugged, a server
 * restarted, an interface taken down): report {@link ConnectionState#RECONNECTING} with why and
 * when the next try is, wait, try again, until a try succeeds or the channel is closed. The waits
 * double from the first delay up to the longest ({@link #delayMillis}); each loop starts again at
 * the first delay.
 *
 * <p>One per channel. The channel's reader thread calls {@link #retry}; the channel's
 * {@code close()} calls {@link #close()}, from any thread, which ends a wait at once. Reporting
 * {@link ConnectionState#CONNECTED} once the link is back stays the channel's job (it knows what to
 * say).
 */
@ProviderType
public final class Reconnection {

    /** One try to get the link back: the link, or an {@link IOException} whose message says why not. */
    @FunctionalInterface
    public interface Attempt<T> {
        T open() throws IOException;
    }

    /** The {@code RECONNECTING} detail of one wait. */
    @FunctionalInterface
    public interface Reason {
        /**
         * @param why     why there is no link: the loss given to {@link #retry}, then the last try's failure
         * @param first   whether this is the first wait since the link was lost
         * @param retryIn the wait, as {@link #duration} writes it
         */
        String text(String why, boolean first, String retryIn);
    }

    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final CanChannel.Listener listener;
    private final Reason reason;
    private final Object lock = new Object();
    private boolean closed;

    /**
     * @param firstDelayMillis the first wait (&gt; 0)
     * @param maxDelayMillis   the longest wait (&ge; the first)
     * @param listener         told {@code RECONNECTING} before every wait
     * @param reason           the detail of those reports
     */
    public Reconnection(long firstDelayMillis, long maxDelayMillis, CanChannel.Listener listener, Reason reason) {
        if (firstDelayMillis <= 0 || maxDelayMillis < firstDelayMillis) {
            throw new IllegalArgumentException("back-off " + firstDelayMillis + ".." + maxDelayMillis
                    + " ms: the first wait must be positive and not longer than the longest");
        }
        this.firstDelayMillis = firstDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The wait before try {@code attempt} (0, 1, ...): the first delay, doubled each try, at most the longest. */
    public long delayMillis(int attempt) {
        return Math.min(maxDelayMillis, firstDelayMillis << Math.min(Math.max(attempt, 0), 20));
    }

    /**
     * Reports, waits and tries until a try succeeds (returns its link) or {@link #close()} is called
     * (returns null). On the channel's reader thread.
     *
     * @param lost why the link went away, for the first report
     */
    public <T> T retry(String lost, Attempt<T> attempt) {
        String why = lost;
        int tries = 0;
        while (!isClosed()) {
            long delay = delayMillis(tries);
            listener.onState(ConnectionState.RECONNECTING, reason.text(why, tries == 0, duration(delay)));
            tries++;
            if (!pause(delay)) {
                return null;
            }
            try {
                return attempt.open();
            } catch (IOException e) {
                why = e.getMessage();
            }
        }
        return null;
    }

    /** Waits {@code millis}; false when closed (or interrupted) meanwhile. */
    public boolean pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (lock) {
            while (!closed) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return true;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Ends the loop: a wait returns at once, no try follows. Idempotent. */
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** {@code 30 ms}, {@code 500 ms}, {@code 1 s}, {@code 1.5 s}. */
    public static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
