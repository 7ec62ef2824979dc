package org.bmsworkbench.transport.gsusb.internal;

import static org.bmsworkbench.transport.gsusb.internal.GsUsb.*;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Arrays;

/**
 * The gsusb bundle's test device ({@link FakeCandleLight}: gs_usb at the level of USB transfers,
 * as candleLight firmware answers) on the C stub bus that the pcan and kvaser stubs share (an MG
 * Master LV on SMA, VREG and ISO request answers, an unplug switch), for the real {@code bin/bmswb}:
 * {@code GsUsbAdapterIT} packs both into a fragment of the gsusb bundle and names this class with
 * {@code -Dbmswb.gsusb.backend}; {@code -Dbmswb.gsusb.stub} names the stub library built with gcc.
 * Test code only.
 */
public final class StubBusCandleLight extends FakeCandleLight {
    /** The wrapper of src/test/c/gsusb/gsusb_stub.c. */
    public interface Bus extends Library {
        int gsusb_stub_open(int ch);

        void gsusb_stub_close(int ch);

        int gsusb_stub_unplugged();

        int gsusb_stub_pop(int ch, int timeoutMillis, int[] id, int[] flags, byte[] data);

        void gsusb_stub_write(int ch, int id, int flags, int len, byte[] data);
    }

    private static final int STUB_EXT = 1;
    private static final int STUB_RTR = 2;
    private static final int STUB_ERR = 4;
    private static final int STUB_FD = 8;
    private static final int STUB_BRS = 16;
    private final Bus bus;

    public StubBusCandleLight() {
        super("0038002A4E50", 1, LISTEN_ONLY | LOOP_BACK | HW_TIMESTAMP | IDENTIFY, STM32F0, null);
        bus = Native.load(System.getProperty("bmswb.gsusb.stub"), Bus.class);
    }

    @Override
    protected boolean present() {
        return bus.gsusb_stub_unplugged() == 0;
    }

    @Override
    protected void busStart() {
        bus.gsusb_stub_open(0);
    }

    @Override
    protected void busStop() {
        bus.gsusb_stub_close(0);
    }

    @Override
    protected byte[] awaitFrame(int timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int[] id = new int[1];
        int[] flags = new int[1];
        byte[] data = new byte[64];
        do {
            byte[] echo = waiting();
            if (echo != null) {
                return echo;
            }
            if (!isStarted() || !present()) {
                return null;
            }
            int len = bus.gsusb_stub_pop(0, 5, id, flags, data);
            if (len >= 0) {
                return stamp(hostFrame(id[0], flags[0], len, data));
            }
        } while (System.nanoTime() < deadline);
        return null;
    }

    private static HostFrame hostFrame(int id, int flags, int len, byte[] data) {
        int canId = id | ((flags & STUB_EXT) != 0 ? CAN_EFF_FLAG : 0) | ((flags & STUB_RTR) != 0 ? CAN_RTR_FLAG : 0)
                | ((flags & STUB_ERR) != 0 ? CAN_ERR_FLAG : 0);
        if ((flags & STUB_FD) != 0) {
            return new HostFrame(ECHO_ID_RX, canId, org.bmsworkbench.can.CanFrame.fdDlcCodeOf(len), 0,
                    FLAG_FD | ((flags & STUB_BRS) != 0 ? FLAG_BRS : 0), Arrays.copyOf(data, len), -1);
        }
        return new HostFrame(ECHO_ID_RX, canId, len, 0, 0, (flags & STUB_RTR) != 0 ? new byte[0]
                : Arrays.copyOf(data, Math.min(8, len)), -1);
    }

    @Override
    protected void toBus(HostFrame f) {
        int flags = ((f.canId() & CAN_EFF_FLAG) != 0 ? STUB_EXT : 0) | ((f.canId() & CAN_RTR_FLAG) != 0 ? STUB_RTR : 0)
                | (f.fd() ? STUB_FD : 0) | ((f.flags() & FLAG_BRS) != 0 ? STUB_BRS : 0);
        int id = f.canId() & ((f.canId() & CAN_EFF_FLAG) != 0 ? CAN_EFF_MASK : CAN_SFF_MASK);
        bus.gsusb_stub_write(0, id, flags, f.data().length, Arrays.copyOf(f.data(), 64));
    }
}
