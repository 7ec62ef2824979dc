package org.bmsworkbench.ui.registers.internal;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.registers.RegisterCatalogue;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Collects register values the device sends by itself (periodic and on-change broadcasts, and
 * its answers to anyone's request) from the session's decoded messages, on the transport
 * thread: one map entry per register, nothing else. The view picks them up in its refresh.
 */
final class BroadcastFeed implements Consumer<DecodedMessage> {
    /** The VREG protocol id and value message name (protocol.vreg, docs/SIGNALS.md). */
    static final String PROTOCOL = "vreg";
    static final String VALUE_MESSAGE = "vreg";
    /** VREG values start after 66 99 and the register id. */
    private static final int VALUE_OFFSET = 4;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    record Reading(Map<String, Object> values, String rawHex, long receivedNanos, long timeMicros) {
    }

    private final RegisterCatalogue catalogue;
    private final int node;
    private final ConcurrentHashMap<Integer, Reading> latest = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile long newestMicros = Long.MIN_VALUE;

    BroadcastFeed(RegisterCatalogue catalogue, int node) {
        this.catalogue = catalogue;
        this.node = node;
    }

    @Override
    public void accept(DecodedMessage m) {
        if (!PROTOCOL.equals(m.protocol()) || !VALUE_MESSAGE.equals(m.message()) || m.register() == null) {
            return;
        }
        CanFrame f = m.frame();
        if (f.hasTimestamp() && f.timestampMicros() > newestMicros) {
            newestMicros = f.timestampMicros();
        }
        // our own writes (TX) and other nodes' values are not the device's registers
        if (f.direction() != Direction.RX || m.source() == null || m.source() != node) {
            return;
        }
        RegisterInfo info = catalogue.find(m.register()).orElse(null);
        if (info == null) {
            return;
        }
        int end = Math.min(f.length(), VALUE_OFFSET + info.size());
        byte[] data = f.data();
        String hex = end > VALUE_OFFSET ? HEX.formatHex(data, VALUE_OFFSET, end) : "";
        latest.put(m.register(), new Reading(m.signals(), hex, System.nanoTime(),
                f.hasTimestamp() ? f.timestampMicros() : Long.MIN_VALUE));
        version.incrementAndGet();
    }

    /** Increases with every value taken. */
    long version() {
        return version.get();
    }

    Map<Integer, Reading> latest() {
        return latest;
    }

    /** The newest frame time seen, µs, for ages in a recording; {@link Long#MIN_VALUE} if none. */
    long newestMicros() {
        return newestMicros;
    }
}
