package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.simulator.DeviceRegisters.Register;

/**
 * The simulated Master LV's side of VREG (guide 1.5.4) on an NMEA 2000 bus, encoded with the
 * VREG bundle's exported codec from the device's raw register table ({@link DeviceRegisters}):
 * <ul>
 * <li>a request addressed to the node or broadcast: the register's value broadcast (to 0xFF);
 * a register the device does not have: ACK 0x8000 addressed to the requester;</li>
 * <li>a value addressed to the node is a write: taken, it is confirmed by a broadcast of the
 * new value (no OK ACK); refused, it is answered by the ACK of {@link WriteResult#ackCode()}
 * (0x8100 out of range, read-only or in error state; 0x8000 unknown) to the writer. A right
 * unlock code restarts the BMS, which then falls silent: no confirmation but the restart;</li>
 * <li>{@link #periodic()}: the registers the guide marks periodic; {@link #changes()}: those
 * marked on change whose value differs from the one last broadcast.</li>
 * </ul>
 * Frames carry the device's virtual time. Not thread-safe: the owner of the device calls it.
 */
final class VregAnswers {
    /** VREG 0x0002 ACK code: unknown register or invalid request. */
    static final int ACK_UNKNOWN = 0x8000;

    private final MasterLvDevice device;
    private final VregCodec codec = VregCodec.INSTANCE;
    private int node;
    private final Map<Integer, Long> lastBroadcast = new HashMap<>();

    /** The on-change registers' present values count as broadcast: only later changes are sent. */
    VregAnswers(MasterLvDevice device) {
        this.device = device;
        this.node = device.profile().nodeAddress();
        for (Register r : DeviceRegisters.all()) {
            if (r.onChange()) {
                lastBroadcast.put(r.id(), r.raw().applyAsLong(device));
            }
        }
    }

    /** Answers and broadcasts from another source address from now on. */
    void moveTo(int address) {
        this.node = address;
    }

    /** The answers to a frame from the bus: nothing for frames that are not VREG, not for the node, or the node's own. */
    List<CanFrame> receive(CanFrame frame) {
        if (!VregCodec.isVreg(frame) || frame.length() < 4) {
            return List.of();
        }
        int source = frame.id() & 0xFF;
        int destination = frame.id() >>> 8 & 0xFF;
        if (source == node || destination != node && destination != VregCodec.BROADCAST) {
            return List.of();
        }
        int id = u16(frame, 2);
        if (id == VregCodec.ACK_ID) {
            return List.of();
        }
        if (id == VregCodec.REQUEST_ID) {
            return frame.length() < 6 ? List.of() : answerRequest(u16(frame, 4), source);
        }
        // a value broadcast by another node is that node's; one addressed to us is a write
        return destination == node ? answerWrite(id, frame, source) : List.of();
    }

    private List<CanFrame> answerRequest(int register, int requester) {
        return DeviceRegisters.find(register).map(r -> List.of(broadcast(r)))
                .orElseGet(() -> List.of(ack(register, ACK_UNKNOWN, requester)));
    }

    private List<CanFrame> answerWrite(int register, CanFrame frame, int writer) {
        Register known = DeviceRegisters.find(register).orElse(null);
        int size = known != null ? known.bytes() : 4; // the unlock code is an un32
        if (frame.length() < 4 + size) {
            return List.of(ack(register, ACK_UNKNOWN, writer));
        }
        long raw = 0;
        for (int i = size - 1; i >= 0; i--) {
            raw = raw << 8 | frame.u8(4 + i);
        }
        WriteResult result = device.write(register, raw);
        if (result != WriteResult.ACCEPTED) {
            return List.of(ack(register, result.ackCode(), writer));
        }
        return known == null ? List.of() : List.of(broadcast(known));
    }

    /** The registers broadcast every 5 s. */
    List<CanFrame> periodic() {
        List<CanFrame> out = new ArrayList<>();
        for (Register r : DeviceRegisters.all()) {
            if (r.periodic()) {
                out.add(broadcast(r));
            }
        }
        return out;
    }

    /** The on-change registers whose value is not the one last broadcast. */
    List<CanFrame> changes() {
        List<CanFrame> out = new ArrayList<>();
        for (Register r : DeviceRegisters.all()) {
            if (r.onChange() && r.raw().applyAsLong(device) != lastBroadcast.get(r.id())) {
                out.add(broadcast(r));
            }
        }
        return out;
    }

    private CanFrame broadcast(Register r) {
        long raw = r.raw().applyAsLong(device);
        if (r.onChange()) {
            lastBroadcast.put(r.id(), raw);
        }
        byte[] payload = new byte[r.bytes()];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (raw >>> 8 * i);
        }
        return codec.rawValue(r.id(), payload, node, VregCodec.BROADCAST, VirtualMasterLv.BUS, device.epochMicros());
    }

    private CanFrame ack(int register, int code, int to) {
        return codec.ack(register, code, node, to, VirtualMasterLv.BUS, device.epochMicros());
    }

    private static int u16(CanFrame f, int at) {
        return f.u8(at) | f.u8(at + 1) << 8;
    }
}
