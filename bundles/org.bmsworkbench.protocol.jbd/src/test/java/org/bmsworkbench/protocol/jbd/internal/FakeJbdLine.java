package org.bmsworkbench.protocol.jbd.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.protocol.jbd.codec.JbdFrame;
import org.bmsworkbench.protocol.jbd.codec.JbdStreamDecoder;

/**
 * A serial connection to a JBD BMS written for the tests from the register map (Overkill Solar /
 * bms-tools JBD_REGISTER_MAP.md: 0x00 {@code 56 78} enters factory mode, 0x01 leaves it, 0xE1
 * bit 0 / bit 1 set switch the charge / discharge MOSFET off, accepted in factory mode only). It
 * answers on a thread of its own, each reply split into two chunks, as a serial port delivers
 * them. Knobs make it fail the ways a real one does.
 */
final class FakeJbdLine implements Connection {
    final StreamLink link = new StreamLink("ttyUSB0", "jbd", Duration.ofSeconds(1));
    private final ConnectionUri uri;
    private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService device = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-jbd");
        t.setDaemon(true);
        return t;
    });
    private final JbdStreamDecoder decoder = new JbdStreamDecoder();
    private final Map<Class<?>, Object> controls = new ConcurrentHashMap<>();

    /** What the host sent, in order. */
    final List<JbdFrame> requests = new CopyOnWriteArrayList<>();
    /** Whether the exchange lock was held when each request arrived. */
    final List<Boolean> lockedAtRequest = new CopyOnWriteArrayList<>();
    volatile boolean charge = true;
    volatile boolean discharge = true;
    volatile boolean factory;
    /** Registers answered with status 0x80. */
    final Set<Integer> errorOn = ConcurrentHashMap.newKeySet();
    /** Registers never answered. */
    final Set<Integer> silentOn = ConcurrentHashMap.newKeySet();
    /** Accepts 0xE1 but keeps the MOSFETs as they are (a protection still holds them). */
    volatile boolean keepsFets;
    /** Requests to ignore before answering (a sleeping BMS misses the first frame). */
    volatile int asleep;

    FakeJbdLine(String uri) {
        this.uri = ConnectionUri.parse(uri);
        controls.put(StreamLink.class, link);
    }

    <T> void offer(Class<T> type, T control) {
        controls.put(type, control);
    }

    void withdraw(Class<?> type) {
        controls.remove(type);
    }

    /** send fails, as on an unplugged adapter. */
    volatile boolean unplugged;

    @Override
    public void send(CanFrame frame) throws IOException {
        if (unplugged) {
            throw new IOException("port /dev/ttyUSB0 is gone (reconnecting)");
        }
        CanFrame sent = frame.withDirection(Direction.TX);
        listeners.forEach(l -> l.onFrame(sent));
        boolean locked = link.exchangeLock().isLocked();
        for (JbdFrame f : decoder.feed(frame.data()).frames()) {
            requests.add(f);
            lockedAtRequest.add(locked);
            device.execute(() -> answer(f));
        }
    }

    private void answer(JbdFrame request) {
        if (asleep > 0) {
            asleep--;
            return;
        }
        int reg = request.register();
        if (silentOn.contains(reg)) {
            return;
        }
        JbdFrame reply;
        if (errorOn.contains(reg)) {
            reply = JbdFrame.reply(reg, JbdFrame.STATUS_ERROR);
        } else if (!request.write() && reg == 0x03) {
            byte[] d = new byte[23];
            d[1] = 0x10; // 40.96 V
            d[19] = 80;
            d[20] = (byte) ((charge ? 1 : 0) | (discharge ? 2 : 0));
            d[21] = 4;
            reply = JbdFrame.reply(0x03, 0, d);
        } else if (request.write() && reg == 0x00 && Arrays.equals(request.data(), new byte[] {0x56, 0x78})) {
            factory = true;
            reply = JbdFrame.reply(0x00, 0);
        } else if (request.write() && reg == 0x01) {
            factory = false;
            reply = JbdFrame.reply(0x01, 0);
        } else if (request.write() && reg == 0xE1 && factory && request.length() == 2) {
            if (!keepsFets) {
                charge = (request.u8(1) & 1) == 0;
                discharge = (request.u8(1) & 2) == 0;
            }
            reply = JbdFrame.reply(0xE1, 0);
        } else {
            reply = JbdFrame.reply(reg, JbdFrame.STATUS_ERROR);
        }
        byte[] b = reply.bytes();
        int half = b.length / 2;
        deliver(Arrays.copyOfRange(b, 0, half));
        deliver(Arrays.copyOfRange(b, half, b.length));
    }

    private void deliver(byte[] bytes) {
        CanFrame chunk = CanFrame.chunk(System.currentTimeMillis() * 1000, link.port(), Direction.RX, bytes);
        listeners.forEach(l -> l.onFrame(chunk));
    }

    /** The requests as {@code read 0x03}, {@code write 0xE1 0002}. */
    List<String> sentRequests() {
        return new ArrayList<>(requests.stream().map(JbdFrame::toString).toList());
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public ConnectionUri uri() {
        return uri;
    }

    @Override
    public ConnectionState state() {
        return ConnectionState.CONNECTED;
    }

    @Override
    public String stateDetail() {
        return "";
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) {
        return () -> { };
    }

    @Override
    public ConnectionStatistics statistics() {
        return new ConnectionStatistics(0, 0, 0, 0, 0, 0);
    }

    @Override
    public List<CanFrame> recentFrames() {
        return List.of();
    }

    @Override
    public int recentCapacity() {
        return 0;
    }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        return Optional.ofNullable(type.cast(controls.get(type)));
    }

    @Override
    public void close() {
        device.shutdownNow();
    }
}
