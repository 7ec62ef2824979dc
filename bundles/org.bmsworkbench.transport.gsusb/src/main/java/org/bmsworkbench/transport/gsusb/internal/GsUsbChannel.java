package org.bmsworkbench.transport.gsusb.internal;

import static org.bmsworkbench.transport.gsusb.internal.GsUsb.*;

import java.io.IOException;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.spi.AdapterChannel;
import org.bmsworkbench.can.spi.Bitrates;
import org.bmsworkbench.can.spi.Reconnection;

/**
 * One started gs_usb channel. Its reader thread reads host frames from the bulk IN endpoint (a
 * 100 ms blocking read, no polling): frames from the bus go to the listener with the device's
 * time; echoes of our frames free their echo slot; error frames also report the controller's
 * state once each time it changes. A transfer that fails because the device is gone stops the
 * session, reports {@link ConnectionState#RECONNECTING} and starts it again after a back-off
 * ({@link Reconnection}; the loop is the can SPI's {@link AdapterChannel}).
 *
 * <p>{@link #send} writes a host frame with a free echo id; ten may wait for their echo (Linux's
 * GS_MAX_TX_URBS), the device's word that the frame went out on the bus. With all ten waiting a send
 * waits up to the echo time-out for one (never on the reader thread, which frees them), then fails;
 * frames left unechoed that long are reported once as a transport error: nobody acknowledges them.
 * It never waits for its own echo: senders call it holding their locks, which the reader may need
 * to deliver the frame it is reading.
 */
final class GsUsbChannel extends AdapterChannel<GsUsbSession> {
    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final int WRITE_TIMEOUT_MILLIS = 1000;
    private final UsbAccess usb;
    private final GsUsbSettings settings;
    private final String serial;
    private final long echoTimeoutMillis;
    private final DeviceClock clock = new DeviceClock();
    /** Our frames waiting for their echo, by echo id; guarded by itself. */
    private final CanFrame[] pending = new CanFrame[ECHO_SLOTS];
    /** When each pending frame was written (System.nanoTime); guarded by {@link #pending}. */
    private final long[] pendingSince = new long[ECHO_SLOTS];
    /** Whether unechoed frames were reported (until an echo comes); reader thread only. */
    private boolean unechoedReported;
    /** The host frames of the session being read; reader thread only. */
    private byte[] buffer;
    private String controllerState = "error active";

    GsUsbChannel(UsbAccess usb, GsUsbSettings settings, GsUsbSession first, Listener listener,
            GsUsbTransport.Timing timing, Consumer<CanChannel> onClose) {
        super(new Setup("gsusb", settings.busName(), "bmswb-gsusb-" + settings.busName(), settings.bitrate(),
                settings.listenOnly()), first, listener, timing.firstDelayMillis(), timing.maxDelayMillis(), onClose);
        this.usb = usb;
        this.settings = settings;
        this.serial = settings.serial() != null ? settings.serial()
                : first.device().serial().isEmpty() ? null : first.device().serial();
        this.echoTimeoutMillis = timing.echoTimeoutMillis();
        this.buffer = new byte[first.receiveSize()];
    }

    /** What the channel runs: {@code 500 kbit/s, sample point 87.5 %, …}. */
    String describe() {
        GsUsbSession s = link();
        return rate(settings.bitrate(), s.nominal()) + " (" + s.nominal() + ")"
                + (s.fd() ? ", CAN FD data " + rate(settings.dataBitrate(), s.data()) + " (" + s.data() + ")" : "");
    }

    /** {@code 500 kbit/s}, or {@code 5 Mbit/s (really 4800000 bit/s)} when the clock cannot make it exactly. */
    private static String rate(int asked, BitTiming t) {
        return Bitrates.label(asked) + (t.bitrate() == asked ? "" : " (really " + t.bitrate() + " bit/s)");
    }

    /** Reads one host frame (a 100 ms bulk read); why the device is gone, or null. */
    @Override
    protected String readOne(GsUsbSession s) {
        int n;
        try {
            n = s.link().bulkIn(buffer, READ_TIMEOUT_MILLIS);
        } catch (UsbException e) {
            if (e.kind() == UsbException.Kind.TIMEOUT) {
                return null;
            }
            return e.kind() == UsbException.Kind.NO_DEVICE ? "unplugged: " + e.getMessage() : e.getMessage();
        }
        checkEchoes();
        if (n == 0) {
            return null;
        }
        HostFrame f;
        try {
            f = HostFrame.decode(buffer, n, s.timestamps());
        } catch (IllegalArgumentException e) {
            transportError(e.getMessage());
            return null;
        }
        if (f.channel() != settings.channel()) {
            return null;
        }
        if (f.echo()) {
            echoed(f.echoId());
            return null;
        }
        deliver(f);
        return null;
    }

    @Override
    protected GsUsbSession reopen() throws IOException {
        return GsUsbSession.start(usb.get(), settings, serial);
    }

    /** Stops the channel on the device when closing (else it is gone: only released) and frees every echo slot. */
    @Override
    protected void release(GsUsbSession s, boolean orderly) {
        if (orderly) {
            s.stop(settings.channel());
        } else {
            s.link().close();
        }
        releaseEchoes();
    }

    @Override
    protected void reconnected(GsUsbSession s) {
        clock.reset();
        buffer = new byte[s.receiveSize()];
        controllerState = "error active";
    }

