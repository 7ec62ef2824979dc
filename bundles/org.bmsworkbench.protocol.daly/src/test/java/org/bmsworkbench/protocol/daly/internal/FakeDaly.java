package org.bmsworkbench.protocol.daly.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.daly.codec.DalyCodec;
import org.bmsworkbench.protocol.daly.codec.DalyStreamReader;

/**
 * A Daly BMS for the MOSFET tests, built from the protocol as the Daly2MQTT and python-daly-bms
 * sources use it: 0xDA / 0xD9 with data byte 0 = 1 (on) or 0 (off) switch the charge / discharge
 * MOSFETs and are answered with the same data id; 0x93 reports them in bytes 1 and 2.
 */
final class FakeDaly {
    enum Behaviour { OBEYS, KEEPS_ITS_STATE, SILENT, ANSWERS_ONLY_0X93 }

    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Whether the link's exchange lock was held when each request arrived (serial only). */
    final List<Boolean> lockedOnArrival = new CopyOnWriteArrayList<>();
    volatile boolean charge;
    volatile boolean discharge = true;
    volatile Behaviour behaviour = Behaviour.OBEYS;
    private final FakeLink link;
    private final DalyStreamReader reader = new DalyStreamReader();

    FakeDaly(FakeLink link) {
        this.link = link;
        link.attach(this::onRequest);
    }

    private void onRequest(CanFrame f) {
        if (f.chunk()) {
            lockedOnArrival.add(link.link.exchangeLock().isLocked());
            for (byte[] frame : reader.feed(f.data(), f.timestampMicros()).frames()) {
                answer(frame[2] & 0xFF, frame[4] & 0xFF, true);
            }
        } else if ((f.id() & 0xFF) == DalyCodec.HOST) {
            answer(f.id() >>> 16 & 0xFF, f.u8(0), false);
        }
    }

    private void answer(int dataId, int byte0, boolean serial) {
        requests.add(String.format("0x%02X %d", dataId, byte0));
        if (behaviour == Behaviour.SILENT) {
            return;
        }
        byte[] data = new byte[8];
        if (dataId == DalyCodec.CHARGE_MOS || dataId == DalyCodec.DISCHARGE_MOS) {
            if (behaviour == Behaviour.OBEYS || behaviour == Behaviour.ANSWERS_ONLY_0X93) {
                if (dataId == DalyCodec.CHARGE_MOS) {
                    charge = byte0 == 1;
                } else {
                    discharge = byte0 == 1;
                }
            }
            if (behaviour == Behaviour.ANSWERS_ONLY_0X93) {
                return;
            }
            data[0] = (byte) byte0;
        } else if (dataId == DalyCodec.MOSFET_STATUS) {
            data[0] = 0;
            data[1] = (byte) (charge ? 1 : 0);
            data[2] = (byte) (discharge ? 1 : 0);
        } else {
            return;
        }
        link.receive(DalyCodec.reply(dataId, data, serial, serial ? "ttyUSB0" : "can0", 1));
    }
}
