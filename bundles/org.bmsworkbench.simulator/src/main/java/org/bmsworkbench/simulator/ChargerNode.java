package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;

/**
 * The charger of the {@code network} scenario, feeding the {@link BoatBatteries}: every
 * {@value #PERIOD_MILLIS} ms ({@value #OFFSET_MILLIS} ms after the Master LV's cycle) PGN 127507
 * Charger Status, as canboat defines it ({@code database/pgns/127507-chargerStatus.yaml}: fast
 * packet, priority 6, interval 1500 ms): 6 bytes, so one frame carrying the length and the payload
 * <pre>
 * byte 0  instance                 0
 * byte 1  battery instance         0 (the house bank)
 * byte 2  bits 0–3 operating state 0 not charging, 1 bulk, 2 absorption, 5 float (CHARGER_STATE)
 *         bits 4–7 charge mode     0 standalone (CHARGER_MODE)
 * byte 3  bits 0–1 enabled         1 on while the charger runs, else 0 off
 *         bits 2–3 equalization pending 0 off; bits 4–7 reserved, all ones
 * bytes 4–5 equalization time remaining, minutes: 0
 * </pre>
 */
final class ChargerNode extends NetworkDevice {
    static final int PGN = 127507;
    static final long PERIOD_MILLIS = 1500;
    static final long OFFSET_MILLIS = 800;
    static final int PRIORITY = 6;

    private final BoatBatteries batteries;
    private final FastPacketEncoder encoder;
    private long next = OFFSET_MILLIS;

    ChargerNode(IsoName name, ProductInformation product, int address, BoatBatteries batteries,
            FastPacketEncoder encoder) {
        super("charger", name, product, address);
        this.batteries = batteries;
        this.encoder = encoder;
    }

    @Override
    long nextDueMillis() {
        return next;
    }

    @Override
    List<CanFrame> sendDue(long millis, long epochMillis) {
        next += PERIOD_MILLIS;
        if (!online()) {
            return List.of();
        }
        BoatBatteries.ChargerState state = batteries.charger();
        boolean on = state != BoatBatteries.ChargerState.NOT_CHARGING;
        byte[] payload = {0, 0, (byte) state.code, (byte) (0xF0 | (on ? 1 : 0)), 0, 0};
        long micros = (epochMillis + millis) * 1000;
        int id = J1939Id.of(PRIORITY, PGN, address(), J1939Id.BROADCAST).canId();
        List<CanFrame> out = new ArrayList<>(1);
        for (byte[] data : encoder.encode(address(), PGN, payload)) {
            out.add(CanFrame.wrap(micros, VirtualMasterLv.BUS, id, true, data));
        }
        return out;
    }
}
