package org.bmsworkbench.protocol.vreg.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;

/**
 * An MG Master LV's VREG behaviour as guide 1.5.4 and Victron's practice describe it: a request
 * is answered by a broadcast of the value; an unknown register by ACK 0x8000 to the requester;
 * a write in range is stored and broadcast, out of range answered by ACK 0x8100. Switches make
 * it drop, delay or misbehave.
 */
final class FakeVregDevice implements Consumer<CanFrame> {
    private final FakeBus bus;
    private final int address;
    private final VregCodec codec = VregCodec.INSTANCE;
    final Map<Integer, Map<String, Object>> values = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    volatile int dropRequests;
    volatile int busyRequests;
    volatile boolean silent;
    volatile boolean broadcastWrites = true;
    volatile boolean storeWrites = true;
    volatile boolean rejectWrites;
    /** Where error ACKs go: the requester (-1) or this address. */
    volatile int ackTo = -1;

    FakeVregDevice(FakeBus bus, int address) {
        this.bus = bus;
        this.address = address;
        bus.attach(this);
    }

    FakeVregDevice with(int register, String key, Object value) {
        values.put(register, Map.of(key, value));
        return this;
    }

    @Override
    public void accept(CanFrame frame) {
        DecodedMessage m;
        try {
            m = codec.decode(frame);
        } catch (MalformedFrameException e) {
            return;
        }
        if (silent || m == null || m.destination() != address) {
            return;
        }
        int requester = m.source();
        if (m.message().equals(VregCodec.REQUEST)) {
            requests.incrementAndGet();
            if (dropRequests > 0) {
                dropRequests--;
                return;
            }
            if (busyRequests > 0) {
                busyRequests--;
                ack(requester, m.register(), 0x8200);
                return;
            }
            Map<String, Object> v = values.get(m.register());
            if (v == null) {
                ack(requester, m.register(), 0x8000);
            } else {
                broadcast(m.register(), v);
            }
        } else if (m.message().equals(VregCodec.VALUE)) {
            writes.incrementAndGet();
            RegisterInfo r = codec.catalogue().find(m.register()).orElse(null);
            Object value = m.signals().values().iterator().next();
            if (rejectWrites || r == null || !r.writable() || !(value instanceof Long raw) || !r.accepts(raw)) {
                ack(requester, m.register(), 0x8100);
                return;
            }
            if (storeWrites) {
                values.put(m.register(), m.signals());
            }
            if (broadcastWrites) {
                broadcast(m.register(), values.get(m.register()));
            }
        }
    }

    private void broadcast(int register, Map<String, Object> v) {
        bus.receive(codec.value(register, v, address, VregCodec.BROADCAST, "can0", CanFrame.NO_TIMESTAMP));
    }

    private void ack(int requester, int register, int code) {
        bus.receive(codec.ack(register, code, address, ackTo < 0 ? requester : ackTo, "can0", CanFrame.NO_TIMESTAMP));
    }
}
