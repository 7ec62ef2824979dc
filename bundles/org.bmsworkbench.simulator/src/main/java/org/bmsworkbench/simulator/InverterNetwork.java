package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;

/**
 * The {@code network} scenario on an 11-bit SMA or General BMS bus: the Master LV and, beside it,
 * the frames an inverter puts on the same bus when it talks to a BMS as a Victron GX device does
 * (a Sunny Island sends the same ids with its own contents): every {@value #PERIOD_MILLIS} ms,
 * {@value #OFFSET_MILLIS} ms after the BMS's cycle,
 * <ul>
 * <li>{@code 0x305}, the keep-alive: 8 bytes, all zero;</li>
 * <li>{@code 0x307}, the inverter's identification: bytes 0–3 an identifier (not documented; here
 * {@code 0x02 0x01 0x00 0x00}), bytes 4–6 {@code "VIC"}, byte 7 zero.</li>
 * </ul>
 * Neither is a BMS frame: no protocol decodes or scores them, so detection still finds the BMS's
 * protocol. The Master LV ignores them (a Master LV on these protocols only sends).
 */
public final class InverterNetwork implements VirtualBus {
    public static final int KEEP_ALIVE_ID = 0x305;
    public static final int IDENTIFICATION_ID = 0x307;
    public static final long PERIOD_MILLIS = 1000;
    public static final long OFFSET_MILLIS = 200;
    private static final byte[] KEEP_ALIVE = new byte[8];
    private static final byte[] IDENTIFICATION = {0x02, 0x01, 0x00, 0x00, 'V', 'I', 'C', 0x00};

    private final VirtualMasterLv bms;
    private final long epochMillis;
    private long nextInverter = OFFSET_MILLIS;

    InverterNetwork(VirtualMasterLv bms, long epochMillis) {
        this.bms = bms;
        this.epochMillis = epochMillis;
    }

    @Override
    public VirtualMasterLv masterLv() {
        return bms;
    }

    @Override
    public long nextDueMillis() {
        return Math.min(bms.nextDueMillis(), nextInverter);
    }

    @Override
    public List<CanFrame> advanceTo(long millis) {
        List<CanFrame> out = new ArrayList<>();
        while (nextDueMillis() <= millis) {
            if (bms.nextDueMillis() <= nextInverter) {
                out.addAll(bms.advanceTo(bms.nextDueMillis()));
            } else {
                long micros = (epochMillis + nextInverter) * 1000;
                out.add(CanFrame.of(micros, VirtualMasterLv.BUS, KEEP_ALIVE_ID, false, KEEP_ALIVE));
                out.add(CanFrame.of(micros, VirtualMasterLv.BUS, IDENTIFICATION_ID, false, IDENTIFICATION));
                nextInverter += PERIOD_MILLIS;
            }
        }
        out.addAll(bms.advanceTo(millis));
        return out;
    }

    /** The Master LV ignores what it receives on these protocols, and so does the inverter here. */
    @Override
    public List<CanFrame> receive(CanFrame frame) {
        return bms.receive(frame);
    }
}
