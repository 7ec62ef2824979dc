package org.bmsworkbench.transport.gsusb.internal;

import static org.bmsworkbench.transport.gsusb.internal.GsUsb.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.can.CanFrame;

/**
 * A candleLight adapter at the level of USB transfers, behaving as its firmware does as far as the
 * host can see (candleLight_fw {@code include/gs_usb.h} and {@code src/usbd_gs_can.c}; the host side
 * in Linux {@code drivers/net/can/usb/gs_usb.c}): vendor requests HOST_FORMAT (only 0x0000beef is
 * taken), DEVICE_CONFIG, BT_CONST, BT_CONST_EXT (when it has that feature), BITTIMING and
 * DATA_BITTIMING (stalled outside the constants), MODE (reset/start, flags only as its features
 * allow); host frames on the bulk endpoints, each frame we send echoed with its echo id once "the
 * bus" acknowledges it, frames from the bus with echo id 0xFFFFFFFF, the 32-bit microsecond
 * timestamp when started with HW_TIMESTAMP. It can be unplugged (every transfer then fails with
 * NO_DEVICE, as libusb's do) and plugged in again at a new address.
 *
 * <p>Its bus is a queue the test fills ({@link #receive}); a subclass gives it another one (the C
 * stub bus of product/itests' {@code StubBusCandleLight}) through {@link #present()},
 * {@link #busStart()}, {@link #busStop()}, {@link #awaitFrame(int)} and {@link #toBus(HostFrame)}.
 */
public class FakeCandleLight implements UsbBackend {
    static final BitTimingConstants STM32F0 = new BitTimingConstants(48_000_000, 1, 16, 1, 8, 4, 1, 1024, 1);

    final String serial;
    final int channels;
    final int features;
    final BitTimingConstants nominalLimits;
    final BitTimingConstants dataLimits;
    /** Whether another node acknowledges our frames, so that the controller sends them and the firmware echoes them. */
    volatile boolean acknowledged = true;
    /** Every vendor request, in order: {@code "MODE 0 start 0x10"}, {@code "BITTIMING 0 6 7 2 1 6"}. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The host frames written to bulk OUT. */
    final List<HostFrame> written = new CopyOnWriteArrayList<>();
    final AtomicInteger openLinks = new AtomicInteger();
    private final LinkedBlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    private volatile boolean plugged = true;
    private volatile int address = 5;
    private volatile int generation;
    private int lostGeneration;
    private volatile boolean started;
    private volatile int modeFlags;
    private final long bootNanos = System.nanoTime();

    protected FakeCandleLight(String serial, int channels, int features, BitTimingConstants nominal,
            BitTimingConstants data) {
        this.serial = serial;
        this.channels = channels;
        this.features = features;
        this.nominalLimits = nominal;
        this.dataLimits = data;
    }

    /** A candleLight (STM32F072, 48 MHz): listen-only, loop-back, hardware timestamps, identify. */
    static FakeCandleLight candleLight() {
        return new FakeCandleLight("0038002A4E50", 1, LISTEN_ONLY | LOOP_BACK | HW_TIMESTAMP | IDENTIFY, STM32F0, null);
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        return present() ? List.of(new UsbDeviceInfo(1, address, 0x1d50, 0x606f, serial, "candleLight USB to CAN adapter", channels, ""))
                : List.of();
    }

    @Override
    public UsbLink open(UsbDeviceInfo device) throws UsbException {
        if (!present()) {
            lost();
        }
        if (!present() || device.address() != address) {
            throw new UsbException(UsbException.Kind.NO_DEVICE, "LIBUSB_ERROR_NO_DEVICE");
        }
        openLinks.incrementAndGet();
        return new Link(generation);
    }

    @Override
    public void close() {
    }

    // ---- the bus side -------------------------------------------------------------------------

    /** A frame from the bus, as the firmware hands it to the host (only while started). */
    void receive(CanFrame frame) {
        HostFrame f = HostFrame.of(frame, 0, ECHO_ID_RX);
        queue(new HostFrame(ECHO_ID_RX, f.canId(), f.dlc(), 0, f.flags(), f.data(), -1));
    }

