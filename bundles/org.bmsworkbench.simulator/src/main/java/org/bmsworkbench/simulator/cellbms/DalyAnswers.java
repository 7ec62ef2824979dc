package org.bmsworkbench.simulator.cellbms;

import java.util.ArrayList;
import java.util.List;

/**
 * A Daly board's side of its protocol, written from the Daly UART/RS485 protocol as dalybms
 * ({@code dalybms/daly_bms.py}, {@code error_codes.py}), esphome's {@code daly_bms} and Daly2MQTT
 * read it, independently of the {@code protocol.daly} bundle.
 *
 * <p>UART: 13-byte frames {@code A5 address dataId 08 data×8 checksum}, the checksum the low byte
 * of the sum of the 12 bytes before it; the host sends from 0x40 (0x80 over Bluetooth is taken
 * too), the board answers from 0x01. CAN: the same 8 data bytes in extended frames, request
 * {@code 0x18<id>0140}, answer {@code 0x18<id>4001}. Served ids:
 * <ul>
 * <li>0x90 pack voltage (0.1 V), acquisition voltage (0.1 V), current (0.1 A, offset 30000,
 *     above 30000 = charging), SOC (0.1 %);</li>
 * <li>0x91 highest cell mV and its number, lowest cell mV and its number;</li>
 * <li>0x92 highest temperature (°C + 40) and its sensor, lowest and its sensor;</li>
 * <li>0x93 state (0 idle, 1 charging, 2 discharging), charge MOSFET, discharge MOSFET, life
 *     counter, remaining capacity (mAh, 32 bits);</li>
 * <li>0x94 cells, sensors, charger present, load present, DI/DO bits, cycles (16 bits);</li>
 * <li>0x95 cell voltages: one frame per three cells, byte 0 the frame number from 1, then three
 *     mV values (0 beyond the last cell);</li>
 * <li>0x96 temperatures: one frame per seven sensors, byte 0 the frame number, then °C + 40;</li>
 * <li>0x97 balancing: bit k of byte k / 8 = cell k + 1;</li>
 * <li>0x98 faults: bytes 0–6 as {@link CellProtection} places them (level 1 = warning, level 2 =
 *     protection), byte 7 the number of active protections;</li>
 * <li>0xD9 / 0xDA: data byte 0 = 1 switches the discharge / charge MOSFET on, 0 off; the answer's
 *     byte 0 is that MOSFET's state afterwards (still 0 when an active protection refused it).</li>
 * </ul>
 * Other ids, and frames with a bad checksum or length byte, get no answer.
 */
public final class DalyAnswers {
    public static final int START = 0xA5;
    public static final int HOST = 0x40;
    public static final int HOST_BLUETOOTH = 0x80;
    public static final int BMS = 0x01;
    public static final int FRAME_LENGTH = 13;
    public static final int CAN_REQUEST = 0x1800_0140;
    public static final int CAN_ANSWER = 0x1800_4001;

    private final CellBms bms;
    private final FrameBuffer buffer = new FrameBuffer();
    private int life;

    public DalyAnswers(CellBms bms) {
        this.bms = bms;
    }

    /** The line was idle ({@value VirtualCellBms#IDLE_MILLIS} ms): an unfinished request is dropped, as a board's receive timeout does. */
    public void idle() {
        buffer.clear();
    }

    /** UART bytes from the host; the answer frames (13 bytes each) to the requests they complete. */
    public List<byte[]> receive(byte[] bytes) {
        buffer.append(bytes);
        List<byte[]> answers = new ArrayList<>();
        while (true) {
            buffer.seek(START);
            if (buffer.length() < FRAME_LENGTH) {
                return answers;
            }
            int sum = 0;
            for (int i = 0; i < FRAME_LENGTH - 1; i++) {
                sum += buffer.u8(i);
            }
            int address = buffer.u8(1);
            if ((sum & 0xFF) != buffer.u8(FRAME_LENGTH - 1) || buffer.u8(3) != 8
                    || (address != HOST && address != HOST_BLUETOOTH)) {
                buffer.skipToNext(START);
                continue;
            }
            int dataId = buffer.u8(2);
            byte[] data = buffer.copy(4, 12);
            buffer.drop(FRAME_LENGTH);
            for (byte[] payload : answer(dataId, data)) {
                answers.add(uartFrame(BMS, dataId, payload));
            }
        }
    }

    /** The CAN id of a request for {@code dataId}, and of its answer. */
    public static int canRequestId(int dataId) {
        return CAN_REQUEST | dataId << 16;
    }

    public static int canAnswerId(int dataId) {
        return CAN_ANSWER | dataId << 16;
    }

    /** The data id of a CAN request id {@code 0x18<id>0140}, or −1 when it is not one. */
    public static int dataIdOfCanRequest(int canId) {
        return (canId & 0xFF00_FFFF) == CAN_REQUEST ? canId >> 16 & 0xFF : -1;
    }

