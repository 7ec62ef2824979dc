package org.bmsworkbench.transport.pcan.internal;

import static org.bmsworkbench.transport.pcan.internal.PcanConstants.*;

import com.sun.jna.Memory;
import java.io.IOException;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.spi.AdapterChannel;
import org.bmsworkbench.can.spi.AdapterTime;
import org.bmsworkbench.can.spi.Bitrates;
import org.bmsworkbench.can.spi.Reconnection;

/**
 * One initialized PCAN-Basic channel. Its reader thread reads with {@code CAN_Read} until the
 * queue is empty, then waits on the receive event ({@link ReceiveWait}); a status that says the
 * adapter went away ({@link PcanStatus#gone}) uninitializes the channel, reports {@link
 * ConnectionState#RECONNECTING} with the reason and initializes it again after a back-off
 * ({@link Reconnection}; the loop is the can SPI's {@link AdapterChannel}). Bus error states are
 * reported once each as transport errors.
 */
final class PcanChannel extends AdapterChannel<ReceiveWait> {
    private static final int WAIT_MILLIS = 100;
    private static final long STATUS_EVERY_NANOS = 200_000_000L;
    private final PcanBasic api;
    private final PcanSettings settings;
    private final boolean windows;
    private final short handle;
    private final Object sendLock = new Object();
    private final Memory sendBuffer = new Memory(TPCANMSG_SIZE);
    private final AdapterTime clock = new AdapterTime();
    // reader thread only
    private final Memory msg = new Memory(TPCANMSG_SIZE);
    private final Memory ts = new Memory(TPCANTIMESTAMP_SIZE);
    private int busErrors;
    private long statusCheckedAt;

    PcanChannel(PcanBasic api, PcanSettings settings, boolean windows, ReceiveWait first, Listener listener,
            PcanTransport.Timing timing, Consumer<CanChannel> onClose) {
        super(new Setup("pcan", settings.busName(), "bmswb-pcan-" + settings.busName(), settings.bitrate(),
                settings.listenOnly()), first, listener, timing.firstDelayMillis(), timing.maxDelayMillis(), onClose);
        this.api = api;
        this.settings = settings;
        this.windows = windows;
        this.handle = (short) settings.handle();
    }

    /** Sets the channel up ({@code PCAN_LISTEN_ONLY}, {@code CAN_Initialize}); the message says why not. */
    static void initialize(PcanBasic api, PcanSettings s) throws IOException {
        short h = (short) s.handle();
        String name = s.busName();
        if (s.listenOnly()) {
            Memory on = new Memory(4);
            on.setInt(0, PCAN_PARAMETER_ON);
            int st = api.CAN_SetValue(h, PCAN_LISTEN_ONLY, on, 4);
            if (st != PCAN_ERROR_OK) {
                throw new IOException(name + ": cannot switch to listen-only: " + PcanStatus.describe(st));
            }
        }
        int st = api.CAN_Initialize(h, s.btr0btr1(), (byte) 0, 0, (short) 0);
        if (st != PCAN_ERROR_OK) {
            String hint = (st & 0x1C00) == PCAN_ERROR_ILLHW ? " — is the adapter plugged in? 'bmswb adapters' lists the"
                    + " attached channels" : (st & PCAN_ERROR_INITIALIZE) != 0 ? " — another program (PCAN-View?) may"
                    + " have it open" : "";
            throw new IOException(name + ": CAN_Initialize at " + Bitrates.label(s.bitrate()) + " failed: "
                    + PcanStatus.describe(st) + hint);
        }
    }

    /** Reads until the queue is empty, then waits on the receive event; why the adapter is gone, or null. */
    @Override
    protected String readOne(ReceiveWait wait) throws InterruptedException {
        int st = api.CAN_Read(handle, msg, ts);
        if (st == PCAN_ERROR_OK) {
            deliver(msg, ts);
            return null;
        }
        if (PcanStatus.gone(st)) {
            return PcanStatus.describe(st);
        }
        long now = System.nanoTime();
        int busBits = st & PCAN_ERROR_ANYBUSERR;
        if (now - statusCheckedAt > STATUS_EVERY_NANOS || (busBits != 0 && busBits != busErrors)) {
            statusCheckedAt = now;
            String gone = checkStatus();
            if (gone != null) {
                return gone;
            }
        }
        if ((st & (PCAN_ERROR_QOVERRUN | PCAN_ERROR_OVERRUN)) != 0) {
            transportError("frames lost: " + PcanStatus.describe(st & (PCAN_ERROR_QOVERRUN | PCAN_ERROR_OVERRUN)));
            return null;
        }
        int other = st & ~(PCAN_ERROR_ANYBUSERR | PCAN_ERROR_QRCVEMPTY);
        if (other != 0) {
            transportError("CAN_Read: " + PcanStatus.describe(st));
        }
        wait.await(WAIT_MILLIS);
        return null;
    }