    /** An error frame: {@code CAN_ERR_FLAG | classes}, eight bytes of details (linux/can/error.h). */
    void error(int classes, byte... details) {
        queue(new HostFrame(ECHO_ID_RX, CAN_ERR_FLAG | classes, 8, 0, 0, Arrays.copyOf(details, 8), -1));
    }

    private void queue(HostFrame f) {
        if (!started || !present()) {
            return;
        }
        toHost.add(stamp(f));
    }

    /** The bytes the firmware sends for {@code f}: with its microsecond time when started with HW_TIMESTAMP. */
    protected final byte[] stamp(HostFrame f) {
        boolean ts = (modeFlags & HW_TIMESTAMP) != 0;
        long now = ((System.nanoTime() - bootNanos) / 1000) & 0xFFFF_FFFFL;
        return new HostFrame(f.echoId(), f.canId(), f.dlc(), f.channel(), f.flags(), f.data(), ts ? now : -1)
                .encode(false);
    }

    /** Pulled out: transfers of open links fail with NO_DEVICE, the device is no longer listed. */
    void unplug() {
        plugged = false;
        lost();
    }

    /** Plugged in again: listed at a new address (taken when it went), stopped until a host starts it. */
    void replug() {
        plugged = true;
    }

    /** The device went: links opened before fail from now on, the next plug-in has a new address. */
    private synchronized void lost() {
        if (lostGeneration == generation) {
            generation++;
            lostGeneration = generation;
            address++;
            if (started) {
                started = false;
                busStop();
            }
            toHost.clear();
        }
    }

    /** Whether the device is plugged in. */
    protected boolean present() {
        return plugged;
    }

    /** The channel was started (GS_CAN_MODE_START). */
    protected void busStart() {
    }

    /** The channel was stopped (GS_CAN_MODE_RESET, or the device went). */
    protected void busStop() {
    }

    /** The next frame for the host (the bytes on the wire) within {@code timeoutMillis}, or null. */
    protected byte[] awaitFrame(int timeoutMillis) throws InterruptedException {
        return toHost.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** An echo or frame already waiting for the host, or null. */
    protected final byte[] waiting() {
        return toHost.poll();
    }

    protected final boolean isStarted() {
        return started;
    }

    /** A frame the host sent, as the controller puts it on the bus. */
    protected void toBus(HostFrame frame) {
    }

    boolean started() {
        return started;
    }

    int modeFlags() {
        return modeFlags;
    }

    private static int u32(byte[] b, int offset) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }

    private final class Link implements UsbLink {
        private final int plugGeneration;
        private boolean closed;

        Link(int plugGeneration) {
            this.plugGeneration = plugGeneration;
        }

        private void check() throws UsbException {
            if (!present()) {
                lost();
            }
            if (generation != plugGeneration) {
                throw new UsbException(UsbException.Kind.NO_DEVICE, "LIBUSB_ERROR_NO_DEVICE: No such device (it may have"
                        + " been disconnected)");
            }
        }

        private UsbException stall(String why) {
            return new UsbException(UsbException.Kind.STALL, "LIBUSB_ERROR_PIPE: " + why);
        }

        @Override
        public int controlIn(int request, int value, byte[] buffer, int timeoutMillis) throws UsbException {
            check();
            byte[] answer = switch (request) {
                case BREQ_DEVICE_CONFIG -> new DeviceConfig(channels, 2, 1).encode();
                case BREQ_BT_CONST -> nominalLimits.encode(features);
                case BREQ_BT_CONST_EXT -> {
                    if ((features & BT_CONST_EXT) == 0) {
                        throw stall("BT_CONST_EXT unknown");
                    }
                    yield nominalLimits.encodeExtended(features, dataLimits);
                }
                default -> throw stall("request " + request);
            };
            if (value >= channels && request != BREQ_DEVICE_CONFIG) {
                throw stall("no channel " + value);
            }
            requests.add(name(request) + " " + value);
            int n = Math.min(buffer.length, answer.length);
            System.arraycopy(answer, 0, buffer, 0, n);
            return n;
        }

