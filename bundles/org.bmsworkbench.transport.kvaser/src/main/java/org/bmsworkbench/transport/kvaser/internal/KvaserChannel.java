package org.bmsworkbench.transport.kvaser.internal;

import static org.bmsworkbench.transport.kvaser.internal.CanlibConstants.*;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
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
 * One CANlib channel on the bus. Its reader thread blocks in {@code canReadWait} (100 ms at
 * most, so that it sees a close); a status that says the device went away ({@link
 * CanlibStatus#gone}) takes the channel off the bus and closes its handle, reports {@link
 * ConnectionState#RECONNECTING} with the reason and opens it again after a back-off ({@link
 * Reconnection}; the loop is the can SPI's {@link AdapterChannel}). Bus states ({@code canReadStatus})
 * are reported once each as transport errors.
 */
final class KvaserChannel extends AdapterChannel<KvaserChannel.Opened> {
    private static final NativeLong WAIT_MILLIS = new NativeLong(100);
    private static final long STATUS_EVERY_NANOS = 200_000_000L;
    private final Canlib api;
    private final KvaserSettings settings;
    private final Object sendLock = new Object();
    private final Memory sendBuffer = new Memory(8);
    private final AdapterTime clock = new AdapterTime();
    // reader thread only
    private final Memory id = new Memory(Native.LONG_SIZE);
    private final Memory msg = new Memory(64);
    private final Memory dlc = new Memory(4);
    private final Memory flag = new Memory(4);
    private final Memory time = new Memory(Native.LONG_SIZE);
    private final Memory status = new Memory(Native.LONG_SIZE);
    private long busFlags;
    private int lastError;
    private long statusCheckedAt;

    /** An open handle on the bus, and the length of its timer's tick. */
    record Opened(int handle, int microsPerTick) {
    }

    KvaserChannel(Canlib api, KvaserSettings settings, Opened first, Listener listener, KvaserTransport.Timing timing,
            Consumer<CanChannel> onClose) {
        super(new Setup("kvaser", settings.busName(), "bmswb-kvaser-" + settings.channel(), settings.bitrate(),
                settings.listenOnly()), first, listener, timing.firstDelayMillis(), timing.maxDelayMillis(),
                onClose);
        this.api = api;
        this.settings = settings;
    }

    /** Opens the channel and puts it on the bus; the message says which step failed and why. */
    static Opened open(Canlib api, KvaserSettings s) throws IOException {
        String name = s.busName();
        int h = api.canOpenChannel(s.channel(), canOPEN_ACCEPT_VIRTUAL);
        if (h < 0) {
            throw new IOException(name + ": canOpenChannel(" + s.channel() + ") failed: " + CanlibStatus.describe(h)
                    + (h == canERR_NOTFOUND ? " — is the adapter plugged in? 'bmswb adapters' lists the CANlib channels" : ""));
        }
        try {
            check(name, "canSetBusParams(" + Bitrates.label(s.bitrate()) + ")",
                    api.canSetBusParams(h, new NativeLong(s.canBitrate()), 0, 0, 0, 0, 0));
            check(name, "canSetBusOutputControl(" + (s.listenOnly() ? "silent" : "normal") + ")",
                    api.canSetBusOutputControl(h, s.listenOnly() ? canDRIVER_SILENT : canDRIVER_NORMAL));
            Memory scale = new Memory(4);
            scale.setInt(0, 1);
            int microsPerTick = api.canIoCtl(h, canIOCTL_SET_TIMER_SCALE, scale, 4) == canOK ? 1 : 1000;
            check(name, "canBusOn", api.canBusOn(h));
            return new Opened(h, microsPerTick);
        } catch (IOException e) {
            api.canClose(h);
            throw e;
        }
    }

    private static void check(String name, String call, int status) throws IOException {
        if (status != canOK) {
            throw new IOException(name + ": " + call + " failed: " + CanlibStatus.describe(status));
        }
    }

    @Override
    protected String readOne(Opened o) throws InterruptedException {
        int st = api.canReadWait(o.handle(), id, msg, dlc, flag, time, WAIT_MILLIS);
        if (st == canOK) {
            deliver(o, id, msg, dlc.getInt(0), flag.getInt(0), unsignedLong(time));
        } else if (CanlibStatus.gone(st)) {
            return CanlibStatus.describe(st);
        } else if (st != canERR_NOMSG) {
            if (st != lastError) {
                lastError = st;
                transportError("canReadWait: " + CanlibStatus.describe(st));
            }
            Thread.sleep(100);
        }
        long now = System.nanoTime();
        if (now - statusCheckedAt > STATUS_EVERY_NANOS) {
            statusCheckedAt = now;
            return checkStatus(o);
        }
        return null;
    }

    @Override
    protected Opened reopen() throws IOException {
        return open(api, settings);
    }

    /** Takes the channel off the bus and closes its handle. */
    @Override
    protected void release(Opened o, boolean orderly) {
        api.canBusOff(o.handle());
        api.canClose(o.handle());
    }

    @Override
    protected void reconnected(Opened o) {
        clock.reset();
        busFlags = 0;
        lastError = 0;
    }

    private String checkStatus(Opened o) {
        int st = api.canReadStatus(o.handle(), status);
        if (CanlibStatus.gone(st)) {
            return CanlibStatus.describe(st);
        }
        if (st != canOK) {
            return null;
        }
        long flags = unsignedLong(status) & (canSTAT_ERROR_PASSIVE | canSTAT_BUS_OFF | canSTAT_ERROR_WARNING);
        if (flags != busFlags) {
            busFlags = flags;
            if (flags != 0) {
                transportError(busState(flags));
            }
        }
        return null;
    }

    static String busState(long flags) {
        StringBuilder b = new StringBuilder();
        if ((flags & canSTAT_BUS_OFF) != 0) {
            b.append("canSTAT_BUS_OFF: the controller is bus-off");
        }
        if ((flags & canSTAT_ERROR_PASSIVE) != 0) {
            b.append(b.isEmpty() ? "" : "; ").append("canSTAT_ERROR_PASSIVE: the controller is error passive");
        }
        if ((flags & canSTAT_ERROR_WARNING) != 0) {
            b.append(b.isEmpty() ? "" : "; ").append("canSTAT_ERROR_WARNING: an error counter reached the warning level");
        }
        return b.toString();
    }

    private static long unsignedLong(Memory m) {
        return Native.LONG_SIZE == 8 ? m.getLong(0) : m.getInt(0) & 0xFFFFFFFFL;
    }

    private void deliver(Opened o, Memory idBuffer, Memory msg, int dlc, int flags, long ticks) {
        long time = clock.toWallClock(ticks * o.microsPerTick(), System.currentTimeMillis() * 1000);
        if ((flags & canMSGERR_OVERRUN) != 0) {
            transportError("frames lost before this one (" + ((flags & canMSGERR_HW_OVERRUN) != 0
                    ? "the adapter's" : "the driver's") + " receive buffer overran)");
        }
        boolean extended = (flags & canMSG_EXT) != 0;
        int id = (int) unsignedLong(idBuffer) & (extended ? 0x1FFFFFFF : 0x7FF);
        int len = Math.max(0, Math.min(dlc, 8));
        String bus = bus();
        CanFrame frame;
        if ((flags & canMSG_ERROR_FRAME) != 0) {
            frame = CanFrame.error(time, bus, 0);
        } else if ((flags & canMSG_RTR) != 0) {
            frame = CanFrame.remote(time, bus, id, extended, len);
        } else {
            frame = CanFrame.wrap(time, bus, id, extended, msg.getByteArray(0, len));
        }
        listener().onFrame(frame);
    }

    @Override
    protected void write(Opened o, CanFrame frame) throws IOException {
        synchronized (sendLock) {
            int flags = (frame.extended() ? canMSG_EXT : canMSG_STD) | (frame.remote() ? canMSG_RTR : 0);
            if (!frame.remote()) {
                sendBuffer.write(0, frame.data(), 0, frame.length());
            }
            int st = api.canWrite(o.handle(), new NativeLong(frame.id()), sendBuffer,
                    frame.remote() ? frame.dlc() : frame.length(), flags);
            if (st != canOK) {
                throw new IOException("kvaser " + bus() + ": cannot send " + frame + ": " + CanlibStatus.describe(st));
            }
        }
    }

    @Override
    public String toString() {
        return "kvaser:" + settings.channel();
    }
}
