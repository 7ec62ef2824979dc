package org.bmsworkbench.can.spi;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The channel of a native adapter transport ({@code pcan:}, {@code kvaser:}, {@code gsusb:}): one
 * reader thread that reads until the channel is closed or the adapter goes away; then it releases
 * the adapter, reports {@link ConnectionState#RECONNECTING} ({@link AdapterChannels#gone}) and opens
 * it again after a back-off ({@link Reconnection}), then reports {@link ConnectionState#CONNECTED}
 * ({@code "BUS is back (500 kbit/s)"}). {@link #close()} acts once: it ends a wait at once, and the
 * reader, within one {@link #readOne}, releases the adapter; a reader never started has the closing
 * thread release it. {@link #send} refuses what the channel cannot send with a message naming the
 * scheme, the bus and the frame ({@link AdapterChannels#checkSendable}).
 *
 * <p>The transport writes what differs: {@link #readOne} (read what comes within a short wait and
 * report it), {@link #reopen}, {@link #release}, {@link #write}, and, optionally, {@link #checkFd}
 * and {@link #reconnected}.
 *
 * @param <L> what one opening of the adapter gives: a handle, a session; released once
 */
@ConsumerType
public abstract class AdapterChannel<L> implements CanChannel {

    /**
     * What a channel is.
     *
     * @param scheme     the transport's URI scheme, first word of the send refusals: {@code pcan}
     * @param bus        the bus name of the channel's frames and messages: {@code PCAN_USBBUS1}
     * @param readerName the name of the reader thread: {@code bmswb-pcan-PCAN_USBBUS1}
     * @param bitrate    the nominal bit rate in bit/s
     * @param listenOnly whether the channel only listens (sends nothing)
     */
    public record Setup(String scheme, String bus, String readerName, int bitrate, boolean listenOnly) {
        public Setup {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(bus, "bus");
            Objects.requireNonNull(readerName, "readerName");
        }
    }

    private final Setup setup;
    private final Listener listener;
    private final Consumer<? super AdapterChannel<L>> onClose;
    private final Reconnection reconnection;
    private final Thread reader;
    /** The adapter as last opened; the reader's until the channel is closed. */
    private volatile L link;
    private volatile boolean up = true;
    private volatile boolean closed;

    /**
     * @param first            the adapter, opened; released by the reader, or by {@link #close()} when the
     *                         reader never started
     * @param firstDelayMillis the first wait before opening the adapter again
     * @param maxDelayMillis   the longest
     * @param onClose          told once the channel is closed
     */
    protected AdapterChannel(Setup setup, L first, Listener listener, long firstDelayMillis, long maxDelayMillis,
            Consumer<? super AdapterChannel<L>> onClose) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.link = Objects.requireNonNull(first, "first");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.reconnection = new Reconnection(firstDelayMillis, maxDelayMillis, listener, AdapterChannels.gone(setup.bus()));
        this.reader = new Thread(this::run, setup.readerName());
        reader.setDaemon(true);
    }

    /**
     * Reads what the adapter has within a short wait (about 100 ms, so that the reader sees a close)
     * and reports it. On the reader thread, called again and again until the channel is closed.
     *
     * @return null to read on; why the adapter is gone ({@code "unplugged: …"}), which ends this link
     */
    protected abstract String readOne(L link) throws InterruptedException;

    /** Opens the adapter again after it went away; the message says why not. On the reader thread. */
    protected abstract L reopen() throws IOException;

    /**
     * Releases an opened adapter, once: after it went away ({@code orderly} false), or when the
     * channel is closed ({@code orderly} true: stop the adapter first if it is there).
     */
    protected abstract void release(L link, boolean orderly);

    /** Sends a frame that {@link #send} let through; the message of a failure names the frame. */
    protected abstract void write(L link, CanFrame frame) throws IOException;

    /**
     * Refuses a CAN FD frame this channel cannot send, after the listen-only and frame-kind checks,
     * before the closed and gone ones. By default every one: a classic CAN adapter.
     */
    protected void checkFd(L link, CanFrame frame) throws IOException {
        throw AdapterChannels.fdRefused(setup.scheme(), setup.bus(), frame);
    }

    /** The adapter was opened again: forget what held for the last link (clocks, bus states). On the reader thread. */
    protected void reconnected(L link) {
    }

    /** Starts the reader thread. */
    public final void start() {
        reader.start();
    }

    private void run() {
        while (true) {
            L current = link;
            String lost = pump(current);
            up = false;
            if (closed) {
                release(current, true);
                return;
            }
            release(current, false);
            L again = reconnection.retry(lost, this::reopen);
            if (again == null) {
                return; // closed while waiting; nothing is open
            }
            if (closed) {
                release(again, true);
                return;
            }
            link = again;
            reconnected(again);
            up = true;
            listener.onState(ConnectionState.CONNECTED,
                    setup.bus() + " is back (" + Bitrates.label(setup.bitrate()) + ")");
        }
    }

    /** Reads until the channel is closed (null) or the adapter went away (why). */
    private String pump(L current) {
        try {
            while (!closed) {
                String gone = readOne(current);
                if (gone != null) {
                    return gone;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public final void send(CanFrame frame) throws IOException {
        L l = link;
        AdapterChannels.checkModeAndKind(setup.scheme(), setup.bus(), frame, setup.listenOnly());
        if (frame.fd()) {
            checkFd(l, frame);
        }
        AdapterChannels.checkUp(setup.scheme(), setup.bus(), frame, closed, up);
        write(l, frame);
    }

    @Override
    public final int bitrate() {
        return setup.bitrate();
    }

    /** Ends the reader (within one {@link #readOne}), which releases the adapter. */
    @Override
    public final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reconnection.close();
        if (AdapterChannels.awaitReader(reader)) {
            release(link, true);
        }
        onClose.accept(this);
    }

    /** The adapter as last opened (still the last one while reconnecting). */
    protected final L link() {
        return link;
    }

    /** Whether the channel is closed. */
    protected final boolean isClosed() {
        return closed;
    }

    /** Whether the channel can send: not closed, the adapter there. */
    protected final boolean isUp() {
        return up && !closed;
    }

    protected final Listener listener() {
        return listener;
    }

    protected final String bus() {
        return setup.bus();
    }

    /** Reports {@code "BUS: MESSAGE"} as a transport error. */
    protected final void transportError(String message) {
        listener.onTransportError(setup.bus() + ": " + message);
    }

    /** The reader thread (for tests: whether it ended, the CPU it took). */
    public final Thread reader() {
        return reader;
    }
}
