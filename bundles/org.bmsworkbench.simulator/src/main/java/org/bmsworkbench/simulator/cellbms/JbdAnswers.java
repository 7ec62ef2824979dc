package org.bmsworkbench.simulator.cellbms;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JBD board's side of its UART protocol, written from the public register map (Overkill Solar's
 * "JBD_REGISTER_MAP.md", also bms-tools' copy) and JBD's "Software Board General Protocol V13",
 * independently of the {@code protocol.jbd} bundle.
 *
 * <p>A request is {@code DD A5|5A register length data… checksum(2) 77}; an answer
 * {@code DD register status length data… checksum(2) 77} with status 0x00 (ok) or 0x80 (error);
 * the checksum is 0x10000 minus the sum of the bytes from register (request) or status (answer)
 * through the data, big-endian. Served: reads of 0x03 (basic info), 0x04 (cell voltages), 0x05
 * (device name: the {@code serial} option); writes of 0x00 {@code 56 78} (enter factory mode),
 * 0x01 {@code 00 00} or {@code 28 28} (exit), and in factory mode 0xE1 {@code 00 XX} (MOSFET
 * control: bit 0 set = charge off, bit 1 set = discharge off) — refused with 0x80 while a
 * protection holds a MOSFET asked on. Anything else is answered 0x80 with no data. Bytes that
 * are not a whole request with a good checksum are skipped without an answer.
 */
public final class JbdAnswers {
    public static final int START = 0xDD;
    public static final int END = 0x77;
    public static final int READ = 0xA5;
    public static final int WRITE = 0x5A;
    public static final int STATUS_OK = 0x00;
    public static final int STATUS_ERROR = 0x80;
    /** Manufacturing date in basic info: 2024-05-20 as (year − 2000) << 9 | month << 5 | day. */
    static final int PRODUCTION_DATE = (24 << 9) | (5 << 5) | 20;
    /** Software version byte in basic info (0x21 = 2.1). */
    static final int SOFTWARE_VERSION = 0x21;

    private final CellBms bms;
    private final FrameBuffer buffer = new FrameBuffer();
    private boolean factoryMode;

    public JbdAnswers(CellBms bms) {
        this.bms = bms;
    }

    /** The line was idle ({@value VirtualCellBms#IDLE_MILLIS} ms): an unfinished request is dropped, as a board's receive timeout does. */
    public void idle() {
        buffer.clear();
    }

    /** Bytes from the host; the answers to the requests they complete, one frame each, in order. */
    public List<byte[]> receive(byte[] bytes) {
        buffer.append(bytes);
        List<byte[]> answers = new ArrayList<>();
        while (true) {
            buffer.seek(START);
            if (buffer.length() < 4) {
                return answers;
            }
            int command = buffer.u8(1);
            if (command != READ && command != WRITE) {
                buffer.skipToNext(START);
                continue;
            }
            int length = buffer.u8(3);
            int total = 4 + length + 3;
            if (buffer.length() < total) {
                return answers;
            }
            int sum = 0;
            for (int i = 2; i < 4 + length; i++) {
                sum += buffer.u8(i);
            }
            int checksum = buffer.u8(4 + length) << 8 | buffer.u8(5 + length);
            if (checksum != ((0x10000 - sum) & 0xFFFF) || buffer.u8(total - 1) != END) {
                buffer.skipToNext(START);
                continue;
            }
            int register = buffer.u8(2);
            byte[] data = buffer.copy(4, 4 + length);
            buffer.drop(total);
            answers.add(command == READ ? read(register) : write(register, data));
        }
    }

    public boolean factoryMode() {
        return factoryMode;
    }

    private byte[] read(int register) {
        return switch (register) {
            case 0x03 -> frame(register, STATUS_OK, basicInfo());
            case 0x04 -> frame(register, STATUS_OK, cellVoltages());
            case 0x05 -> frame(register, STATUS_OK, bms.options().serial().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            default -> frame(register, STATUS_ERROR, new byte[0]);
        };
    }

    private byte[] write(int register, byte[] data) {
        boolean ok;
        switch (register) {
            case 0x00 -> {
                ok = data.length == 2 && (data[0] & 0xFF) == 0x56 && (data[1] & 0xFF) == 0x78;
                factoryMode |= ok;
            }
            case 0x01 -> {
                ok = factoryMode && data.length == 2 && data[0] == data[1] && (data[0] == 0 || data[0] == 0x28);
                factoryMode &= !ok;
            }
            case 0xE1 -> ok = factoryMode && data.length == 2 && data[0] == 0 && (data[1] & ~3) == 0
                    && mosfets(data[1]).isEmpty();
            default -> ok = false;
        }
        return frame(register, ok ? STATUS_OK : STATUS_ERROR, new byte[0]);
    }

    private Set<CellProtection> mosfets(int bits) {
        return bms.switchFets((bits & 1) == 0, (bits & 2) == 0);
    }

    /** Register 0x03: the layout of the register map, 23 + 2 × NTC bytes. */
    byte[] basicInfo() {
        CellPack pack = bms.pack();
        CellProtections p = bms.protections();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, (int) Math.round(pack.packVoltage() * 100));
        u16(out, (int) Math.round(pack.current() * 100)); // 10 mA, signed, + = charging
        u16(out, (int) Math.round(pack.remainingAh() * 100));
        u16(out, (int) Math.round(CellPack.CAPACITY_AH * 100));
        u16(out, pack.cycles());
        u16(out, PRODUCTION_DATE);
        long balance = 0;
        for (int i = 0; i < pack.cells(); i++) {
            balance |= pack.balancing(i) ? 1L << i : 0;
        }
        u16(out, (int) (balance & 0xFFFF));
        u16(out, (int) (balance >>> 16 & 0xFFFF));
        int protection = 0;
        for (CellProtection c : CellProtection.values()) {
            protection |= p.active(c) ? 1 << c.jbdBit() : 0;
        }
        protection |= p.softwareLock() ? 1 << 12 : 0;
        u16(out, protection);
        out.write(SOFTWARE_VERSION);
        out.write((int) Math.round(Math.max(0, Math.min(100, pack.socPercent()))));
        out.write((p.chargeFet() ? 1 : 0) | (p.dischargeFet() ? 2 : 0));
        out.write(pack.cells());
        out.write(pack.sensors());
        for (int s = 0; s < pack.sensors(); s++) {
            u16(out, 2731 + (int) Math.round(pack.temperature(s) * 10));
        }
        return out.toByteArray();
    }

    /** Register 0x04: each cell in mV. */
    byte[] cellVoltages() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bms.pack().cells(); i++) {
            u16(out, (int) Math.round(bms.pack().cellVoltage(i) * 1000));
        }
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8 & 0xFF);
        out.write(v & 0xFF);
    }

    /** An answer frame: {@code DD register status length data checksum 77}. */
    public static byte[] frame(int register, int status, byte[] data) {
        byte[] f = new byte[data.length + 7];
        f[0] = (byte) START;
        f[1] = (byte) register;
        f[2] = (byte) status;
        f[3] = (byte) data.length;
        System.arraycopy(data, 0, f, 4, data.length);
        int sum = status + data.length;
        for (byte b : data) {
            sum += b & 0xFF;
        }
        int checksum = (0x10000 - sum) & 0xFFFF;
        f[4 + data.length] = (byte) (checksum >> 8);
        f[5 + data.length] = (byte) checksum;
        f[6 + data.length] = (byte) END;
        return f;
    }
}