    @Override
    protected ReceiveWait reopen() throws IOException {
        initialize(api, settings);
        return ReceiveWait.open(api, handle, windows);
    }

    /** Closes the receive event and uninitializes the channel. */
    @Override
    protected void release(ReceiveWait wait, boolean orderly) {
        wait.close();
        api.CAN_Uninitialize(handle);
    }

    @Override
    protected void reconnected(ReceiveWait wait) {
        clock.reset();
        busErrors = 0;
    }

    /**
     * The bus state from {@code CAN_GetStatus} (a read reports a state change once, the status
     * says what holds now): reported once each time it changes. Why the adapter is gone, or null.
     */
    private String checkStatus() {
        int st = api.CAN_GetStatus(handle);
        if (PcanStatus.gone(st)) {
            return PcanStatus.describe(st);
        }
        int bits = st & PCAN_ERROR_ANYBUSERR;
        if (bits != busErrors) {
            busErrors = bits;
            if (bits != 0) {
                transportError(PcanStatus.describe(bits));
            }
        }
        return null;
    }

    private void deliver(Memory msg, Memory ts) {
        long hostMicros = System.currentTimeMillis() * 1000;
        // TPCANTimestamp: micros + 1000 * millis + 1000 * 2^32 * millis_overflow (PCANBasic.h)
        long micros = (ts.getShort(6) & 0xFFFFL) + 1000L * (ts.getInt(0) & 0xFFFFFFFFL)
                + 1000L * 0x1_0000_0000L * (ts.getShort(4) & 0xFFFFL);
        long time = clock.toWallClock(micros, hostMicros);
        int type = msg.getByte(4) & 0xFF;
        if ((type & (PCAN_MESSAGE_STATUS & 0xFF)) != 0) {
            return; // status messages only come when PCAN_ALLOW_STATUS_FRAMES is on; bus states come from CAN_GetStatus
        }
        int len = Math.min(8, msg.getByte(5) & 0xFF);
        String bus = bus();
        boolean extended = (type & PCAN_MESSAGE_EXTENDED) != 0;
        int id = msg.getInt(0) & (extended ? 0x1FFFFFFF : 0x7FF);
        CanFrame frame;
        if ((type & PCAN_MESSAGE_ERRFRAME) != 0) {
            frame = CanFrame.error(time, bus, 0, msg.getByteArray(6, len));
        } else if ((type & PCAN_MESSAGE_RTR) != 0) {
            frame = CanFrame.remote(time, bus, id, extended, len);
        } else {
            frame = CanFrame.wrap(time, bus, id, extended, msg.getByteArray(6, len));
        }
        listener().onFrame(frame);
    }

    @Override
    protected void write(ReceiveWait wait, CanFrame frame) throws IOException {
        synchronized (sendLock) {
            sendBuffer.clear();
            sendBuffer.setInt(0, frame.id());
            sendBuffer.setByte(4, (byte) ((frame.extended() ? PCAN_MESSAGE_EXTENDED : PCAN_MESSAGE_STANDARD)
                    | (frame.remote() ? PCAN_MESSAGE_RTR : 0)));
            sendBuffer.setByte(5, (byte) (frame.remote() ? frame.dlc() : frame.length()));
            if (!frame.remote()) {
                sendBuffer.write(6, frame.data(), 0, frame.length());
            }
            int st = api.CAN_Write(handle, sendBuffer);
            if (st != PCAN_ERROR_OK) {
                throw new IOException("pcan " + bus() + ": cannot send " + frame + ": " + PcanStatus.describe(st));
            }
        }
    }

    String waitKind() {
        return link().kind();
    }

    @Override
    public String toString() {
        return "pcan:" + bus();
    }
}