    /** The 8-byte payloads that answer {@code dataId} with request data {@code data}; empty for no answer. */
    public List<byte[]> answer(int dataId, byte[] data) {
        CellPack pack = bms.pack();
        CellProtections p = bms.protections();
        return switch (dataId) {
            case 0x90 -> {
                int v = (int) Math.round(pack.packVoltage() * 10);
                yield List.of(payload(v >> 8, v, v >> 8, v, current() >> 8, current(),
                        soc() >> 8, soc()));
            }
            case 0x91 -> {
                int hi = 0;
                int lo = 0;
                for (int i = 1; i < pack.cells(); i++) {
                    hi = pack.cellVoltage(i) > pack.cellVoltage(hi) ? i : hi;
                    lo = pack.cellVoltage(i) < pack.cellVoltage(lo) ? i : lo;
                }
                int h = mv(pack.cellVoltage(hi));
                int l = mv(pack.cellVoltage(lo));
                yield List.of(payload(h >> 8, h, hi + 1, l >> 8, l, lo + 1, 0, 0));
            }
            case 0x92 -> {
                int hi = 0;
                int lo = 0;
                for (int s = 1; s < pack.sensors(); s++) {
                    hi = pack.temperature(s) > pack.temperature(hi) ? s : hi;
                    lo = pack.temperature(s) < pack.temperature(lo) ? s : lo;
                }
                yield List.of(payload(celsius(pack.temperature(hi)), hi + 1, celsius(pack.temperature(lo)), lo + 1,
                        0, 0, 0, 0));
            }
            case 0x93 -> {
                int mah = (int) Math.round(pack.remainingAh() * 1000);
                int state = pack.current() > 0.05 ? 1 : pack.current() < -0.05 ? 2 : 0;
                life = (life + 1) & 0xFF;
                yield List.of(payload(state, p.chargeFet() ? 1 : 0, p.dischargeFet() ? 1 : 0, life,
                        mah >> 24, mah >> 16, mah >> 8, mah));
            }
            case 0x94 -> {
                int cycles = pack.cycles();
                CellEnvironment e = bms.environment();
                yield List.of(payload(pack.cells(), pack.sensors(), e.chargerPresent() ? 1 : 0,
                        e.cRate() < 0 ? 1 : 0, 0, cycles >> 8, cycles, 0));
            }
            case 0x95 -> {
                List<byte[]> frames = new ArrayList<>();
                for (int f = 0; f * 3 < pack.cells(); f++) {
                    int[] mv = new int[3];
                    for (int k = 0; k < 3; k++) {
                        int cell = f * 3 + k;
                        mv[k] = cell < pack.cells() ? mv(pack.cellVoltage(cell)) : 0;
                    }
                    frames.add(payload(f + 1, mv[0] >> 8, mv[0], mv[1] >> 8, mv[1], mv[2] >> 8, mv[2], 0));
                }
                yield frames;
            }
            case 0x96 -> {
                List<byte[]> frames = new ArrayList<>();
                for (int f = 0; f * 7 < pack.sensors(); f++) {
                    byte[] b = new byte[8];
                    b[0] = (byte) (f + 1);
                    for (int k = 0; k < 7 && f * 7 + k < pack.sensors(); k++) {
                        b[1 + k] = (byte) celsius(pack.temperature(f * 7 + k));
                    }
                    frames.add(b);
                }
                yield frames;
            }
            case 0x97 -> {
                byte[] b = new byte[8];
                for (int i = 0; i < pack.cells(); i++) {
                    if (pack.balancing(i)) {
                        b[i / 8] |= (byte) (1 << (i % 8));
                    }
                }
                yield List.<byte[]>of(b);
            }
            case 0x98 -> List.of(faults());
            case 0xD9, 0xDA -> {
                boolean charge = dataId == 0xDA;
                boolean on = data.length > 0 && data[0] == 1;
                bms.switchFets(charge ? on : null, charge ? null : on);
                boolean state = charge ? p.chargeFet() : p.dischargeFet();
                yield List.of(payload(state ? 1 : 0, 0, 0, 0, 0, 0, 0, 0));
            }
            default -> List.of();
        };
    }

    /** 0x98: level-1 and level-2 bits per {@link CellProtection}, byte 7 the count of active protections. */
    byte[] faults() {
        CellProtections p = bms.protections();
        byte[] b = new byte[8];
        for (CellProtection c : CellProtection.values()) {
            if (c == CellProtection.SHORT_CIRCUIT) {
                b[c.dalyByte()] |= (byte) (p.active(c) ? 1 << c.dalyBit() : 0);
                continue;
            }
            b[c.dalyByte()] |= (byte) ((p.warning(c) ? 1 << c.dalyBit() : 0) | (p.active(c) ? 2 << c.dalyBit() : 0));
        }
        b[7] = (byte) p.active().size();
        return b;
    }

    private int current() {
        return 30000 + (int) Math.round(bms.pack().current() * 10);
    }

    private int soc() {
        return (int) Math.round(Math.max(0, Math.min(100, bms.pack().socPercent())) * 10);
    }

    private static int mv(double volts) {
        return (int) Math.round(volts * 1000);
    }

    private static int celsius(double c) {
        return Math.max(0, Math.min(255, (int) Math.round(c) + 40));
    }

    private static byte[] payload(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** A UART frame: {@code A5 address dataId 08 payload×8 checksum}. */
    public static byte[] uartFrame(int address, int dataId, byte[] payload) {
        byte[] f = new byte[FRAME_LENGTH];
        f[0] = (byte) START;
        f[1] = (byte) address;
        f[2] = (byte) dataId;
        f[3] = 8;
        System.arraycopy(payload, 0, f, 4, 8);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += f[i] & 0xFF;
        }
        f[12] = (byte) sum;
        return f;
    }
}
