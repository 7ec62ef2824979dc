package org.bmsworkbench.can.spi;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;

/**
 * What the channels of the native adapter transports ({@code pcan:}, {@code kvaser:}, {@code gsusb:})
 * share, and {@link AdapterChannel} puts together: one reader thread per channel that reconnects when
 * the adapter goes away, a listen-only mode, data and remote frames only (classic CAN unless the
 * channel says otherwise). The messages name the scheme and the bus: {@code "pcan PCAN_USBBUS1 is
 * listen-only …"}, {@code "kvaser0 gone (…), retrying in 500 ms"}.
 */
public final class AdapterChannels {
    private AdapterChannels() {
    }

    /**
     * The {@code RECONNECTING} detail of the adapter channel {@code bus}: {@code "BUS gone (WHY),
     * retrying in …"}, then {@code "BUS still gone (WHY), …"}; a reason that starts with
     * {@code "BUS: "} loses that prefix.
     */
    public static Reconnection.Reason gone(String bus) {
        return (why, isFirst, retryIn) -> bus + (isFirst ? " gone (" : " still gone (")
                + (why.startsWith(bus + ": ") ? why.substring(bus.length() + 2) : why) + "), retrying in " + retryIn;
    }

    /**
     * Refuses, with a message naming the channel and the frame, what an adapter channel cannot send
     * now: anything in listen-only mode, error, CAN FD and byte-stream frames, anything while the
     * channel is closed or the adapter is gone.
     *
     * @param scheme the transport's URI scheme: {@code pcan}
     * @param up     whether the adapter is there (false while reconnecting)
     */
    public static void checkSendable(String scheme, String bus, CanFrame frame, boolean listenOnly, boolean closed,
            boolean up) throws IOException {
        checkModeAndKind(scheme, bus, frame, listenOnly);
        if (frame.fd()) {
            throw fdRefused(scheme, bus, frame);
        }
        checkUp(scheme, bus, frame, closed, up);
    }

    /** Refuses anything in listen-only mode, and error and byte-stream frames. */
    static void checkModeAndKind(String scheme, String bus, CanFrame frame, boolean listenOnly) throws IOException {
        if (listenOnly) {
            throw new IOException(scheme + " " + bus + " is listen-only (mode=listen-only): nothing is sent; cannot send "
                    + frame);
        }
        if (frame.error() || frame.chunk()) {
            throw new IOException(scheme + " " + bus + ": only data and remote frames can be sent (" + frame + ")");
        }
    }

    /** The refusal of a CAN FD frame by a classic CAN transport. */
    static IOException fdRefused(String scheme, String bus, CanFrame frame) {
        return new IOException(scheme + " " + bus + ": CAN FD frames are not sent by this transport (" + frame + ")");
    }

    /** Refuses anything while the channel is closed or the adapter is gone. */
    static void checkUp(String scheme, String bus, CanFrame frame, boolean closed, boolean up) throws IOException {
        if (closed || !up) {
            throw new IOException(scheme + " " + bus + ": " + (closed ? "channel closed" : "adapter gone (reconnecting)")
                    + "; cannot send " + frame);
        }
    }

    /**
     * Waits up to 2 s for a channel's reader thread to end after the channel was marked closed,
     * unless called on the reader itself; true when the reader never started, so that the caller
     * releases what it opened for it.
     */
    public static boolean awaitReader(Thread reader) {
        if (Thread.currentThread() != reader && reader.isAlive()) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        return reader.getState() == Thread.State.NEW;
    }
}