    private void deliver(HostFrame f) {
        long host = System.currentTimeMillis() * 1000;
        long time = host;
        if (f.timestamp() >= 0) {
            time = clock.toWallClock(f.timestamp(), host);
        }
        if ((f.flags() & FLAG_OVERFLOW) != 0) {
            transportError("the adapter's receive queue overflowed; frames were lost");
        }
        CanFrame frame;
        try {
            frame = f.toCanFrame(time, bus());
        } catch (IllegalArgumentException e) {
            transportError(e.getMessage());
            return;
        }
        if (frame.error()) {
            controller(f);
        }
        listener().onFrame(frame);
    }

    /** An error frame's controller state (linux/can/error.h), reported once each time it changes; lost frames each time. */
    private void controller(HostFrame f) {
        int classes = f.canId() & CAN_EFF_MASK;
        int crtl = f.data().length > 1 ? f.data()[1] & 0xFF : 0;
        if ((classes & CAN_ERR_CRTL) != 0 && (crtl & (CAN_ERR_CRTL_RX_OVERFLOW | CAN_ERR_CRTL_TX_OVERFLOW)) != 0) {
            transportError("the CAN controller's " + ((crtl & CAN_ERR_CRTL_RX_OVERFLOW) != 0
                    ? "receive" : "transmit") + " buffer overflowed");
        }
        String state = null;
        if ((classes & CAN_ERR_BUSOFF) != 0) {
            state = "bus off";
        } else if ((classes & CAN_ERR_CRTL) != 0) {
            if ((crtl & (CAN_ERR_CRTL_RX_PASSIVE | CAN_ERR_CRTL_TX_PASSIVE)) != 0) {
                state = "error passive";
            } else if ((crtl & (CAN_ERR_CRTL_RX_WARNING | CAN_ERR_CRTL_TX_WARNING)) != 0) {
                state = "error warning";
            } else if ((crtl & CAN_ERR_CRTL_ACTIVE) != 0) {
                state = "error active";
            }
        } else if ((classes & CAN_ERR_RESTARTED) != 0) {
            state = "error active";
        }
        if (state != null && !state.equals(controllerState)) {
            controllerState = state;
            transportError("the CAN controller is " + state
                    + (state.equals("bus off") ? " (too many errors: is the bit rate right and the bus terminated?)" : ""));
        }
    }

    private void echoed(int echoId) {
        synchronized (pending) {
            if (echoId >= 0 && echoId < ECHO_SLOTS && pending[echoId] != null) {
                pending[echoId] = null;
                pending.notifyAll();
                unechoedReported = false;
            }
        }
    }

    /** Reports, once until an echo comes, frames waiting for their echo longer than the echo time-out. */
    private void checkEchoes() {
        if (unechoedReported) {
            return;
        }
        int late = 0;
        long now = System.nanoTime();
        synchronized (pending) {
            for (int i = 0; i < ECHO_SLOTS; i++) {
                if (pending[i] != null && now - pendingSince[i] > echoTimeoutMillis * 1_000_000) {
                    late++;
                }
            }
        }
        if (late > 0) {
            unechoedReported = true;
            transportError("the adapter has not echoed " + late + (late == 1 ? " frame" : " frames")
                    + " within " + echoTimeoutMillis + " ms: nobody acknowledges them on the bus (is the bus connected,"
                    + " the bit rate right, another node powered?)");
        }
    }

    private void releaseEchoes() {
        synchronized (pending) {
            java.util.Arrays.fill(pending, null);
            pending.notifyAll();
        }
    }

    /** A CAN FD frame goes out on a channel opened with {@code dbitrate=} only. */
    @Override
    protected void checkFd(GsUsbSession s, CanFrame frame) throws IOException {
        if (!s.fd()) {
            throw new IOException("gsusb " + bus() + ": a CAN FD frame needs the channel opened with dbitrate= (it runs"
                    + " classic CAN); cannot send " + frame);
        }
    }

    @Override
    protected void write(GsUsbSession s, CanFrame frame) throws IOException {
        int slot = takeSlot(frame);
        if (slot < 0) {
            throw new IOException("gsusb " + bus() + ": " + ECHO_SLOTS + " frames still wait for the adapter's echo: nobody"
                    + " acknowledges them on the bus (is the bus connected, the bit rate right, another node powered?);"
                    + " cannot send " + frame);
        }
        try {
            s.link().bulkOut(HostFrame.of(frame, settings.channel(), slot).encode(false), WRITE_TIMEOUT_MILLIS);
        } catch (UsbException e) {
            echoed(slot);
            throw new IOException("gsusb " + bus() + ": cannot send " + frame + ": " + e.getMessage());
        }
    }

    /** A free echo id for {@code frame}, waiting up to the echo time-out for one (not on the reader); -1 when none. */
    private int takeSlot(CanFrame frame) throws IOException {
        long deadline = System.nanoTime() + echoTimeoutMillis * 1_000_000;
        synchronized (pending) {
            while (true) {
                for (int i = 0; i < ECHO_SLOTS; i++) {
                    if (pending[i] == null) {
                        pending[i] = frame;
                        pendingSince[i] = System.nanoTime();
                        return i;
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (Thread.currentThread() == reader() || left <= 0 || !isUp()) {
                    return -1;
                }
                try {
                    pending.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("gsusb " + bus() + ": interrupted waiting to send " + frame);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "gsusb:" + bus();
    }
}