        @Override
        public void controlOut(int request, int value, byte[] data, int timeoutMillis) throws UsbException {
            check();
            switch (request) {
                case BREQ_HOST_FORMAT -> {
                    if (data.length != 4 || u32(data, 0) != HOST_FORMAT) {
                        throw stall("host format");
                    }
                    requests.add("HOST_FORMAT " + Integer.toHexString(u32(data, 0)));
                }
                case BREQ_BITTIMING, BREQ_DATA_BITTIMING -> {
                    BitTimingConstants c = request == BREQ_BITTIMING ? nominalLimits : dataLimits;
                    if (c == null || (request == BREQ_DATA_BITTIMING && (features & FD) == 0)) {
                        throw stall("no data bit timing");
                    }
                    int prop = u32(data, 0), ph1 = u32(data, 4), ph2 = u32(data, 8), sjw = u32(data, 12), brp = u32(data, 16);
                    int tseg1 = prop + ph1;
                    if (tseg1 < c.tseg1Min() || tseg1 > c.tseg1Max() || ph2 < c.tseg2Min() || ph2 > c.tseg2Max()
                            || sjw < 1 || sjw > c.sjwMax() || brp < c.brpMin() || brp > c.brpMax()) {
                        throw stall("bit timing out of range");
                    }
                    requests.add(name(request) + " " + value + " " + prop + " " + ph1 + " " + ph2 + " " + sjw + " " + brp);
                }
                case BREQ_MODE -> {
                    int mode = u32(data, 0);
                    int flags = u32(data, 4);
                    if ((flags & ~features & ~FD) != 0 || ((flags & FD) != 0 && (features & FD) == 0)) {
                        throw stall("mode flags 0x" + Integer.toHexString(flags) + " not offered");
                    }
                    if (mode == MODE_START) {
                        modeFlags = flags;
                        started = true;
                        busStart();
                    } else {
                        if (started) {
                            busStop();
                        }
                        started = false;
                        toHost.clear();
                    }
                    requests.add("MODE " + value + " " + (mode == MODE_START ? "start" : "reset") + " 0x"
                            + Integer.toHexString(flags));
                }
                default -> throw stall("request " + request);
            }
        }

        @Override
        public int bulkIn(byte[] buffer, int timeoutMillis) throws UsbException {
            check();
            byte[] frame = toHost.poll();
            if (frame == null) {
                try {
                    frame = awaitFrame(timeoutMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            check();
            if (frame == null) {
                return 0;
            }
            if (frame.length > buffer.length) {
                throw new UsbException(UsbException.Kind.OTHER, "LIBUSB_ERROR_OVERFLOW");
            }
            System.arraycopy(frame, 0, buffer, 0, frame.length);
            return frame.length;
        }

        @Override
        public void bulkOut(byte[] data, int timeoutMillis) throws UsbException {
            check();
            HostFrame f = HostFrame.decode(data, data.length, false);
            written.add(f);
            if (started && (modeFlags & LOOP_BACK) == 0) {
                toBus(f);
            }
            if (started && (acknowledged || (modeFlags & LOOP_BACK) != 0)) {
                queue(f); // the echo: the same frame, with its echo id, once it was on the bus
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                openLinks.decrementAndGet();
            }
        }
    }

    private static String name(int request) {
        return switch (request) {
            case BREQ_DEVICE_CONFIG -> "DEVICE_CONFIG";
            case BREQ_BT_CONST -> "BT_CONST";
            case BREQ_BT_CONST_EXT -> "BT_CONST_EXT";
            case BREQ_BITTIMING -> "BITTIMING";
            case BREQ_DATA_BITTIMING -> "DATA_BITTIMING";
            default -> String.valueOf(request);
        };
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
